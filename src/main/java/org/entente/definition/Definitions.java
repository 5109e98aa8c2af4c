package org.entente.definition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterViews.SyncReport;
import org.entente.charter.Charters;
import org.entente.obligations.Obligations;
import org.entente.shared.CharterKey;
import org.entente.shared.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads charter definitions: the ones shipped with the application and those in a configured
 * folder. Each file loads whole or not at all; a file with problems is refused with its name, line
 * and what is wrong, and the others still load.
 */
@Service
public class Definitions {

  private static final Logger log = LoggerFactory.getLogger(Definitions.class);

  private final Charters charters;
  private final Obligations obligations;
  private final Audit audit;
  private final TransactionTemplate transactions;
  private final ClusterLock lock;
  private final DefinitionReader reader = new DefinitionReader();
  private final String bundled;
  private final String folder;
  private volatile List<LoadResult> lastRun = List.of();

  Definitions(
      Charters charters,
      Obligations obligations,
      Audit audit,
      TransactionTemplate transactions,
      ClusterLock lock,
      @Value("${entente.definitions.bundled:classpath:charters/*.yaml}") String bundled,
      @Value("${entente.definitions.folder:}") String folder) {
    this.charters = charters;
    this.obligations = obligations;
    this.audit = audit;
    this.transactions = transactions;
    this.lock = lock;
    this.bundled = bundled;
    this.folder = folder;
  }

  /**
   * How loading one file went.
   *
   * @param report what changed, when it loaded; null when refused
   * @param problems why it was refused; empty when it loaded
   */
  public record LoadResult(String file, SyncReport report, List<DefinitionProblem> problems) {
    public boolean loaded() {
      return problems.isEmpty();
    }
  }

  /** Loads every definition, bundled ones first, then the folder's in name order. */
  public List<LoadResult> loadAll() {
    List<LoadResult> results = new ArrayList<>();
    Map<String, String> charterFiles = new HashMap<>();
    for (NamedText file : sources()) {
      LoadResult result = load(file.name(), file.text(), charterFiles);
      results.add(result);
      if (result.loaded()) {
        SyncReport r = result.report();
        log.info(
            "Charter definition {} loaded as '{}': {}",
            file.name(),
            r.charterKey(),
            r.unchanged()
                ? "unchanged"
                : r.created()
                    + " created, "
                    + r.updated()
                    + " updated, "
                    + r.retired()
                    + " retired");
      } else {
        log.error(
            "Charter definition {} refused:\n  {}",
            file.name(),
            String.join(
                "\n  ", result.problems().stream().map(DefinitionProblem::toString).toList()));
      }
    }
    lastRun = Collections.unmodifiableList(results);
    return lastRun;
  }

  /** What the last {@link #loadAll()} did, file by file. */
  public List<LoadResult> lastRun() {
    return lastRun;
  }

  /** Loads one definition in one transaction. */
  public LoadResult load(String name, String text) {
    return load(name, text, new HashMap<>());
  }

  private LoadResult load(String name, String text, Map<String, String> charterFiles) {
    Definition definition;
    try {
      definition = reader.read(name, text);
    } catch (DefinitionException e) {
      audit.record(
          "charter.definition-refused",
          "definition",
          name,
          Outcome.FAILURE,
          Map.of("problems", e.problems().size(), "first", e.problems().get(0).toString()));
      return new LoadResult(name, null, e.problems());
    }
    String key = definition.charter().key();
    String earlier = charterFiles.putIfAbsent(key, name);
    if (earlier != null) {
      return new LoadResult(
          name,
          null,
          List.of(
              new DefinitionProblem(
                  name,
                  1,
                  "charter.key",
                  "charter '" + key + "' is already defined by " + earlier)));
    }
    SyncReport report =
        transactions.execute(
            status -> {
              // Nodes started together load the same files into the same database: one at a
              // time, so that the second finds the charter stored and unchanged instead of
              // inserting it again and failing to start on a duplicate key.
              lock.holdUntilCommit("definitions");
              SyncReport r = charters.synchronize(definition.charter());
              if (!r.unchanged()) {
                obligations.synchronize(
                    CharterKey.of(key), definition.rules(), definition.history());
                audit.record(
                    "charter.synchronized",
                    "charter",
                    key,
                    Outcome.SUCCESS,
                    Map.of(
                        "file", name,
                        "sha256", definition.charter().definitionSha256(),
                        "created", r.created(),
                        "updated", r.updated(),
                        "retired", r.retired()));
              }
              return r;
            });
    return new LoadResult(name, report, List.of());
  }

  /**
   * Whether a file beside the definitions is a companion of one, not a definition: the reference
   * indicators of a charter ({@code <charter>.indicators.yaml}), read by the indicators module.
   */
  static boolean companion(String fileName) {
    return fileName != null && fileName.matches(".*\\.indicators\\.ya?ml");
  }

  private List<NamedText> sources() {
    List<NamedText> files = new ArrayList<>();
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources(bundled);
      java.util.Arrays.sort(resources, java.util.Comparator.comparing(Resource::getFilename));
      for (Resource resource : resources) {
        if (companion(resource.getFilename())) {
          continue;
        }
        files.add(
            new NamedText(
                resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      log.error("Cannot read the bundled charter definitions at {}: {}", bundled, e.getMessage());
    }
    if (folder != null && !folder.isBlank()) {
      Path dir = Path.of(folder);
      if (!Files.isDirectory(dir)) {
        log.warn(
            "Charter definition folder {} does not exist; nothing loaded from it",
            dir.toAbsolutePath());
      } else {
        try (Stream<Path> paths = Files.list(dir)) {
          for (Path path :
              paths
                  .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                  .filter(p -> !companion(p.getFileName().toString()))
                  .sorted()
                  .toList()) {
            try {
              files.add(new NamedText(path.getFileName().toString(), Files.readString(path)));
            } catch (IOException | java.io.UncheckedIOException e) {
              log.error("Cannot read charter definition {}: {}", path, e.getMessage());
            }
          }
        } catch (IOException e) {
          log.error("Cannot list charter definition folder {}: {}", dir, e.getMessage());
        }
      }
    }
    return files;
  }

  private record NamedText(String name, String text) {}
}
