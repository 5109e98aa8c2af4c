package org.entente.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.entente.audit.Audit;
import org.entente.charter.Charters;
import org.entente.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@link CleanDatabase} puts back between test classes, on each database: the rows (also the
 * append-only audit trail's, which PostgreSQL guards with triggers), the clock, and the values kept
 * until a record changes.
 */
abstract class CleanDatabaseContract {

  @Autowired ApplicationContext context;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired Audit audit;
  @Autowired Charters charters;
  @Autowired MutableClock clock;

  @Test
  void putsTheRowsTheClockAndTheKeptValuesBackToWhatStartUpLeft() {
    CleanDatabase.clean(context);
    long head = audit.head().seq();
    int charterRows = count("charter");
    int areas = count("area");

    people.person("cleaner.test").party("AZ").role(Role.MEMBER).create();
    clock.set(LocalDate.of(2030, 1, 1));
    charters.list(TestViewers.ANONYMOUS);
    assertThat(count("account")).isEqualTo(1);
    assertThat(audit.head().seq()).isGreaterThan(head);
    assertThat(KeptValues.count(context)).isPositive();

    CleanDatabase.clean(context);

    assertThat(count("account")).isZero();
    assertThat(count("personal_access_token")).isZero();
    assertThat(audit.head().seq()).isEqualTo(head);
    assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single())
        .isEqualTo(head);
    assertThat(count("charter")).isEqualTo(charterRows).isPositive();
    assertThat(count("area")).isEqualTo(areas).isPositive();
    assertThat(LocalDate.ofInstant(clock.instant(), clock.getZone()))
        .isEqualTo(FixedClockConfiguration.TODAY);
    assertThat(KeptValues.count(context)).isZero();
  }

  @Test
  void theSameNamesCanBeMadeAgainAfterACleaning() {
    people.person("made.twice").party("US").create();
    CleanDatabase.clean(context);
    people.person("made.twice").party("US").create();
    assertThat(count("account")).isEqualTo(1);
  }

  @Test
  void putsBackARowChangedInPlace() {
    CleanDatabase.clean(context);
    long before = positions();
    jdbc.sql("update area set position = position + 100").update();
    CleanDatabase.clean(context);
    assertThat(positions()).isEqualTo(before);
  }

  private long positions() {
    return jdbc.sql("select sum(position) from area").query(Long.class).single();
  }

  private int count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }
}
