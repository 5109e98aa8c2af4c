package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntentePostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

@EntentePostgresTest
@CleanAfterEachTest
class AuditOnPostgresTest extends AuditContract {

  @Autowired JdbcTemplate template;

  /** Only a superuser that switches triggers off (replica mode) can change audit rows. */
  @Override
  void tamper(String sql, Object... params) {
    template.execute(
        (ConnectionCallback<Void>)
            c -> {
              try (var s = c.createStatement()) {
                s.execute("set session_replication_role = replica");
              }
              try (var ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                  ps.setObject(i + 1, params[i]);
                }
                ps.executeUpdate();
              } finally {
                try (var s = c.createStatement()) {
                  s.execute("set session_replication_role = origin");
                }
              }
              return null;
            });
  }

  @Test
  void theApplicationCannotUpdateDeleteOrTruncateTheTrail() {
    assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'x' where seq = 1").update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit_event where seq = 1").update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    org.assertj.core.api.Assertions.assertThat(verifier.verify().intact()).isTrue();
  }
}
