// CSV import benchmark: 50,000 projects and 50,000 milestones imported into a working group, their
// replay, and a file with one bad row, timed with their peak memory. Runs the real application
// context (no web server) on an embedded PostgreSQL. Started by bench/import/run.sh with Java's
// single-file source launcher on the project's compiled classes and test classpath; see
// bench/import/README.md.

import com.sun.management.GarbageCollectionNotificationInfo;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.entente.EntenteApplication;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.projects.ProjectCsv;
import org.entente.roadmaps.MilestoneCsv;
import org.entente.testing.EmbeddedPostgresConfiguration;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

public class ImportBench {

  static final int ROWS = (int) env("ROWS", 50_000);
  /** Rows of the project file and of the milestone file: ROWS unless given one by one. */
  static final int PROJECTS = (int) env("PROJECTS", ROWS);
  static final int MILESTONES = (int) env("MILESTONES", ROWS);
  /**
   * Where PostgreSQL runs: {@code embedded} (the default, zonky as in the tests) or {@code server},
   * a running server reached with PGHOST, PGPORT, PGUSER, PGPASSWORD (a role with CREATEDB), for
   * example Debian's postgresql-15; a database of its own is made for the run and dropped after.
   */
  static final String PG = System.getenv().getOrDefault("PG", "embedded");
  /** The data row (1-based) made bad in (c); its line in the file is one more (the header). */
  static final int BAD_ROW = Math.max(1, PROJECTS - 7);
  static final double QUIET_WAIT_S = env("QUIET_WAIT", 60);
  static final double QUIET_MAX = env("QUIET_MAX", 20);
  static final double NOISY = env("NOISY", 15);
  static final boolean COPY = env("COPY", 1) != 0;

  static final String CHARTER = "az-us-2026";
  static final String GROUP = "wg-connectivity-digital";

  static ConfigurableApplicationContext context;
  static JdbcClient jdbc;
  static HikariDataSource dataSource;
  static ProjectCsv projectCsv;
  static MilestoneCsv milestoneCsv;
  static Viewer viewer;
  static String databaseName;

  /** Drops the run's database on a server (PG=server); nothing for the embedded one. */
  interface Drop {
    void run() throws Exception;
  }

  static Drop dropAtEnd = () -> {};
  static long postmasterPid;
  static final List<String> noisy = new ArrayList<>();
  static final List<String> table = new ArrayList<>();
  static final List<String> failures = new ArrayList<>();

  /** Results go here; everything else (logs of Spring, Hikari, PostgreSQL) goes to stderr. */
  static final java.io.PrintStream RESULTS = System.out;

  public static void main(String[] args) {
    System.setOut(System.err);
    Locale.setDefault(Locale.ROOT);
    int status = 0;
    try {
      run();
      status = failures.isEmpty() ? 0 : 2;
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    } finally {
      if (context != null) {
        context.close();
      }
      try {
        dropAtEnd.run();
      } catch (Exception e) {
        System.err.println("could not drop the benchmark's database " + databaseName + ": " + e);
      }
    }
    System.exit(status);
  }

  static void run() throws Throwable {
    long started = System.nanoTime();
    out("# CSV import benchmark");
    out("");
    out("started " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + loadavg());
    out("JVM: " + ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-X")).toList() + ", max heap "
        + mb(Runtime.getRuntime().maxMemory()) + " MB, GC "
        + ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName).toList());
    startApplication();
    out("PostgreSQL " + jdbc.sql("show server_version").query(String.class).single()
        + (PG.equals("server") ? " (server)" : " (embedded, zonky)") + ", database " + databaseName + ", shared_buffers "
        + jdbc.sql("show shared_buffers").query(String.class).single() + ", synchronous_commit "
        + jdbc.sql("show synchronous_commit").query(String.class).single()
        + "; application context started in " + ms(System.nanoTime() - started) + " ms");
    watchGc();

    String filesDir = System.getenv("FILES_DIR");
    Path dir =
        filesDir == null || filesDir.isBlank()
            ? Files.createTempDirectory("entente-import-bench")
            : Path.of(filesDir);
    List<String> projectKeys = new ArrayList<>();
    Path projects = dir.resolve("projects.csv");
    Path projectsBad = dir.resolve("projects-bad-row.csv");
    Path milestones = dir.resolve("milestones.csv");
    writeProjects(projects, -1, projectKeys);
    writeProjects(projectsBad, BAD_ROW, new ArrayList<>());
    writeMilestones(milestones, projectKeys);
    out("files: " + PROJECTS + " projects, " + MILESTONES + " milestones; projects.csv " + kb(projects) + " KB, milestones.csv "
        + kb(milestones) + " KB (UTF-8), in " + dir);
    out("");

