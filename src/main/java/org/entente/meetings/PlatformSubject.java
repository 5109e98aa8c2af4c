package org.entente.meetings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.entente.charter.CharterViews.PartyView;
import org.entente.charter.Charters;
import org.entente.charter.Charters.ProposedPlatform;
import org.entente.concurrence.AgreementReached;
import org.entente.concurrence.AgreementSubject;
import org.entente.concurrence.Concurrence;
import org.entente.concurrence.Concurrence.Subject;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.entente.shared.StateConflictException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A proposed dialogue platform as a subject of the two-party agreement: a version is its key, name,
 * purpose and classification; when both parties agreed the version that is the platform now, it is
 * established. Its key is the charter's and the platform's keys; it belongs to no group (the
 * officials of both parties see it), and a coordinator or co-chair acts on it for their party.
 */
@Component
class PlatformSubject implements AgreementSubject {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Charters charters;
  private final org.springframework.beans.factory.ObjectProvider<Platforms> platforms;

  PlatformSubject(
      Charters charters, org.springframework.beans.factory.ObjectProvider<Platforms> platforms) {
    this.charters = charters;
    this.platforms = platforms;
  }

  @Override
  public String type() {
    return Platforms.TYPE;
  }

  @Override
  public String noun() {
    return "dialogue platform";
  }

  @Override
  public Subject resolve(CharterKey charterKey, String key, Viewer viewer) {
    if (charterKey == null) {
      throw new NotFoundException("dialogue platform", key);
    }
    charters.platform(charterKey, key, viewer);
    return new Subject(
        type(),
        Platforms.subjectKey(charterKey, key),
        charters.idOf(charterKey).orElseThrow(),
        null);
  }

  /** The proposed platform as it is now; nothing to submit once it is established. */
  @Override
  public Submission submission(Subject subject, Viewer viewer) {
    String[] keys = keys(subject.key());
    CharterKey charterKey = CharterKey.of(keys[0]);
    ProposedPlatform platform =
        charters
            .proposedPlatform(charterKey, keys[1])
            .orElseThrow(
                () ->
                    new StateConflictException(
                        "Not proposed",
                        "the dialogue platform '"
                            + keys[1]
                            + "' is not a proposal: there is nothing to agree",
                        Map.of()));
    return new Submission(
        charters.overview(charterKey, viewer).parties().stream().map(PartyView::key).toList(),
        canonical(platform));
  }

  @Override
  public Object view(Subject subject, Viewer viewer) {
    String[] keys = keys(subject.key());
    return platforms.getObject().view(CharterKey.of(keys[0]), keys[1], viewer);
  }

  /** Whoever may write for the charter as a whole proposes a platform and revises it. */
  @Override
  public boolean mayDraft(Viewer viewer, java.util.UUID groupId) {
    return viewer.mayWriteInFramework();
  }

  /** A coordinator or co-chair of a party approves, disputes and reopens for it. */
  @Override
  public boolean mayAct(Viewer viewer, java.util.UUID groupId) {
    return Platforms.mayAct(viewer);
  }

  /** Both parties agreed the version that is the platform now: it is established. */
  @Override
  public void agreed(AgreementReached reached) {
    String[] keys = keys(reached.subjectKey());
    charters
        .proposedPlatform(CharterKey.of(keys[0]), keys[1])
        .filter(p -> Concurrence.fingerprint(canonical(p)).equals(reached.fingerprint()))
        .ifPresent(p -> charters.establishAgreedPlatform(p, reached.version()));
  }

  private static String[] keys(String subjectKey) {
    return subjectKey.split("/", 2);
  }

  /** The canonical content of a platform's version: its key, name, purpose, classification. */
  static String canonical(ProposedPlatform platform) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("platform", platform.key());
    content.put("name", new TreeMap<>(platform.name().values()));
    content.put("purpose", new TreeMap<>(platform.purpose().values()));
    content.put("classification", platform.classification());
    return JSON.writeValueAsString(content);
  }
}
