package org.entente.reporting;

import java.io.Reader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.projects.ProjectCsv;
import org.entente.roadmaps.MilestoneCsv;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a CSV import of a group's projects or milestones in the background and keeps its progress in
 * the database, where the page that shows it reads it. The import itself is the module's own (all
 * or nothing, in one transaction); this only starts it, counts its rows and keeps its report.
 */
@Service
public class Imports {

  private static final Logger LOG = LoggerFactory.getLogger(Imports.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What is imported. */
  public enum Kind {
    PROJECTS,
    MILESTONES
  }

  /** An import as its page shows it. */
  public record Job(
      UUID id,
      Kind kind,
      String charter,
      String group,
      String fileName,
      String status,
      long rowsRead,
      String report,
      OffsetDateTime createdAt,
      OffsetDateTime finishedAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TaskExecutor executor;
  private final TransactionTemplate separate;
  private final ProjectCsv projectCsv;
  private final MilestoneCsv milestoneCsv;

  Imports(
      JdbcClient jdbc,
      Clock clock,
      @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor")
          TaskExecutor executor,
      PlatformTransactionManager transactions,
      ProjectCsv projectCsv,
      MilestoneCsv milestoneCsv) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.executor = executor;
    this.separate = new TransactionTemplate(transactions);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.projectCsv = projectCsv;
    this.milestoneCsv = milestoneCsv;
  }

  /**
   * Starts an import and returns at once; its page follows it.
   *
   * @param file the CSV, read in the background (the caller hands over a copy it owns)
   */
  public UUID start(
      Kind kind, String charter, String group, String fileName, Reader file, Viewer viewer) {
    UUID id = UUID.randomUUID();
    separate.executeWithoutResult(
        s ->
            jdbc.sql(
                    "insert into import_job (id, kind, charter, group_key, file_name, started_by,"
                        + " status, created_at) values (?, ?, ?, ?, ?, ?, 'RUNNING', ?)")
                .params(
                    id,
                    kind.name(),
                    charter,
                    group,
                    fileName == null
                        ? null
                        : fileName.substring(0, Math.min(300, fileName.length())),
                    viewer.username(),
                    now())
                .update());
    executor.execute(
        new DelegatingSecurityContextRunnable(() -> run(id, kind, charter, group, file, viewer)));
    return id;
  }

  private void run(UUID id, Kind kind, String charter, String group, Reader file, Viewer viewer) {
    String status;
    String report;
    try (file) {
      Object result =
          switch (kind) {
            case PROJECTS ->
                projectCsv.importCsv(
                    CharterKey.of(charter), group, file, viewer, rows -> progress(id, rows));
            case MILESTONES -> milestoneCsv.importCsv(CharterKey.of(charter), group, file, viewer);
          };
      boolean refused =
          result instanceof ProjectCsv.ImportReport p
              ? !p.errors().isEmpty()
              : !((MilestoneCsv.ImportReport) result).errors().isEmpty();
      status = refused ? "REFUSED" : "DONE";
      report = JSON.writeValueAsString(result);
    } catch (org.entente.shared.DomainException e) {
      status = "REFUSED";
      report = JSON.writeValueAsString(java.util.Map.of("message", String.valueOf(e.getMessage())));
    } catch (Exception e) {
      LOG.error("import {} failed", id, e);
      status = "FAILED";
      report =
          JSON.writeValueAsString(
              java.util.Map.of(
                  "message", "the import failed; nothing was imported (error " + id + ")"));
    }
    String finalStatus = status;
    String finalReport = report;
    separate.executeWithoutResult(
        s ->
            jdbc.sql("update import_job set status = ?, report = ?, finished_at = ? where id = ?")
                .params(finalStatus, finalReport, now(), id)
                .update());
  }

  private void progress(UUID id, long rows) {
    separate.executeWithoutResult(
        s ->
            jdbc.sql("update import_job set rows_read = ? where id = ?").params(rows, id).update());
  }

  /**
   * An import the viewer started.
   *
   * @throws NotFoundException for anyone else, and for an id that is no import
   */
  public Job job(UUID id, Viewer viewer) {
    Optional<Job> job =
        jdbc.sql("select * from import_job where id = ? and started_by = ?")
            .params(id, viewer.username() == null ? "" : viewer.username())
            .query(
                (rs, n) ->
                    new Job(
                        rs.getObject("id", UUID.class),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("charter"),
                        rs.getString("group_key"),
                        rs.getString("file_name"),
                        rs.getString("status"),
                        rs.getLong("rows_read"),
                        rs.getString("report"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("finished_at", OffsetDateTime.class)))
            .optional();
    return job.orElseThrow(() -> new NotFoundException("import", String.valueOf(id)));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