    // (a) projects, into an empty group
    Snapshot empty = snapshot();
    Measured a = measure(() -> importProjects(projects));
    ProjectCsv.ImportReport ra = (ProjectCsv.ImportReport) a.result;
    Snapshot afterA = snapshot();
    check(ra.errors().isEmpty() && ra.created() == PROJECTS, "(a) created all rows: " + brief(ra));
    check(afterA.counts.get("project") == PROJECTS, "(a) " + PROJECTS + " projects stored");
    row("(a) projects, first import", a, brief(ra));
    projectImport = a;

    // (b) the same file again
    Measured b = measure(() -> importProjects(projects));
    ProjectCsv.ImportReport rb = (ProjectCsv.ImportReport) b.result;
    Snapshot afterB = snapshot();
    check(rb.created() == 0 && rb.updated() == 0 && rb.unchanged() == PROJECTS
        && rb.errors().isEmpty(), "(b) replay: created=0, updated=0, unchanged=" + PROJECTS + ": "
        + brief(rb));
    check(afterB.equals(afterA), "(b) replay left every table as it was");
    row("(b) projects, replay", b, brief(rb) + (afterB.equals(afterA) ? "; tables identical" : "; TABLES CHANGED"));

    // (c) the same file with one bad row near the end
    Measured c = measure(() -> importProjects(projectsBad));
    ProjectCsv.ImportReport rc = (ProjectCsv.ImportReport) c.result;
    Snapshot afterC = snapshot();
    long badLine = BAD_ROW + 1L;
    boolean named = rc.errors().size() == 1 && rc.errors().get(0).line() == badLine;
    check(named, "(c) one error, on line " + badLine + ": " + rc.errors());
    check(rc.created() + rc.updated() + rc.unchanged() == 0, "(c) nothing imported: " + brief(rc));
    check(afterC.equals(afterA), "(c) the refused file left every table as it was");
    row("(c) projects, one bad row (data row " + BAD_ROW + ")", c,
        "refused: " + rc.errors().stream()
            .map(e -> "line " + e.line() + " " + e.field() + ": " + e.message()).toList()
        + (afterC.equals(afterA) ? "; tables identical" : "; TABLES CHANGED"));

    // (d) milestones, linked to the projects, then their replay
    Measured d = measure(() -> importMilestones(milestones));
    MilestoneCsv.ImportReport rd = (MilestoneCsv.ImportReport) d.result;
    Snapshot afterD = snapshot();
    check(rd.errors().isEmpty() && rd.created() == MILESTONES, "(d) created all rows: " + brief(rd));
    milestoneImport = d;
    row("(d) milestones, first import", d, brief(rd) + "; " + afterD.counts.get("milestone_dependency")
        + " dependencies, " + afterD.linked + " linked to a project");
    Measured d2 = measure(() -> importMilestones(milestones));
    MilestoneCsv.ImportReport rd2 = (MilestoneCsv.ImportReport) d2.result;
    Snapshot afterD2 = snapshot();
    check(rd2.created() == 0 && rd2.updated() == 0 && rd2.unchanged() == MILESTONES
        && rd2.errors().isEmpty(), "(d) replay: created=0, updated=0, unchanged=" + MILESTONES + ": "
        + brief(rd2));
    check(afterD2.equals(afterD), "(d) replay left every table as it was");
    row("(d) milestones, replay", d2, brief(rd2) + (afterD2.equals(afterD) ? "; tables identical" : "; TABLES CHANGED"));

    // (e) PostgreSQL COPY of the same rows into scratch copies of the tables
    if (COPY) {
      copyReference();
    }

