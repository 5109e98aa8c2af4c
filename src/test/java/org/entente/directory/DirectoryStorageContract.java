package org.entente.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.entente.charter.Charters;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.shared.CharterKey;
import org.entente.shared.ConflictException;
import org.entente.testing.MutableClock;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

/**
 * The directory's storage and queries on each database: every field and the clock's times, a name
 * unique whatever its case (in the schema too), a search that takes wildcards as text, and a change
 * to a stale version that stores nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DirectoryStorageContract {

  static final CharterKey CHARTER = CharterKey.of(People.CHARTER);

  @Autowired People people;
  @Autowired Directory directory;
  @Autowired OrganizationStore store;
  @Autowired Charters charters;
  @Autowired Viewers viewers;
  @Autowired MutableClock clock;

  Viewer coordinator;

  @BeforeAll
  void people() {
    people.person("ds.coord").party("AZ").role(Role.COORDINATOR).createAccount();
    coordinator = viewers.of("ds.coord").orElseThrow();
  }

  private OrganizationView add(String name, String party, String type, String identifier) {
    return directory.create(
        CHARTER, new OrganizationInput(name, null, party, type, identifier, null), coordinator);
  }

  @Test
  void anOrganizationIsStoredWithEveryFieldAndTheClocksTimes() {
    clock.set(LocalDate.of(2026, 12, 1));
    OrganizationView o =
        directory.create(
            CHARTER,
            new OrganizationInput(
                " Ministry of Economy ", "İqtisadiyyat Nazirliyi", "az", "10", "AZ-GOV-12", null),
            coordinator);
    OrganizationView found = directory.find(CHARTER, o.id(), coordinator);
    assertThat(found.name()).isEqualTo("Ministry of Economy");
    assertThat(found.secondName()).isEqualTo("İqtisadiyyat Nazirliyi");
    assertThat(found.party()).isEqualTo("AZ");
    assertThat(found.type()).isEqualTo("10");
    assertThat(found.identifier()).isEqualTo("AZ-GOV-12");
    assertThat(found.version()).isZero();
    assertThat(found.createdAt().toInstant()).isEqualTo(clock.instant());
    assertThat(found.updatedAt().toInstant()).isEqualTo(clock.instant());
    assertThat(directory.list(CHARTER, "NAZIRLIYI", null, null, coordinator))
        .extracting(OrganizationView::name)
        .containsExactly("Ministry of Economy");
    assertThat(directory.knows(CHARTER, "ministry OF economy", coordinator)).isTrue();
  }

  @Test
  void aNameIsUniqueWhateverItsCaseInTheSchemaToo() {
    add("Caspian Pipeline Consortium", null, "30", null);
    UUID charter = charters.idOf(CHARTER).orElseThrow();
    assertThatThrownBy(
            () ->
                store.insert(
                    new Organization(
                        UUID.randomUUID(),
                        charter,
                        "CASPIAN pipeline consortium",
                        null,
                        null,
                        "30",
                        null,
                        0)))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aSearchTakesWildcardsAsTextAndFiltersByPartyAndType() {
    add("100% Renewables_Fund", null, "60", null);
    add("Renewables Agency", "AZ", "10", null);
    assertThat(directory.list(CHARTER, "100%", null, null, coordinator))
        .extracting(OrganizationView::name)
        .containsExactly("100% Renewables_Fund");
    assertThat(directory.list(CHARTER, "s_f", null, null, coordinator))
        .extracting(OrganizationView::name)
        .containsExactly("100% Renewables_Fund");
    assertThat(directory.list(CHARTER, "renewables", "AZ", "10", coordinator))
        .extracting(OrganizationView::name)
        .containsExactly("Renewables Agency");
    List<OrganizationView> all = directory.list(CHARTER, null, null, null, coordinator);
    assertThat(all).extracting(OrganizationView::name).startsWith("100% Renewables_Fund");
  }

  @Test
  void aChangeToAStaleVersionStoresNothing() {
    OrganizationView o = add("Azerbaijan Export Promotion", "AZ", "10", null);
    directory.update(
        CHARTER, o.id(), new OrganizationInput("AZPROMO", null, "AZ", "10", null, 0L), coordinator);
    assertThatThrownBy(
            () ->
                directory.update(
                    CHARTER,
                    o.id(),
                    new OrganizationInput("Azpromo agency", null, "AZ", "15", null, 0L),
                    coordinator))
        .isInstanceOf(ConflictException.class)
        .extracting(e -> ((ConflictException) e).currentVersion())
        .isEqualTo(1L);
    OrganizationView now = directory.find(CHARTER, o.id(), coordinator);
    assertThat(now.name()).isEqualTo("AZPROMO");
    assertThat(now.version()).isEqualTo(1);
  }
}
