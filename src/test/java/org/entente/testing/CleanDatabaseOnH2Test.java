package org.entente.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@EntenteTest
class CleanDatabaseOnH2Test extends CleanDatabaseContract {

  @Autowired ApplicationContext context;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  /** On H2 a cleaning writes again only the tables written since the last one. */
  @Test
  void leavesATableNobodyWroteAsItIs() {
    CleanDatabase.clean(context);
    long area = lastModification("area");
    long account = lastModification("account");
    people.person("cleaner.h2").party("AZ").create();
    assertThat(lastModification("account")).isNotEqualTo(account);

    CleanDatabase.clean(context);

    assertThat(lastModification("area")).as("not written again").isEqualTo(area);
    assertThat(jdbc.sql("select count(*) from account").query(Integer.class).single()).isZero();
  }

  private long lastModification(String table) {
    return jdbc.sql(
            "select last_modification from information_schema.tables"
                + " where lower(table_schema) = 'public' and table_name = ?")
        .param(table)
        .query(Long.class)
        .single();
  }
}