    out("## Results, synchronous_commit=on, " + PROJECTS + " projects, " + MILESTONES
        + " milestones, PostgreSQL " + PG);
    out("");
    out("Time: wall time of the importer's call (one transaction, commit included). Heap: peak of"
        + " the heap used, sampled every 10 ms; heap after GC: the most any collection during the"
        + " run left in use (an upper bound of the data the import kept alive); both with the"
        + " heap before the run, after a full GC, in brackets. RSS: peak resident set of the JVM"
        + " (VmHWM, reset before the run). CPU: the JVM's and PostgreSQL's CPU time during the run.");
    out("");
    out("| run | time s | rows/s | heap peak MB | heap after GC MB | RSS peak MB | JVM CPU s | PG CPU s | other load % | outcome |");
    out("|--|--:|--:|--:|--:|--:|--:|--:|--:|--|");
    table.forEach(ImportBench::out);
    out("");
    ratios.forEach(ImportBench::out);
    if (!ratios.isEmpty()) {
      out("");
    }
    out("Snapshots (count and md5 of every row's text, per table) after (a): " + afterA.describe());
    out("after (d): " + afterD.describe());
    out("");
    if (noisy.isEmpty()) {
      out("other load stayed at or below " + fmt(NOISY, 0) + "% of the machine in every measurement");
    } else {
      out("NOISY (other load above " + fmt(NOISY, 0) + "% of the machine): " + String.join("; ", noisy)
          + " -- rerun when the machine is quieter");
    }
    if (failures.isEmpty()) {
      out("all checks passed");
    } else {
      out("FAILED CHECKS: " + String.join("; ", failures));
    }
    out("finished in " + (System.nanoTime() - started) / 1_000_000_000 + " s, " + loadavg());
  }

  static ProjectCsv.ImportReport importProjects(Path file) throws Exception {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return projectCsv.importCsv(CHARTER, GROUP, in, viewer, n -> {});
    }
  }

  static MilestoneCsv.ImportReport importMilestones(Path file) throws Exception {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return milestoneCsv.importCsv(CHARTER, GROUP, in, viewer);
    }
  }

  static String brief(ProjectCsv.ImportReport r) {
    return "rows " + r.rows() + ", created " + r.created() + ", updated " + r.updated()
        + ", unchanged " + r.unchanged() + ", errors " + r.errors().size();
  }

  static String brief(MilestoneCsv.ImportReport r) {
    return "rows " + r.rows() + ", created " + r.created() + ", updated " + r.updated()
        + ", unchanged " + r.unchanged() + ", errors " + r.errors().size();
  }

  static void check(boolean ok, String what) {
    out((ok ? "ok: " : "FAILED: ") + what);
    if (!ok) {
      failures.add(what);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Setup

  static void startApplication() throws Exception {
    databaseName = "entente_import_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String url;
    String user;
    String password;
    if (PG.equals("server")) {
      String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
      String port = System.getenv().getOrDefault("PGPORT", "5432");
      user = System.getenv().getOrDefault("PGUSER", "entente");
      password = System.getenv().getOrDefault("PGPASSWORD", "entente");
      try (Connection c =
              java.sql.DriverManager.getConnection(
                  "jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
          Statement s = c.createStatement()) {
        s.execute("create database " + databaseName);
        s.execute("alter database " + databaseName + " set synchronous_commit = on");
      }
      url = "jdbc:postgresql://" + host + ":" + port + "/" + databaseName;
      dropAtEnd = () -> {
        try (Connection c =
                java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
            Statement s = c.createStatement()) {
          s.execute("drop database if exists " + databaseName + " with (force)");
        }
      };
      // The server's postmaster, for its CPU time: Debian's pid file (PG_PIDFILE), when readable.
      // On a shared server that counts other clients' backends too.
      Path pidFile = Path.of(System.getenv().getOrDefault("PG_PIDFILE",
          "/var/run/postgresql/15-main.pid"));
      postmasterPid = Files.isReadable(pidFile)
          ? Long.parseLong(Files.readAllLines(pidFile).get(0).strip()) : -1;
    } else {
      var server = EmbeddedPostgresConfiguration.server();
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create database " + databaseName);
        // PostgreSQL's default (and production's); the embedded server's own default is off.
        s.execute("alter database " + databaseName + " set synchronous_commit = on");
        try (ResultSet rs = s.executeQuery("show data_directory")) {
          rs.next();
          postmasterPid =
              Long.parseLong(
                  Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).strip());
        }
      }
      url = server.getJdbcUrl("postgres", databaseName);
      user = "postgres";
      password = "";
    }
    Path keyFile = Files.createTempDirectory("import-bench").resolve("signing.key");
    context =
        new SpringApplicationBuilder(EntenteApplication.class)
            .web(WebApplicationType.NONE)
            // Command-line arguments: they outrank application-test.yaml. The default charter
            // (az-us-2026) loads on start, so its commitments and working groups exist.
            .run(
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--entente.audit.signing-key-file=" + keyFile,
                "--entente.security.bcrypt-strength=4",
                "--spring.main.log-startup-info=false",
                "--logging.level.root=WARN");
    jdbc = context.getBean(JdbcClient.class);
    dataSource = context.getBean(HikariDataSource.class);
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      if (!"PostgreSQL".equals(product)) {
        throw new IllegalStateException("the application runs on " + product + ", not PostgreSQL");
      }
    }
    String sync = jdbc.sql("show synchronous_commit").query(String.class).single();
    if (!sync.equals("on")) {
      throw new IllegalStateException("synchronous_commit is " + sync + ", wanted on");
    }
    projectCsv = context.getBean(ProjectCsv.class);
    milestoneCsv = context.getBean(MilestoneCsv.class);
    String username = "bench.importer";
    context
        .getBean(Accounts.class)
        .create(
            new Accounts.NewAccount(
                username,
                "Import benchmark",
                "US",
                null,
                EnumSet.of(Role.MEMBER),
                false,
                "correct horse battery",
                List.of(new Accounts.MembershipInput(CHARTER, GROUP, false))));
    viewer = context.getBean(Viewers.class).of(username).orElseThrow();
    List<String> known =
        jdbc.sql("select code from commitment").query(String.class).list();
    for (String k : COMMITMENTS) {
      if (!known.contains(k)) {
        throw new IllegalStateException("the default charter has no commitment " + k);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The files: deterministic (fixed seeds), realistic-looking

  static final String[] COMMITMENTS = {
    "middle-corridor", "middle-corridor", "tripp", "ai-data-centers", "energy-data-connectivity",
    "transport-infrastructure", "trade-transit-facilitation", "customs-control",
    "international-logistics"
  };
  static final String[][] KINDS = { // key slug, English title, Azerbaijani title
    {"port-terminal", "Port terminal", "Liman terminalı"},
    {"rail-link", "Rail link", "Dəmir yolu xətti"},
    {"fibre-backbone", "Fibre-optic backbone", "Fiber-optik magistral şəbəkə"},
    {"data-centre", "AI data centre", "Süni intellekt məlumat mərkəzi"},
    {"substation", "Electrical substation", "Elektrik yarımstansiyası"},
    {"customs-post", "Customs post modernisation", "Gömrük postunun müasirləşdirilməsi"},
    {"logistics-hub", "Logistics hub", "Logistika mərkəzi"},
    {"road-bridge", "Road bridge", "Avtomobil körpüsü"},
    {"subsea-cable", "Trans-Caspian subsea cable", "Xəzərdən keçən sualtı kabel"},
    {"ferry-fleet", "Ferry fleet renewal", "Bərə donanmasının yenilənməsi"},
  };
  static final String[][] PLACES = { // slug, place (as written), latitude, longitude
    {"alat", "Ələt", "39.94", "49.41"},
    {"baku", "Bakı", "40.41", "49.87"},
    {"ganja", "Gəncə", "40.68", "46.36"},
    {"sumgait", "Sumqayıt", "40.59", "49.67"},
    {"nakhchivan", "Naxçıvan", "39.21", "45.41"},
    {"lankaran", "Lənkəran", "38.75", "48.85"},
    {"shaki", "Şəki", "41.19", "47.17"},
    {"mingachevir", "Mingəçevir", "40.76", "47.05"},
    {"gazakh", "Qazax", "41.09", "45.37"},
    {"zangilan", "Zəngilan", "39.09", "46.65"},
    {"goychay", "Göyçay", "40.65", "47.74"},
    {"aghdam", "Ağdam", "39.99", "46.93"},
    {"fuzuli", "Füzuli", "39.60", "47.14"},
  };
  static final String[] STAGES = {
    "identified", "identified", "identified", "under-study", "under-study", "agreed",
    "in-implementation", "in-implementation", "completed", "suspended", "cancelled", ""
  };
  static final String[] LEADS = {
    "US=Department of State;AZ=Ministry of Digital Development and Transport",
    "US=U.S. International Development Finance Corporation;AZ=Ministry of Economy",
    "US=Department of Commerce;AZ=Azerbaijan Railways CJSC",
    "AZ=Ministry of Energy",
    "US=Department of Energy;AZ=Ministry of Energy",
    "",
  };
  static final String[] CURRENCIES = {"USD", "USD", "AZN", "EUR"};
  static final String[] FIN_STATUS = {"pledged", "committed", "disbursed", ""};
  static final String[] SOURCES = {"ADB", "World Bank", "EBRD", "DFC", "State budget", ""};

  static void writeProjects(Path file, int badRow, List<String> keys) throws Exception {
    Random r = new Random(20261128L);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p =
            new CSVPrinter(
                w,
                CSVFormat.RFC4180
                    .builder()
                    .setRecordSeparator('\n')
                    .setHeader(
                        "key", "title_en", "title_az", "commitments", "stage", "stage_reason",
                        "leads", "amount", "currency", "financing_status", "financing_source",
                        "place", "latitude", "longitude")
                    .get())) {
      for (int i = 1; i <= PROJECTS; i++) {
        String[] kind = KINDS[r.nextInt(KINDS.length)];
        String[] place = PLACES[r.nextInt(PLACES.length)];
        String key = kind[0] + "-" + place[0] + "-" + String.format("%05d", i);
        keys.add(key);
        int phase = 1 + r.nextInt(4);
        String titleEn = kind[1] + ", " + place[0].substring(0, 1).toUpperCase(Locale.ROOT)
            + place[0].substring(1) + ", phase " + phase;
        String titleAz = r.nextInt(10) < 4 ? kind[2] + " (" + place[1] + "), " + phase + "-ci mərhələ" : "";
        List<String> cs = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        while (cs.size() < n) {
          String c = COMMITMENTS[r.nextInt(COMMITMENTS.length)];
          if (!cs.contains(c)) {
            cs.add(c);
          }
        }
        String stage = STAGES[r.nextInt(STAGES.length)];
        String reason =
            stage.equals("suspended") ? "Awaiting the feasibility study"
                : stage.equals("cancelled") ? "Merged into another project" : "";
        String amount = "";
        String currency = "";
        String finStatus = "";
        String source = "";
        if (r.nextInt(10) < 7) {
          long whole = 100_000L + (long) (r.nextDouble() * 500_000_000L);
          amount = r.nextBoolean() ? Long.toString(whole) : whole + "." + String.format("%02d", r.nextInt(100));
          currency = CURRENCIES[r.nextInt(CURRENCIES.length)];
          finStatus = FIN_STATUS[r.nextInt(FIN_STATUS.length)];
          source = SOURCES[r.nextInt(SOURCES.length)];
        }
        String placeName = "";
        String lat = "";
        String lon = "";
        if (r.nextInt(10) < 8) {
          placeName = r.nextBoolean() ? place[1] : place[0].substring(0, 1).toUpperCase(Locale.ROOT) + place[0].substring(1);
          lat = String.format("%.4f", Double.parseDouble(place[2]) + (r.nextDouble() - 0.5) / 10);
          lon = String.format("%.4f", Double.parseDouble(place[3]) + (r.nextDouble() - 0.5) / 10);
        }
        if (i == badRow) {
          amount = amount.isEmpty() ? "1000000" : amount;
          currency = "XYZ";
        }
        p.printRecord(
            key, titleEn, titleAz, String.join(";", cs), stage, reason,
            LEADS[r.nextInt(LEADS.length)], amount, currency, finStatus, source, placeName, lat, lon);
      }
    }
  }

  static final String[][] STEPS = { // slug, English, Azerbaijani
    {"survey", "Route survey", "Marşrutun tədqiqi"},
    {"design", "Design", "Layihələndirmə"},
    {"tender", "Tender", "Tender"},
    {"works", "Construction works", "Tikinti işləri"},
    {"commissioning", "Commissioning", "İstismara verilmə"},
  };
  static final String[] OWNERS = {
    "Ministry of Digital Development and Transport", "Azerbaijan Railways CJSC",
    "Baku International Sea Trade Port", "AZCON Holding", "Department of State",
    "Ministry of Energy", "",
  };

  /**
   * Chains of five milestones (survey, design, tender, works, commissioning), each depending on
   * the one before; about one in twenty also depends on the last milestone of an earlier chain.
   * Dependencies name earlier rows only, so there is no cycle. Seven chains in ten are linked to a
   * project of the project file.
   */
  static void writeMilestones(Path file, List<String> projectKeys) throws Exception {
    Random r = new Random(20261129L);
    LocalDate today = LocalDate.of(2026, 11, 1);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p =
            new CSVPrinter(
                w,
                CSVFormat.RFC4180
                    .builder()
                    .setRecordSeparator('\n')
                    .setHeader(
                        "key", "title_en", "title_az", "owner", "planned_start", "planned_end",
                        "actual_start", "actual_end", "status", "project", "depends_on")
                    .get())) {
      String previous = null;
      LocalDate end = null;
      String project = null;
      List<String> chainEnds = new ArrayList<>();
      for (int i = 1; i <= MILESTONES; i++) {
        int chain = (i - 1) / STEPS.length;
        int step = (i - 1) % STEPS.length;
        if (step == 0) {
          previous = null;
          end = LocalDate.of(2025, 3, 1).plusDays(r.nextInt(1500));
          project = r.nextInt(10) < 7 ? projectKeys.get(chain % projectKeys.size()) : null;
        }
        String key = "m" + String.format("%05d", chain + 1) + "-" + STEPS[step][0];
        LocalDate start = end.plusDays(1 + r.nextInt(10));
        end = start.plusDays(14 + r.nextInt(180));
        String actualStart = "";
        String actualEnd = "";
        String status = "";
        if (end.isBefore(today)) {
          status = "done";
          actualStart = start.plusDays(r.nextInt(5)).toString();
          actualEnd = end.plusDays(r.nextInt(20)).toString();
        } else if (start.isBefore(today)) {
          status = "in-progress";
          actualStart = start.toString();
        } else if (r.nextInt(100) == 0) {
          status = "cancelled";
        }
        List<String> deps = new ArrayList<>();
        if (previous != null) {
          deps.add(previous);
        }
        if (!chainEnds.isEmpty() && r.nextInt(20) == 0) {
          deps.add(chainEnds.get(Math.max(0, chainEnds.size() - 1 - r.nextInt(50))));
        }
        String titleEn = STEPS[step][1] + " (programme " + (chain + 1) + ")";
        String titleAz = r.nextInt(10) < 3 ? STEPS[step][2] + " (" + (chain + 1) + "-ci proqram)" : "";
        p.printRecord(
            key, titleEn, titleAz, OWNERS[r.nextInt(OWNERS.length)], start, end, actualStart,
            actualEnd, status, Objects.toString(project, ""), String.join(";", deps));
        previous = key;
        if (step == STEPS.length - 1) {
          chainEnds.add(key);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Snapshots: counts and a hash of every row's text

  static final String[] TABLES = {
    "project", "project_commitment", "project_financing", "milestone", "milestone_dependency",
    "audit_event"
  };

  record Snapshot(Map<String, Long> counts, Map<String, String> hashes, long linked) {
    String describe() {
      StringBuilder b = new StringBuilder();
      counts.forEach((t, n) -> b.append(t).append(' ').append(n).append(" rows (")
          .append(hashes.get(t), 0, Math.min(8, hashes.get(t).length())).append("), "));
      return b.substring(0, b.length() - 2);
    }
  }

  static Snapshot snapshot() {
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String t : TABLES) {
      jdbc.sql("select count(*), coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '-')"
              + " from " + t + " t")
          .query(
              (org.springframework.jdbc.core.RowCallbackHandler)
                  rs -> {
                    counts.put(t, rs.getLong(1));
                    hashes.put(t, rs.getString(2));
                  });
    }
    long linked =
        jdbc.sql("select count(*) from milestone where project_id is not null")
            .query(Long.class)
            .single();
    return new Snapshot(counts, hashes, linked);
  }

  // ---------------------------------------------------------------------------------------------
  // Measuring

  record Measured(
      Object result, long wallNs, long heapBefore, long heapPeak, long afterGcPeak, long rssPeak,
      long jvmCpuNs, long pgCpuJiffies, double other) {}

  static final AtomicLong afterGcPeak = new AtomicLong();

  /** Records, for each collection, the heap it left in use. */
  static void watchGc() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (n, handback) -> {
                if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                  GarbageCollectionNotificationInfo info =
                      GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                  long used = 0;
                  for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                    used += u.getUsed();
                  }
                  // non-heap pools are in the map too: count the heap ones only
                  for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.NON_HEAP) {
                      MemoryUsage u = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                      if (u != null) {
                        used -= u.getUsed();
                      }
                    }
                  }
                  afterGcPeak.accumulateAndGet(used, Math::max);
                }
              },
              null,
              null);
    }
  }

  static Measured measure(Callable<Object> work) throws Exception {
    System.gc();
    Thread.sleep(200);
    waitForQuiet();
    long heapBefore = heapUsed();
    afterGcPeak.set(heapBefore);
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5"); // resets VmHWM
    } catch (Exception e) {
      // not Linux, or not allowed: VmHWM is then the peak since the JVM started
    }
    AtomicLong peak = new AtomicLong(heapBefore);
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(heapUsed(), Math::max);
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    CpuSample before = CpuSample.now();
    long pgBefore = pgCpu();
    long cpuBefore = jvmCpu();
    sampler.start();
    long t0 = System.nanoTime();
    Object result = work.call();
    long wall = System.nanoTime() - t0;
    sampler.interrupt();
    sampler.join();
    long cpu = jvmCpu() - cpuBefore;
    long pg = pgCpu() - pgBefore;
    CpuSample after = CpuSample.now();
    peak.accumulateAndGet(heapUsed(), Math::max);
    double other = CpuSample.otherPercent(before, after);
    return new Measured(result, wall, heapBefore, peak.get(), afterGcPeak.get(), vmHwm(), cpu, pg, other);
  }

  static void row(String what, Measured m, String outcome) {
    row(what, what.contains("milestones") ? MILESTONES : PROJECTS, m, outcome);
  }

  /** One line of the table; rows/s counts the file's rows (or the rows copied). */
  static void row(String what, long rows, Measured m, String outcome) {
    flagIfNoisy(m.other, what);
    table.add("| " + what + " | " + fmt(m.wallNs / 1e9, 1) + " | " + fmt(rows / (m.wallNs / 1e9), 0)
        + " | " + mb(m.heapPeak) + " (" + mb(m.heapBefore) + ") | " + mb(m.afterGcPeak) + " ("
        + mb(m.heapBefore) + ") | " + mb(m.rssPeak) + " | " + fmt(m.jvmCpuNs / 1e9, 1) + " | "
        + fmt(m.pgCpuJiffies / 100.0, 1) + " | " + fmt(m.other, 0) + " | " + outcome + " |");
    out(what + ": " + fmt(m.wallNs / 1e9, 2) + " s; " + outcome);
  }

  static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static long jvmCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Peak resident set of this JVM in bytes (VmHWM), or -1. */
  static long vmHwm() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return -1;
  }

  /** CPU jiffies of the embedded PostgreSQL: the postmaster and its backends. */
  static long pgCpu() {
    long t = procCpu(Long.toString(postmasterPid), true);
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) dirs::iterator) {
        String name = p.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit) && ppid(name) == postmasterPid) {
          t += procCpu(name, false);
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return t;
  }

  // ---------------------------------------------------------------------------------------------
  // (e) COPY of the same rows, for reference

  static void copyReference() throws Exception {
    String group =
        jdbc.sql("select id from working_group where code = ?")
            .param(GROUP)
            .query(String.class)
            .single();
    Measured projects =
        copyReference(
            "(e) reference: COPY of the same rows (project, project_commitment, project_financing)",
            new String[][] {
              {"project", "select * from project where group_id = '" + group + "'"},
              {"project_commitment", "select pc.* from project_commitment pc join project p on"
                  + " p.id = pc.project_id where p.group_id = '" + group + "'"},
              {"project_financing", "select f.* from project_financing f join project p on p.id ="
                  + " f.project_id where p.group_id = '" + group + "'"},
            }, false);
    String[][] milestoneTables = {
      {"milestone", "select * from milestone where group_id = '" + group + "'"},
      {"milestone_dependency", "select d.* from milestone_dependency d join milestone m on"
          + " m.id = d.milestone_id where m.group_id = '" + group + "'"},
    };
    Measured milestones =
        copyReference(
            "(f) reference: COPY of the same milestones (milestone, milestone_dependency)",
            milestoneTables, false);
    Measured milestonesWithKeys =
        copyReference(
            "(g) reference: COPY of the same milestones into tables with the same foreign keys",
            milestoneTables, true);
    if (projectImport != null) {
      ratios.add("projects: import " + fmt(projectImport.wallNs / 1e9, 1) + " s, COPY "
          + fmt(projects.wallNs / 1e9, 1) + " s, import / COPY = "
          + fmt((double) projectImport.wallNs / projects.wallNs, 1));
    }
    if (milestoneImport != null) {
      ratios.add("milestones: import " + fmt(milestoneImport.wallNs / 1e9, 1) + " s, COPY "
          + fmt(milestones.wallNs / 1e9, 1) + " s, import / COPY = "
          + fmt((double) milestoneImport.wallNs / milestones.wallNs, 1) + " (target: at most 2)");
      ratios.add("milestones: import " + fmt(milestoneImport.wallNs / 1e9, 1) + " s, COPY into"
          + " tables with the same foreign keys " + fmt(milestonesWithKeys.wallNs / 1e9, 1)
          + " s, import / COPY = "
          + fmt((double) milestoneImport.wallNs / milestonesWithKeys.wallNs, 1));
    }
  }

  static Measured projectImport;
  static Measured milestoneImport;
  static final List<String> ratios = new ArrayList<>();

  static Measured copyReference(String what, String[][] tables, boolean foreignKeys)
      throws Exception {
    Map<String, byte[]> data = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      try (Statement s = c.createStatement()) {
        for (String[] t : tables) {
          s.execute("drop table if exists bench_" + t[0]);
          s.execute("create table bench_" + t[0] + " (like " + t[0] + " including all)");
          if (foreignKeys) {
            // the real table's foreign keys, to the real tables the copied rows refer to
            List<String> keys = new ArrayList<>();
            try (var rs = s.executeQuery("select pg_get_constraintdef(oid) from pg_constraint"
                + " where conrelid = '" + t[0] + "'::regclass and contype = 'f'")) {
              while (rs.next()) {
                keys.add(rs.getString(1));
              }
            }
            for (String key : keys) {
              s.execute("alter table bench_" + t[0] + " add " + key);
            }
          }
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          copy.copyOut("copy (" + t[1] + ") to stdout", out);
          data.put(t[0], out.toByteArray());
        }
      }
      Measured m =
          measure(
              () -> {
                c.setAutoCommit(false);
                long rows = 0;
                for (Map.Entry<String, byte[]> e : data.entrySet()) {
                  rows += copy.copyIn("copy bench_" + e.getKey() + " from stdin",
                      new ByteArrayInputStream(e.getValue()));
                }
                c.commit();
                c.setAutoCommit(true);
                return rows;
              });
      long total = data.values().stream().mapToLong(b -> b.length).sum();
      row(what, (Long) m.result, m,
          m.result + " rows copied from memory (" + total / 1024 + " KB of COPY text) into"
          + " scratch tables made with LIKE ... INCLUDING ALL (same indexes and checks; "
          + (foreignKeys ? "and the same foreign keys" : "no foreign keys") + "), one transaction");
      try (Statement s = c.createStatement()) {
        for (String[] t : tables) {
          s.execute("drop table bench_" + t[0]);
        }
      }
      return m;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Machine load (as in bench/audit/AuditBench.java)

  record CpuSample(long busy, long total, long ours) {
    static CpuSample now() {
      try {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < cpu.length; i++) {
          total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        long ours = procCpu("self", true) + pgCpu();
        return new CpuSample(total - idle, total, ours);
      } catch (Exception e) {
        return new CpuSample(0, 0, 0);
      }
    }

    /** Share of the whole machine (all CPUs) used by other processes between two samples. */
    static double otherPercent(CpuSample a, CpuSample b) {
      long total = b.total - a.total;
      if (total <= 0) {
        return Double.NaN;
      }
      return Math.max(0, 100.0 * ((b.busy - a.busy) - (b.ours - a.ours)) / total);
    }
  }

  static String[] stat(String pid) {
    try {
      String s = Files.readString(Path.of("/proc", pid, "stat"));
      return s.substring(s.lastIndexOf(')') + 2).split(" ");
    } catch (Exception e) {
      return null;
    }
  }

  static long ppid(String pid) {
    String[] f = stat(pid);
    return f == null ? -1 : Long.parseLong(f[1]);
  }

  /** utime + stime (+ reaped children's when asked), in jiffies. */
  static long procCpu(String pid, boolean children) {
    String[] f = stat(pid);
    if (f == null) {
      return 0;
    }
    long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    if (children) {
      t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
    return t;
  }

  /** Waits (bounded) until the machine is at most QUIET_MAX % busy over one second. */
  static void waitForQuiet() throws InterruptedException {
    long deadline = System.nanoTime() + (long) (QUIET_WAIT_S * 1e9);
    while (true) {
      CpuSample a = CpuSample.now();
      Thread.sleep(1000);
      CpuSample b = CpuSample.now();
      double busy = b.total == a.total ? 0 : 100.0 * (b.busy - a.busy) / (b.total - a.total);
      if (busy <= QUIET_MAX || System.nanoTime() > deadline) {
        return;
      }
    }
  }

  static void flagIfNoisy(double other, String what) {
    if (other > NOISY) {
      noisy.add(what + " (" + fmt(other, 0) + "%)");
    }
  }

  static String loadavg() {
    try {
      return "load average " + Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (Exception e) {
      return "load average unknown";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  static double env(String name, double dflt) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? dflt : Double.parseDouble(v);
  }

  static String kb(Path file) throws Exception {
    return fmt(Files.size(file) / 1024.0, 0);
  }

  static String mb(long bytes) {
    return bytes < 0 ? "?" : fmt(bytes / (1024.0 * 1024.0), 0);
  }

  static String ms(long ns) {
    return fmt(ns / 1e6, 0);
  }

  static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  static void out(String line) {
    RESULTS.println(line);
    RESULTS.flush();
  }
}
