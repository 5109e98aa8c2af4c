package org.entente.meetings.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.entente.charter.CharterViews.PartyView;
import org.entente.shared.LocalizedText;

/**
 * The time zones a meeting form offers (issue 19): the parties' own zones first, as their
 * definition declares them, then every other IANA zone of the JDK by name, for the browser's search
 * of a {@code <datalist>}.
 */
final class ZoneChoices {

  private ZoneChoices() {}

  /** A party's zone, with the party it belongs to. */
  record PartyZone(String zone, LocalizedText party) {}

  /**
   * Every zone a party declared, in the parties' order; a zone two parties share is offered once.
   */
  static List<PartyZone> ofParties(List<PartyView> parties) {
    List<PartyZone> zones = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (PartyView party : parties) {
      for (String zone : party.timeZones()) {
        if (seen.add(zone)) {
          zones.add(new PartyZone(zone, party.shortName()));
        }
      }
    }
    return zones;
  }

  /**
   * The other zones, sorted by name: the regions and cities of the IANA database and UTC, without
   * the legacy aliases ({@code Etc/GMT+4}, {@code SystemV/...}, {@code US/Eastern}) that name no
   * place.
   */
  static List<String> others(List<PartyView> parties) {
    Set<String> declared = new LinkedHashSet<>();
    parties.forEach(p -> declared.addAll(p.timeZones()));
    return PLACES.stream().filter(zone -> !declared.contains(zone)).toList();
  }

  /** The IANA zones that name a place, and UTC, sorted by name: read from the JDK once. */
  private static final List<String> PLACES = places();

  private static List<String> places() {
    List<String> zones = new ArrayList<>();
    for (String zone : ZoneId.getAvailableZoneIds()) {
      if (zone.matches(
          "(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+")) {
        zones.add(zone);
      }
    }
    zones.add("UTC");
    zones.sort(null);
    return List.copyOf(zones);
  }

  /** The zone a new meeting starts in when the person has none: the first party's, else UTC. */
  static String byDefault(List<PartyView> parties) {
    return parties.stream()
        .map(PartyView::timeZone)
        .filter(z -> z != null)
        .findFirst()
        .orElse("UTC");
  }
}
