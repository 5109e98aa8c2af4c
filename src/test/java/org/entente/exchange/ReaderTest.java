package org.entente.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.entente.exchange.Reader.Audience;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.junit.jupiter.api.Test;

/** Which reader a viewer is: the public, a person of a party, or a full export. */
class ReaderTest {

  private static Viewer person(String party, Role role) {
    return new Viewer("someone", party, false, Set.of(role), Set.of(), Set.of(), Set.of(), false);
  }

  @Test
  void nobodySignedInIsThePublic() {
    assertThat(Reader.of(Viewer.ANONYMOUS)).isEqualTo(Reader.PUBLIC);
    assertThat(Reader.PUBLIC.isPublic()).isTrue();
  }

  @Test
  void aPersonOfAPartyIsTheOtherPartyAndReadsAsThemselves() {
    Viewer member = person("FD", Role.MEMBER);
    Reader reader = Reader.of(member);
    assertThat(reader.audience()).isEqualTo(Audience.PARTY);
    assertThat(reader.viewer()).isEqualTo(member);
    assertThat(reader.isPublic()).isFalse();
  }

  @Test
  void anAdministratorOrTheOperatorExports() {
    assertThat(Reader.of(person(null, Role.ADMINISTRATOR)).audience()).isEqualTo(Audience.EXPORT);
    Viewer operator = new Viewer(null, null, false, Set.of(), Set.of(), Set.of(), Set.of(), true);
    assertThat(Reader.of(operator).audience()).isEqualTo(Audience.EXPORT);
  }
}
