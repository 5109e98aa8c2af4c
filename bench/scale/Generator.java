import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Generates a whole ministry's portfolio for the scale benchmarks (bench/scale/README.md,
 * "Generator"). Run by bench/scale/generate.sh in two steps:
 *
 * <ol>
 *   <li>{@code definitions OUT_DIR}: writes one charter definition (YAML, format
 *       entente/charter/1) per generated charter into OUT_DIR/definitions. The script then starts
 *       the real application once on the empty database with that folder, so Flyway makes the
 *       schema and the application itself stores every charter, party, article, clause, area,
 *       commitment, working group, dialogue platform and obligation rule, exactly as it would in
 *       production (and records its own audit events for the loading).
 *   <li>{@code load OUT_DIR}: reads those charters back from the database and adds the records
 *       people make while working (accounts and memberships, projects with their commitments and
 *       financing, milestones and their dependencies, meetings with participants, agenda,
 *       decisions, action items and joint statements, obligation events, the audit trail) with
 *       PostgreSQL COPY, continuing the application's audit hash chain; then writes
 *       OUT_DIR/fixture.env.
 * </ol>
 *
 * Every value is written in the form the application's own code writes it: localized texts as
 * JSON objects (decision 0005), the three visibility columns on every record (decision 0007),
 * partners and leads as the JSON Jackson makes of {@code Project.Partner} and the leads map, token
 * hashes as {@code Accounts.sha256}, passwords as {@code Passwords} (bcrypt of the base64 SHA-256),
 * audit hashes as {@code AuditHash}. Random but reproducible: the same SEED gives the same data
 * (except the tokens, which are secrets, and the times, which end at the moment of the run).
 */
public class Generator {

  // ------------------------------------------------------------------ configuration

  static final String REAL_CHARTER = "az-us-2026";
  static final int REAL_GROUPS = 4;

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  static final String SCALE = env("SCALE", "full");
  static final int DIVISOR = SCALE.equals("small") ? 100 : 1;

  static int count(String name, int full) {
    return Integer.parseInt(env(name, Integer.toString(Math.max(1, full / DIVISOR))));
  }

  static final int CHARTERS = Math.max(2, count("CHARTERS", 150));
  static final int GROUPS = Math.max(REAL_GROUPS + 3 * (CHARTERS - 1), count("GROUPS", 750));
  static final int PROJECTS = count("PROJECTS", 100_000);
  static final int MILESTONES = count("MILESTONES", 1_000_000);
  static final int MEETINGS = count("MEETINGS", 50_000);
  static final int AUDIT_EVENTS = count("AUDIT_EVENTS", 2_000_000);
  static final long SEED = Long.parseLong(env("SEED", "8"));

  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2030, 12, 31);

  // ------------------------------------------------------------------ the portfolio plan

  /** A partner country of Azerbaijan: ISO code, English name, time zone of its capital. */
  record Country(String code, String name, String zone) {}

  static final Country[] COUNTRIES = {
    new Country("US", "United States of America", "America/New_York"),
    new Country("TR", "Republic of Türkiye", "Europe/Istanbul"),
    new Country("GE", "Georgia", "Asia/Tbilisi"),
    new Country("DE", "Federal Republic of Germany", "Europe/Berlin"),
    new Country("FR", "French Republic", "Europe/Paris"),
    new Country("IT", "Italian Republic", "Europe/Rome"),
    new Country("GB", "United Kingdom of Great Britain and Northern Ireland", "Europe/London"),
    new Country("KZ", "Republic of Kazakhstan", "Asia/Almaty"),
    new Country("UZ", "Republic of Uzbekistan", "Asia/Tashkent"),
    new Country("TM", "Turkmenistan", "Asia/Ashgabat"),
    new Country("CN", "People's Republic of China", "Asia/Shanghai"),
    new Country("JP", "Japan", "Asia/Tokyo"),
    new Country("KR", "Republic of Korea", "Asia/Seoul"),
    new Country("IN", "Republic of India", "Asia/Kolkata"),
    new Country("PK", "Islamic Republic of Pakistan", "Asia/Karachi"),
    new Country("SA", "Kingdom of Saudi Arabia", "Asia/Riyadh"),
    new Country("AE", "United Arab Emirates", "Asia/Dubai"),
    new Country("QA", "State of Qatar", "Asia/Qatar"),
    new Country("IL", "State of Israel", "Asia/Jerusalem"),
    new Country("EG", "Arab Republic of Egypt", "Africa/Cairo"),
    new Country("PL", "Republic of Poland", "Europe/Warsaw"),
    new Country("RO", "Romania", "Europe/Bucharest"),
    new Country("HU", "Hungary", "Europe/Budapest"),
    new Country("BG", "Republic of Bulgaria", "Europe/Sofia"),
    new Country("RS", "Republic of Serbia", "Europe/Belgrade"),
    new Country("UA", "Ukraine", "Europe/Kyiv"),
    new Country("MD", "Republic of Moldova", "Europe/Chisinau"),
    new Country("LT", "Republic of Lithuania", "Europe/Vilnius"),
    new Country("LV", "Republic of Latvia", "Europe/Riga"),
    new Country("EE", "Republic of Estonia", "Europe/Tallinn"),
    new Country("FI", "Republic of Finland", "Europe/Helsinki"),
    new Country("SE", "Kingdom of Sweden", "Europe/Stockholm"),
    new Country("NO", "Kingdom of Norway", "Europe/Oslo"),
    new Country("NL", "Kingdom of the Netherlands", "Europe/Amsterdam"),
    new Country("BE", "Kingdom of Belgium", "Europe/Brussels"),
    new Country("AT", "Republic of Austria", "Europe/Vienna"),
    new Country("CH", "Swiss Confederation", "Europe/Zurich"),
    new Country("ES", "Kingdom of Spain", "Europe/Madrid"),
    new Country("PT", "Portuguese Republic", "Europe/Lisbon"),
    new Country("GR", "Hellenic Republic", "Europe/Athens"),
    new Country("CZ", "Czech Republic", "Europe/Prague"),
    new Country("SK", "Slovak Republic", "Europe/Bratislava"),
    new Country("HR", "Republic of Croatia", "Europe/Zagreb"),
    new Country("SI", "Republic of Slovenia", "Europe/Ljubljana"),
    new Country("CA", "Canada", "America/Toronto"),
    new Country("BR", "Federative Republic of Brazil", "America/Sao_Paulo"),
    new Country("MX", "United Mexican States", "America/Mexico_City"),
    new Country("AR", "Argentine Republic", "America/Argentina/Buenos_Aires"),
    new Country("ID", "Republic of Indonesia", "Asia/Jakarta"),
    new Country("MY", "Malaysia", "Asia/Kuala_Lumpur"),
    new Country("SG", "Republic of Singapore", "Asia/Singapore"),
    new Country("VN", "Socialist Republic of Viet Nam", "Asia/Ho_Chi_Minh"),
    new Country("AU", "Commonwealth of Australia", "Australia/Sydney"),
    new Country("ZA", "Republic of South Africa", "Africa/Johannesburg"),
    new Country("NG", "Federal Republic of Nigeria", "Africa/Lagos"),
    new Country("MA", "Kingdom of Morocco", "Africa/Casablanca"),
    new Country("KW", "State of Kuwait", "Asia/Kuwait"),
    new Country("OM", "Sultanate of Oman", "Asia/Muscat"),
    new Country("JO", "Hashemite Kingdom of Jordan", "Asia/Amman"),
    new Country("KG", "Kyrgyz Republic", "Asia/Bishkek"),
  };

  /** A field of cooperation: the key word of a charter's key, its title, its groups' topics. */
  record Sector(String slug, String title, String[] topics) {}

  static final Sector[] SECTORS = {
    new Sector("strategic", "Strategic Partnership", new String[] {"economy and trade", "energy",
        "connectivity", "digital development", "security", "education", "culture", "health"}),
    new Sector("energy", "Cooperation in Energy", new String[] {"oil and gas", "electricity",
        "renewables", "interconnectors", "energy efficiency", "hydrogen", "critical minerals"}),
    new Sector("transport", "Cooperation in Transport and Logistics", new String[] {"railways",
        "ports", "aviation", "road transport", "customs and transit", "logistics hubs"}),
    new Sector("trade", "Trade and Investment", new String[] {"trade facilitation",
        "investment protection", "agriculture", "standards", "tourism", "small business"}),
    new Sector("digital", "Digital Development", new String[] {"data centres", "cybersecurity",
        "e-government", "telecommunications", "artificial intelligence", "digital skills"}),
    new Sector("education", "Education and Science", new String[] {"higher education",
        "vocational training", "research", "student exchange", "space science"}),
    new Sector("health", "Health", new String[] {"public health", "pharmaceuticals",
        "hospitals", "medical training", "emergency response"}),
    new Sector("environment", "Environment and Climate", new String[] {"water resources",
        "climate adaptation", "forestry", "waste management", "Caspian ecology"}),
    new Sector("agriculture", "Agriculture and Food Security", new String[] {"irrigation",
        "livestock", "food safety", "grain trade", "rural development"}),
    new Sector("culture", "Culture and Humanitarian Cooperation", new String[] {"heritage",
        "museums", "youth", "sport", "media", "humanitarian de-mining"}),
  };

  static final String[] ACTIONS = {
    "Modernise", "Build", "Develop", "Expand", "Study", "Pilot", "Upgrade", "Establish",
    "Rehabilitate", "Digitise", "Finance", "Train staff for", "Connect", "Certify", "Assess",
  };

  static final String[] OBJECTS = {
    "the terminal", "the substation", "the training centre", "the rail link", "the data platform",
    "the laboratory", "the pipeline section", "the border crossing", "the water treatment plant",
    "the solar park", "the wind farm", "the logistics centre", "the customs system",
    "the research network", "the school programme", "the hospital wing", "the registry",
    "the port berth", "the cold storage", "the fibre backbone", "the desalination plant",
  };

  static final String[] PLACES = {
    "Baku", "Ganja", "Sumgait", "Mingachevir", "Lankaran", "Shaki", "Nakhchivan", "Shusha",
    "Aghdam", "Fuzuli", "Alat", "Guba", "Gabala", "Shirvan", "Zagatala", "Jabrayil",
  };

  static final double[][] PLACE_COORDINATES = {
    {40.4093, 49.8671}, {40.6828, 46.3606}, {40.5897, 49.6686}, {40.7640, 47.0595},
    {38.7529, 48.8475}, {41.1919, 47.1706}, {39.2089, 45.4122}, {39.7583, 46.7486},
    {39.9928, 46.9300}, {39.6000, 47.1450}, {39.9510, 49.4160}, {41.3597, 48.5126},
    {40.9982, 47.8700}, {39.9317, 48.9206}, {41.6331, 46.6433}, {39.3900, 47.0250},
  };

  static final String[] AZ_BODIES = {
    "Ministry of Economy", "Ministry of Energy", "Ministry of Digital Development and Transport",
    "Ministry of Foreign Affairs", "Ministry of Agriculture", "Ministry of Science and Education",
    "Ministry of Health", "Ministry of Ecology and Natural Resources", "State Customs Committee",
    "Azerbaijan Railways", "Baku International Sea Trade Port", "SOCAR", "Azerenerji",
    "AZPROMO", "Azerbaijan Investment Holding", "ANAMA",
  };

  static final String[] PARTNER_BODIES = {
    "Ministry of Foreign Affairs", "Ministry of Trade", "Ministry of Energy",
    "Ministry of Transport", "Development Agency", "Export Credit Agency", "Ministry of Education",
    "Ministry of Health", "Investment Agency", "National Railways", "Ministry of Agriculture",
  };

  static final String[][] PARTNERS = {
    {"Asian Development Bank", "development-bank"},
    {"European Bank for Reconstruction and Development", "development-bank"},
    {"World Bank", "development-bank"},
    {"Islamic Development Bank", "development-bank"},
    {"Caspian Logistics LLC", "company"},
    {"Silk Way Engineering", "company"},
    {"Baku State University", "university"},
    {"Azerbaijan Technical University", "university"},
    {"UNDP", "international-organization"},
    {"Chamber of Commerce", "association"},
  };

  static final String[] FIRST_NAMES = {
    "Aysel", "Rashad", "Leyla", "Elvin", "Nigar", "Tural", "Sabina", "Farid", "Gunel", "Orkhan",
    "Anna", "James", "Maria", "David", "Sofia", "Thomas", "Elena", "Mark", "Laura", "Peter",
  };

  static final String[] LAST_NAMES = {
    "Aliyeva", "Mammadov", "Huseynova", "Guliyev", "Hasanova", "Ismayilov", "Smith", "Miller",
    "Novak", "Rossi", "Schmidt", "Dubois", "Kowalski", "Yilmaz", "Tanaka", "Garcia",
  };

  /**
   * The word SEARCH_TERM names: in the title of about one project in 140 and one milestone in 300,
   * so a search finds a realistic few hundred records in the big charter.
   */
  static final String SEARCH_WORD = "desalination";

  /** One charter of the plan. */
  static final class PlannedCharter {
    String key;
    Country country;
    Sector sector;
    LocalDate signedOn;
    double weight;
    int groups;
    int commitments;
    int platforms;
    boolean isPublic;
  }

  /**
   * The plan of charters: the same for both steps, from the seed. Index 0 is the bundled real
   * charter; index 1, between Azerbaijan and the United States, is the biggest.
   */
  static List<PlannedCharter> plan() {
    SplittableRandom r = new SplittableRandom(SEED);
    List<PlannedCharter> charters = new ArrayList<>();
    PlannedCharter real = new PlannedCharter();
    real.key = REAL_CHARTER;
    real.country = COUNTRIES[0];
    real.sector = SECTORS[0];
    real.signedOn = LocalDate.of(2026, 2, 10);
    real.groups = REAL_GROUPS;
    real.isPublic = true;
    charters.add(real);
    java.util.Set<String> keys = new java.util.HashSet<>(List.of(REAL_CHARTER));
    for (int i = 1; i < CHARTERS; i++) {
      PlannedCharter c = new PlannedCharter();
      // A few partners have many charters (several with the United States, Türkiye, Georgia),
      // most have one to three.
      int pick = i == 1 ? 0 : (int) Math.floor(Math.pow(r.nextDouble(), 1.6) * COUNTRIES.length);
      c.country = COUNTRIES[pick];
      c.sector = i == 1 ? SECTORS[1] : SECTORS[r.nextInt(SECTORS.length)];
      // Signed between 2020 and this year; more of them recently.
      long span = ChronoUnit.DAYS.between(FIRST_DAY, TODAY.minusDays(30));
      c.signedOn =
          i == 1
              ? LocalDate.of(2021, 6, 15)
              : FIRST_DAY.plusDays((long) (Math.sqrt(r.nextDouble()) * span));
      String base =
          "az-" + c.country.code().toLowerCase(Locale.ROOT) + "-" + c.sector.slug() + "-"
              + c.signedOn.getYear();
      String key = base;
      for (int n = 2; !keys.add(key); n++) {
        key = base + "-" + n;
      }
      c.key = key;
      c.weight = 1.0 / Math.pow(i, 0.85);
      c.isPublic = i == 1 || r.nextDouble() < 0.85;
      c.platforms = r.nextDouble() < 0.4 ? 1 + r.nextInt(2) : 0;
      charters.add(c);
    }
    real.weight = charters.get(Math.min(20, charters.size() - 1)).weight;
    // Working groups: three at least, the rest by weight (largest remainder).
    int generated = CHARTERS - 1;
    int spare = Math.max(0, GROUPS - REAL_GROUPS - 3 * generated);
    double total = charters.stream().skip(1).mapToDouble(c -> c.weight).sum();
    int given = 0;
    double[] remainders = new double[CHARTERS];
    for (int i = 1; i < CHARTERS; i++) {
      double share = spare * charters.get(i).weight / total;
      int extra = (int) Math.floor(share);
      remainders[i] = share - extra;
      charters.get(i).groups = 3 + extra;
      given += extra;
    }
    Integer[] order = new Integer[CHARTERS - 1];
    for (int i = 0; i < order.length; i++) {
      order[i] = i + 1;
    }
    Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
    for (int i = 0; given < spare; i = (i + 1) % order.length, given++) {
      charters.get(order[i]).groups++;
    }
    for (int i = 1; i < CHARTERS; i++) {
      PlannedCharter c = charters.get(i);
      c.commitments = Math.min(80, 4 * c.groups + r.nextInt(10));
    }
    return charters;
  }

  // ------------------------------------------------------------------ step 1: definitions

  static void writeDefinitions(Path out) throws IOException {
    Path dir = out.resolve("definitions");
    Files.createDirectories(dir);
    try (var old = Files.list(dir)) {
      for (Path p : old.toList()) {
        Files.delete(p);
      }
    }
    List<PlannedCharter> plan = plan();
    SplittableRandom r = new SplittableRandom(SEED + 1);
    for (PlannedCharter c : plan.subList(1, plan.size())) {
      Files.writeString(dir.resolve(c.key + ".yaml"), definition(c, r), StandardCharsets.UTF_8);
    }
    System.out.printf(
        "wrote %d charter definitions (%d working groups with the bundled charter's %d) to %s%n",
        plan.size() - 1,
        plan.stream().mapToInt(c -> c.groups).sum(),
        REAL_GROUPS,
        dir);
  }

  static String q(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static String definition(PlannedCharter c, SplittableRandom r) {
    StringBuilder y = new StringBuilder();
    String title =
        "Agreement on " + c.sector.title() + " between the Republic of Azerbaijan and the "
            + c.country.name();
    y.append("# Generated by bench/scale/Generator.java for the scale benchmarks: not a real")
        .append(" charter.\n");
    y.append("format: entente/charter/1\n\n");
    y.append("charter:\n");
    y.append("  key: ").append(c.key).append('\n');
    y.append("  title:\n    en: ").append(q(title)).append('\n');
    y.append("    az: ").append(q("Azərbaycan Respublikası ilə " + c.country.name()
        + " arasında saziş")).append('\n');
    y.append("  short-title:\n    en: ").append(q("Azerbaijan–" + c.country.code() + " "
        + c.sector.title())).append('\n');
    y.append("  summary: ").append(q("A generated agreement on " + c.sector.title().toLowerCase(
        Locale.ROOT) + ", made for benchmarking.")).append('\n');
    y.append("  signed-on: '").append(c.signedOn).append("'\n");
    y.append("  signed-at: ").append(r.nextBoolean() ? "Baku" : "the partner's capital")
        .append('\n');
    y.append("  languages: [az, en]\n  text-language: en\n");
    y.append("  classification: ").append(c.isPublic ? "public" : "bilateral").append("\n\n");
    y.append("parties:\n");
    y.append("  - key: AZ\n    official-name:\n      en: Republic of Azerbaijan\n")
        .append("      az: Azərbaycan Respublikası\n    short-name:\n      en: Azerbaijan\n")
        .append("      az: Azərbaycan\n    signatory: Minister of Foreign Affairs\n")
        .append("    time-zone: Asia/Baku\n");
    // Quoted: YAML 1.1 reads NO (Norway) as false.
    y.append("  - key: ").append(q(c.country.code())).append("\n    official-name: ")
        .append(q(c.country.name())).append("\n    short-name: ").append(q(c.country.name()))
        .append("\n    signatory: Minister of Foreign Affairs\n    time-zone: ")
        .append(c.country.zone()).append("\n\n");
    // Areas: one per group's topic, plus a general one.
    int groups = c.groups;
    List<String> areas = new ArrayList<>();
    y.append("areas:\n");
    for (int g = 0; g < groups; g++) {
      String topic = c.sector.topics()[g % c.sector.topics().length];
      String key = "area-" + (g + 1);
      areas.add(key);
      y.append("  - key: ").append(key).append("\n    name:\n      en: ")
          .append(q(capital(topic) + (g >= c.sector.topics().length ? " " + (g + 1) : "")))
          .append("\n      az: ").append(q("Sahə " + (g + 1))).append('\n');
    }
    // Articles and clauses: one article per four commitments, one clause per commitment.
    y.append("\narticles:\n");
    int articles = (c.commitments + 3) / 4;
    for (int a = 1; a <= articles; a++) {
      y.append("  - key: article-").append(a).append("\n    number: '").append(a)
          .append("'\n    title: ").append(q("Article " + a)).append("\n    clauses:\n");
      for (int k = 1; k <= 4 && (a - 1) * 4 + k <= c.commitments; k++) {
        y.append("      - key: clause-").append(a).append('-').append(k).append("\n")
            .append("        number: '").append(a).append('.').append(k).append("'\n")
            .append("        text: ").append(q("The Parties shall cooperate as set out in "
                + "clause " + a + "." + k + ".")).append('\n');
      }
    }
    y.append("\ncommitments:\n");
    for (int k = 0; k < c.commitments; k++) {
      String area = areas.get(k % groups);
      String action = ACTIONS[r.nextInt(ACTIONS.length)];
      String object = OBJECTS[r.nextInt(OBJECTS.length)];
      y.append("  - key: commitment-").append(k + 1).append("\n    title: ")
          .append(q(action + " " + object.replace("the ", "") + " cooperation"))
          .append("\n    action: ").append(q(action + " " + object + " together."))
          .append("\n    clause: clause-").append(k / 4 + 1).append('-').append(k % 4 + 1)
          .append("\n    areas: [").append(area).append("]\n");
      if (r.nextDouble() < 0.1) {
        y.append("    classification: bilateral\n");
      }
    }
    y.append("\nworking-groups:\n");
    for (int g = 0; g < groups; g++) {
      String topic = c.sector.topics()[g % c.sector.topics().length];
      y.append("  - key: wg-").append(g + 1).append("\n    name: ")
          .append(q("Working Group on " + capital(topic)
              + (g >= c.sector.topics().length ? " " + (g + 1) : "")))
          .append("\n    areas: [").append(areas.get(g)).append("]\n    co-chairs:\n")
          .append("      AZ: Deputy Minister\n      ").append(q(c.country.code()))
          .append(": Deputy Minister\n");
      if (topic.contains("security") || r.nextDouble() < 0.05) {
        y.append("    restricted: true\n");
      }
    }
    if (c.platforms > 0) {
      y.append("\ndialogue-platforms:\n");
      for (int p = 1; p <= c.platforms; p++) {
        y.append("  - key: dialogue-").append(p).append("\n    name: ")
            .append(q("Business dialogue " + p)).append("\n    areas: [").append(areas.get(0))
            .append("]\n    status: ").append(p == 1 ? "established" : "envisaged").append('\n');
      }
    }
    y.append("\nhistory:\n  - key: charter-signed\n    date: '").append(c.signedOn)
        .append("'\n    kind: charter-signed\n    title: ").append(q(title + " signed"))
        .append("\n    subject: framework\n");
    y.append(
        """

        obligations:
          - key: wg-project-list
            title: Project list of each working group
            rule:
              within: P3M
              from: signing
              applies-to: each-working-group
              met-by:
                event: deliverable-finalized
                deliverable: project-list
          - key: wg-roadmap
            title: Implementation roadmap of each working group
            rule:
              within: P3M
              from: signing
              applies-to: each-working-group
              met-by:
                event: deliverable-finalized
                deliverable: roadmap
          - key: framework-meeting
            title: Meeting of the partnership framework, at least annually
            rule:
              every: P12M
              from: signing
              applies-to: framework
              met-by:
                event: meeting-held
          - key: wg-meeting
            title: Meeting of each working group, at least annually
            rule:
              every: P12M
              from: signing
              applies-to: each-working-group
              met-by:
                event: meeting-held
        """);
    return y.toString();
  }

  static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // ------------------------------------------------------------------ step 2: load

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Generator definitions|load OUT_DIR");
      System.exit(2);
    }
    Path out = Path.of(args[1]);
    switch (args[0]) {
      case "definitions" -> writeDefinitions(out);
      case "load" -> new Generator(out).load();
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  final Path out;
  final String url;
  final String user = env("PGUSER", "entente");
  final String password = env("PGPASSWORD", "entente");
  final SplittableRandom r = new SplittableRandom(SEED + 2);
  final long runStartMillis = System.currentTimeMillis();
  final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  final Map<String, Long> rows = new LinkedHashMap<>();
  final List<String> phases = new ArrayList<>();

  Generator(Path out) {
    this.out = out;
    this.url =
        "jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432") + "/"
            + env("DB", "entente_scale");
  }

  Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, user, password);
    try (Statement s = c.createStatement()) {
      // A bulk load: the rows are checked again when the constraints are restored at the end.
      s.execute("set synchronous_commit = off");
    }
    return c;
  }

  // The charters as the application stored them.
  static final class Charter {
    int index;
    UUID id;
    String key;
    LocalDate signedOn;
    String partner; // the party that is not AZ
    String partnerZone;
    double weight;
    boolean isPublic;
    List<Group> groups = new ArrayList<>();
    List<String> commitmentKeys = new ArrayList<>();
    List<UUID> commitmentIds = new ArrayList<>();
    List<UUID> publicCommitmentIds = new ArrayList<>(); // the ones a public project may serve
    List<UUID> platforms = new ArrayList<>();
    int[] coordinators = new int[2]; // account index per party (AZ, partner)
  }

  static final class Group {
    int index;
    Charter charter;
    UUID id;
    String key;
    boolean restricted;
    double weight;
    int[] members; // account indexes
    int[] projects = new int[0];
    int projectCount;
  }

  final List<Charter> charters = new ArrayList<>();
  final List<Group> groups = new ArrayList<>();

  // Accounts.
  final List<String> usernames = new ArrayList<>();
  final List<UUID> accountIds = new ArrayList<>();
  final List<String> accountParties = new ArrayList<>();

  void load() throws Exception {
    long t0 = System.nanoTime();
    readCharters();
    phase("read charters", t0);
    try (Connection c = connect()) {
      Schema schema = Schema.capture(c, BULK_TABLES);
      long t = System.nanoTime();
      schema.drop(c);
      phase("drop constraints and indexes of the bulk tables", t);
      t = System.nanoTime();
      accounts();
      phase("accounts, memberships, tokens", t);
      t = System.nanoTime();
      projects();
      phase("projects", t);
      t = System.nanoTime();
      milestones();
      phase("milestones", t);
      t = System.nanoTime();
      meetings();
      phase("meetings and obligation events", t);
      t = System.nanoTime();
      audit();
      phase("audit events", t);
      t = System.nanoTime();
      schema.restore(c);
      phase("restore constraints and indexes (checks every row)", t);
      schema.verifySame(c);
    }
    writeFixture();
    System.out.println();
    System.out.println("| phase | seconds |");
    System.out.println("| --- | ---: |");
    phases.forEach(System.out::println);
  }

  void phase(String name, long startNanos) {
    double s = (System.nanoTime() - startNanos) / 1e9;
    phases.add(String.format(Locale.ROOT, "| %s | %.1f |", name, s));
    System.out.printf(Locale.ROOT, "== %s: %.1f s%n", name, s);
  }

  void readCharters() throws SQLException {
    Map<String, PlannedCharter> planned = new HashMap<>();
    for (PlannedCharter p : plan()) {
      planned.put(p.key, p);
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      Map<UUID, Charter> byId = new HashMap<>();
      try (ResultSet rs =
          s.executeQuery("select id, code, signed_on, classification from charter order by code")) {
        while (rs.next()) {
          PlannedCharter p = planned.get(rs.getString(2));
          if (p == null) {
            throw new IllegalStateException(
                "charter " + rs.getString(2) + " is not in the plan: was the database fresh?");
          }
          Charter ch = new Charter();
          ch.index = charters.size();
          ch.id = rs.getObject(1, UUID.class);
          ch.key = rs.getString(2);
          ch.signedOn = rs.getObject(3, LocalDate.class);
          ch.isPublic = rs.getString(4).equals("PUBLIC");
          ch.weight = p.weight;
          charters.add(ch);
          byId.put(ch.id, ch);
        }
      }
      if (charters.size() != CHARTERS) {
        throw new IllegalStateException(
            "the application stored " + charters.size() + " charters, the plan has " + CHARTERS
                + ": a definition was refused (see the application's log)");
      }
      try (ResultSet rs =
          s.executeQuery(
              "select charter_id, code, time_zone from party where retired = false"
                  + " and code <> 'AZ'")) {
        while (rs.next()) {
          Charter ch = byId.get(rs.getObject(1, UUID.class));
          ch.partner = rs.getString(2);
          ch.partnerZone = rs.getString(3);
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "select charter_id, id, code, restricted from working_group where retired = false"
                  + " order by charter_id, position")) {
        while (rs.next()) {
          Charter ch = byId.get(rs.getObject(1, UUID.class));
          Group g = new Group();
          g.index = groups.size();
          g.charter = ch;
          g.id = rs.getObject(2, UUID.class);
          g.key = rs.getString(3);
          g.restricted = rs.getBoolean(4);
          ch.groups.add(g);
          groups.add(g);
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "select charter_id, id, code, classification from commitment where retired = false"
                  + " order by charter_id, position")) {
        while (rs.next()) {
          Charter ch = byId.get(rs.getObject(1, UUID.class));
          ch.commitmentIds.add(rs.getObject(2, UUID.class));
          ch.commitmentKeys.add(rs.getString(3));
          if ("PUBLIC".equals(rs.getString(4))) {
            ch.publicCommitmentIds.add(rs.getObject(2, UUID.class));
          }
        }
      }
      try (ResultSet rs =
          s.executeQuery("select charter_id, id from dialogue_platform where retired = false")) {
        while (rs.next()) {
          byId.get(rs.getObject(1, UUID.class)).platforms.add(rs.getObject(2, UUID.class));
        }
      }
    }
    // Within a charter, some groups are much busier than others.
    for (Charter ch : charters) {
      double sum = 0;
      double[] shares = new double[ch.groups.size()];
      for (int i = 0; i < shares.length; i++) {
        shares[i] = 0.3 + r.nextDouble() * r.nextDouble() * 3;
        sum += shares[i];
      }
      for (int i = 0; i < shares.length; i++) {
        ch.groups.get(i).weight = ch.weight * shares[i] / sum;
      }
    }
    System.out.printf(
        "%d charters, %d working groups, %d commitments, %d dialogue platforms in the database%n",
        charters.size(),
        groups.size(),
        charters.stream().mapToInt(ch -> ch.commitmentIds.size()).sum(),
        charters.stream().mapToInt(ch -> ch.platforms.size()).sum());
  }

  /** Picks an index from cumulative weights. */
  static int pick(double[] cumulative, double u) {
    int i = Arrays.binarySearch(cumulative, u * cumulative[cumulative.length - 1]);
    return Math.min(cumulative.length - 1, i < 0 ? -i - 1 : i);
  }

  double[] groupCumulative() {
    double[] cum = new double[groups.size()];
    double sum = 0;
    for (int i = 0; i < cum.length; i++) {
      sum += groups.get(i).weight;
      cum[i] = sum;
    }
    return cum;
  }

  UUID uuid() {
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo);
  }

  // ------------------------------------------------------------------ accounts

  String benchPassword;
  String tokenUs;
  String tokenAz;
  String tokenAdmin;
  String tokenOperator;
  int benchUs;
  int benchAz;

  int addAccount(
      Copy accounts, String username, String display, String party, String organization,
      String roles, boolean clearance, String hash) throws IOException {
    int index = usernames.size();
    UUID id = uuid();
    usernames.add(username);
    accountIds.add(id);
    accountParties.add(party);
    Instant created = now.minus(1 + r.nextInt(900), ChronoUnit.DAYS);
    accounts.row(
        id, username, display, party, organization, hash, roles, clearance, true, "BILATERAL",
        null, 0, created, created, username + "@example.org");
    return index;
  }

  void accounts() throws Exception {
    benchPassword = secret("", 16);
    // One bcrypt hash for every generated account: cost 12 takes a quarter of a second each.
    String hash = new BCryptPasswordEncoder(12).encode(reduce(benchPassword));
    try (Connection c1 = connect();
        Connection c2 = connect();
        Connection c3 = connect();
        Copy accounts =
            new Copy(
                c1, "account", "id, username, display_name, party, organization, password_hash,"
                    + " roles, clearance, enabled, classification, origin_party, version,"
                    + " created_at, updated_at, email", 0);
        Copy memberships =
            new Copy(
                c2, "membership",
                "account_id, group_id, group_kind, co_chair, approves, created_at", 0);
        Copy tokens =
            new Copy(
                c3, "personal_access_token", "id, account_id, name, token_hash, token_prefix,"
                    + " scope, created_at, expires_at, revoked_at, last_used_at", 0)) {
      for (Charter ch : charters) {
        String[] parties = {"AZ", ch.partner};
        for (int p = 0; p < 2; p++) {
          String party = parties[p];
          String u = ch.key + "-" + party.toLowerCase(Locale.ROOT) + "-coordinator";
          ch.coordinators[p] =
              addAccount(accounts, u, person(), party, p == 0 ? "Ministry of Foreign Affairs"
                  : "Embassy in Baku", "COORDINATOR", false, hash);
        }
        for (Group g : ch.groups) {
          List<Integer> members = new ArrayList<>();
          for (int p = 0; p < 2; p++) {
            String party = parties[p];
            int count = 3 + r.nextInt(3);
            for (int m = 0; m < count; m++) {
              boolean chair = m == 0;
              String u =
                  ch.key + "-" + g.key + "-" + party.toLowerCase(Locale.ROOT) + "-" + (m + 1);
              int a =
                  addAccount(
                      accounts, u, person(), party,
                      p == 0 ? AZ_BODIES[r.nextInt(AZ_BODIES.length)]
                          : PARTNER_BODIES[r.nextInt(PARTNER_BODIES.length)],
                      chair ? "CO_CHAIR,MEMBER" : "MEMBER", g.restricted, hash);
              members.add(a);
              memberships.row(
                  accountIds.get(a), g.id, "WORKING_GROUP", chair, false,
                  now.minus(r.nextInt(800), ChronoUnit.DAYS));
            }
          }
          g.members = members.stream().mapToInt(Integer::intValue).toArray();
        }
        // Some members also sit in another group of the same charter.
        for (Group g : ch.groups) {
          for (int a : g.members) {
            if (r.nextDouble() < 0.15 && ch.groups.size() > 1) {
              Group other = ch.groups.get(r.nextInt(ch.groups.size()));
              if (other != g) {
                memberships.row(
                    accountIds.get(a), other.id, "WORKING_GROUP", false, false,
                    now.minus(r.nextInt(800), ChronoUnit.DAYS));
              }
            }
          }
        }
        for (UUID platform : ch.platforms) {
          for (Group g : ch.groups.subList(0, 1)) {
            for (int a : g.members) {
              memberships.row(
                  accountIds.get(a), platform, "DIALOGUE_PLATFORM", false, false,
                  now.minus(r.nextInt(800), ChronoUnit.DAYS));
            }
          }
        }
      }
      // The bench accounts: a U.S. co-chair of the big charter's first two groups and member of
      // all its groups, an Azerbaijani member of all its groups and of the real charter's, and an
      // administrator.
      Charter big = charters.stream().filter(ch -> ch.key.equals(bigCharterKey())).findFirst()
          .orElseThrow();
      Charter real = charters.stream().filter(ch -> ch.key.equals(REAL_CHARTER)).findFirst()
          .orElseThrow();
      benchUs = addAccount(accounts, "bench-us-cochair", "Bench U.S. co-chair", "US",
          "Department of State", "CO_CHAIR,MEMBER", true, hash);
      benchAz = addAccount(accounts, "bench-az-member", "Bench Azerbaijani member", "AZ",
          "Ministry of Economy", "MEMBER", false, hash);
      int admin = addAccount(accounts, "bench-admin", "Bench administrator", null, null,
          "ADMINISTRATOR", false, hash);
      for (Group g : big.groups) {
        memberships.row(accountIds.get(benchUs), g.id, "WORKING_GROUP", g.index
            < big.groups.get(0).index + 2, false, now.minus(400, ChronoUnit.DAYS));
        memberships.row(accountIds.get(benchAz), g.id, "WORKING_GROUP", false, false,
            now.minus(400, ChronoUnit.DAYS));
      }
      for (Group g : real.groups) {
        memberships.row(accountIds.get(benchUs), g.id, "WORKING_GROUP", false, false,
            now.minus(200, ChronoUnit.DAYS));
        memberships.row(accountIds.get(benchAz), g.id, "WORKING_GROUP", false, false,
            now.minus(200, ChronoUnit.DAYS));
      }
      tokenUs = token(tokens, benchUs, "bench");
      tokenAz = token(tokens, benchAz, "bench");
      tokenAdmin = token(tokens, admin, "bench");
      tokenOperator = secret("bench-operator-", 40);
      rows.put("account", accounts.rows);
      rows.put("membership", memberships.rows);
      rows.put("personal_access_token", tokens.rows);
    }
  }

  String person() {
    return FIRST_NAMES[r.nextInt(FIRST_NAMES.length)] + " "
        + LAST_NAMES[r.nextInt(LAST_NAMES.length)];
  }

  static String bigCharterKey() {
    return plan().get(1).key;
  }

  final java.security.SecureRandom secure = new java.security.SecureRandom();

  String secret(String prefix, int length) {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder b = new StringBuilder(prefix);
    while (b.length() < length) {
      b.append(alphabet.charAt(secure.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** As AccessTokens.create: ent_ and 48 hex digits, stored as its SHA-256 and first 12. */
  String token(Copy tokens, int account, String name) throws IOException {
    byte[] bytes = new byte[24];
    secure.nextBytes(bytes);
    String secret = "ent_" + HexFormat.of().formatHex(bytes);
    tokens.row(uuid(), accountIds.get(account), name, sha256Hex(secret), secret.substring(0, 12),
        "WRITE", now, now.plus(365, ChronoUnit.DAYS), null, null);
    return secret;
  }

  static String sha256Hex(String value) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** As Passwords.reduce: the base64 of the password's SHA-256, which bcrypt then hashes. */
  static String reduce(String raw) throws Exception {
    return java.util.Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
  }

  // ------------------------------------------------------------------ projects

  // Projects, kept for milestones, meetings and the audit trail.
  long[] projectHi;
  long[] projectLo;
  int[] projectGroup;
  long[] projectCreated;
  byte[] projectClass; // 0 public, 1 bilateral, 2 party-internal
  byte[] projectOrigin; // 0 AZ, 1 partner
  byte[] projectStage;

  static final String[] STAGES = {
    "IDENTIFIED", "UNDER_STUDY", "AGREED", "IN_IMPLEMENTATION", "COMPLETED", "SUSPENDED",
    "CANCELLED"
  };
  static final String[] CLASSES = {"PUBLIC", "BILATERAL", "PARTY_INTERNAL"};

  byte classification(double publicShare, double internalShare) {
    double u = r.nextDouble();
    return (byte) (u < publicShare ? 0 : u < publicShare + internalShare ? 2 : 1);
  }

  String party(Group g, int side) {
    return side == 0 ? "AZ" : g.charter.partner;
  }

  /** A time between the two, never after now. */
  long between(long fromMillis, long toMillis) {
    long to = Math.min(toMillis, now.toEpochMilli());
    long from = Math.min(fromMillis, to);
    return from + (long) (r.nextDouble() * (to - from));
  }

  static long millis(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  void projects() throws Exception {
    int n = PROJECTS;
    projectHi = new long[n];
    projectLo = new long[n];
    projectGroup = new int[n];
    projectCreated = new long[n];
    projectClass = new byte[n];
    projectOrigin = new byte[n];
    projectStage = new byte[n];
    double[] cum = groupCumulative();
    Progress progress = new Progress("project", n);
    try (Connection c1 = connect();
        Connection c2 = connect();
        Connection c3 = connect();
        Copy projects =
            new Copy(c1, "project", "id, charter_id, code, title, description, leads, partners,"
                + " stage, stage_reason, place, latitude, longitude, retired, classification,"
                + " origin_party, group_id, version, created_at, updated_at", n);
        Copy links = new Copy(c2, "project_commitment", "project_id, commitment_id, position", 0);
        Copy money =
            new Copy(c3, "project_financing", "project_id, position, amount, currency, source,"
                + " status", 0)) {
      for (int i = 0; i < n; i++) {
        Group g = groups.get(pick(cum, r.nextDouble()));
        Charter ch = g.charter;
        UUID id = uuid();
        projectHi[i] = id.getMostSignificantBits();
        projectLo[i] = id.getLeastSignificantBits();
        projectGroup[i] = g.index;
        g.projectCount++;
        long signed = millis(ch.signedOn);
        long created = between(signed + 86_400_000L * r.nextInt(10, 120),
            signed + 86_400_000L * 365 * 4);
        projectCreated[i] = created;
        long updated = between(created, created + 86_400_000L * r.nextInt(1, 700));
        byte cls = classification(0.12, 0.08);
        projectClass[i] = cls;
        byte origin = (byte) r.nextInt(2);
        projectOrigin[i] = origin;
        // Older projects are further along.
        double age = (now.toEpochMilli() - created) / (86_400_000.0 * 365);
        double u = r.nextDouble();
        int stage;
        if (u < 0.05) {
          stage = 5;
        } else if (u < 0.08) {
          stage = 6;
        } else {
          double progressed = Math.min(1, age / 4) * 0.8 + r.nextDouble() * 0.35;
          stage = progressed < 0.15 ? 0 : progressed < 0.3 ? 1 : progressed < 0.45 ? 2
              : progressed < 0.85 ? 3 : 4;
        }
        projectStage[i] = (byte) stage;
        String action = ACTIONS[r.nextInt(ACTIONS.length)];
        String object = i % 140 == 7 ? "the " + SEARCH_WORD + " plant"
            : OBJECTS[r.nextInt(OBJECTS.length)];
        int place = r.nextInt(PLACES.length);
        String title = action + " " + object + " in " + PLACES[place];
        String titleJson = r.nextDouble() < 0.3
            ? json("en", title, "az", PLACES[place] + ": " + object.replace("the ", "") + " layihəsi")
            : json("en", title);
        String description = r.nextDouble() < 0.7
            ? json("en", "Joint project of the " + g.key + " group: " + action.toLowerCase(Locale.ROOT)
                + " " + object + " in " + PLACES[place] + ", with financing from the partners.")
            : null;
        String leads = "{\"AZ\":" + str(AZ_BODIES[r.nextInt(AZ_BODIES.length)]) + ",\""
            + ch.partner + "\":" + str(PARTNER_BODIES[r.nextInt(PARTNER_BODIES.length)]) + "}";
        StringBuilder partners = new StringBuilder("[");
        int pc = r.nextInt(4);
        for (int p = 0; p < pc; p++) {
          String[] partner = PARTNERS[r.nextInt(PARTNERS.length)];
          if (p > 0) {
            partners.append(',');
          }
          partners.append("{\"name\":").append(str(partner[0])).append(",\"kind\":")
              .append(str(partner[1])).append(",\"role\":\"")
              .append(partner[1].equals("development-bank") ? "FUNDING" : "IMPLEMENTING")
              .append("\"}");
        }
        partners.append(']');
        boolean located = r.nextDouble() < 0.6;
        projects.row(
            id, ch.id, "p-" + (i + 1), titleJson, description, leads, partners.toString(),
            STAGES[stage], stage >= 5 ? "Waiting for financing to be confirmed." : null,
            located ? PLACES[place] : null,
            located ? PLACE_COORDINATES[place][0] : null,
            located ? PLACE_COORDINATES[place][1] : null,
            false, CLASSES[cls], party(g, origin), g.id, r.nextInt(5),
            Instant.ofEpochMilli(created), Instant.ofEpochMilli(updated));
        // The application refuses a link to a record fewer people may see than the project
        // (Viewer.requireLink): a public project serves public commitments only.
        List<UUID> servable = cls == 0 && !ch.publicCommitmentIds.isEmpty()
            ? ch.publicCommitmentIds : ch.commitmentIds;
        int commitments = 1 + r.nextInt(Math.min(3, servable.size()));
        int first = r.nextInt(servable.size());
        for (int k = 0; k < commitments; k++) {
          links.row(id, servable.get((first + k) % servable.size()), k);
        }
        int lines = r.nextInt(4);
        for (int k = 0; k < lines; k++) {
          long cents = (long) Math.exp(11 + r.nextDouble() * 8) * 100;
          money.row(
              id, k, java.math.BigDecimal.valueOf(cents, 2),
              k == 0 ? "USD" : r.nextBoolean() ? "EUR" : "AZN",
              PARTNERS[r.nextInt(PARTNERS.length)][0],
              new String[] {"PLEDGED", "COMMITTED", "DISBURSED"}[r.nextInt(3)]);
        }
        progress.step(i + 1);
      }
      progress.done();
      rows.put("project", projects.rows);
      rows.put("project_commitment", links.rows);
      rows.put("project_financing", money.rows);
    }
    // Each group's projects, for milestones and agenda items.
    for (Group g : groups) {
      g.projects = new int[g.projectCount];
      g.projectCount = 0;
    }
    for (int i = 0; i < n; i++) {
      Group g = groups.get(projectGroup[i]);
      g.projects[g.projectCount++] = i;
    }
  }

  // ------------------------------------------------------------------ milestones

  long[] milestoneHi;
  long[] milestoneLo;
  int[] milestoneGroup;
  long[] milestoneCreated;
  byte[] milestoneStatus;

  static final String[] MILESTONE_STATUS = {"NOT_STARTED", "IN_PROGRESS", "DONE", "CANCELLED"};

  void milestones() throws Exception {
    int n = MILESTONES;
    milestoneHi = new long[n];
    milestoneLo = new long[n];
    milestoneGroup = new int[n];
    milestoneCreated = new long[n];
    milestoneStatus = new byte[n];
    double[] cum = groupCumulative();
    Progress progress = new Progress("milestone", n);
    long today = millis(TODAY);
    try (Connection c1 = connect();
        Connection c2 = connect();
        Copy milestones =
            new Copy(c1, "milestone", "id, charter_id, code, title, owner_organization,"
                + " planned_start, planned_end, actual_start, actual_end, status, project_id,"
                + " retired, classification, origin_party, group_id, version, created_at,"
                + " updated_at", n);
        Copy dependencies = new Copy(c2, "milestone_dependency", "milestone_id, depends_on", 0)) {
      int i = 0;
      // Nine in ten milestones belong to a project, in a run of consecutive milestones with
      // finish-to-start dependencies; the rest are the group's own.
      int perProject = Math.max(1, (int) Math.round(0.9 * n / Math.max(1, PROJECTS)));
      for (int p = 0; p < PROJECTS && i < n; p++) {
        int count = Math.min(n - i, Math.max(1, perProject - 4 + r.nextInt(9)));
        Group g = groups.get(projectGroup[p]);
        long start = Math.max(millis(FIRST_DAY), projectCreated[p] + 86_400_000L * r.nextInt(0, 60));
        UUID previous = null;
        for (int k = 0; k < count && i < n; k++) {
          UUID id = milestone(milestones, i, g, p, start, today);
          if (previous != null && r.nextDouble() < 0.6) {
            dependencies.row(id, previous);
          }
          previous = id;
          start += 86_400_000L * r.nextInt(20, 150);
          i++;
          progress.step(i);
        }
      }
      while (i < n) {
        Group g = groups.get(pick(cum, r.nextDouble()));
        long start = millis(g.charter.signedOn) + (long) (r.nextDouble() * 86_400_000L * 365 * 4);
        milestone(milestones, i, g, -1, start, today);
        i++;
        progress.step(i);
      }
      progress.done();
      rows.put("milestone", milestones.rows);
      rows.put("milestone_dependency", dependencies.rows);
    }
  }

  UUID milestone(Copy out, int i, Group g, int project, long startMillis, long today)
      throws IOException {
    UUID id = uuid();
    milestoneHi[i] = id.getMostSignificantBits();
    milestoneLo[i] = id.getLeastSignificantBits();
    milestoneGroup[i] = g.index;
    LocalDate start = LocalDate.ofEpochDay(Math.floorDiv(startMillis, 86_400_000L));
    if (start.isAfter(LAST_DAY.minusDays(400))) {
      start = LAST_DAY.minusDays(400 - r.nextInt(200));
    }
    LocalDate end = start.plusDays(14 + r.nextInt(350));
    LocalDate todayDate = TODAY;
    int status;
    double u = r.nextDouble();
    if (end.isBefore(todayDate)) {
      status = u < 0.78 ? 2 : u < 0.9 ? 1 : u < 0.95 ? 3 : 0;
    } else if (!start.isAfter(todayDate)) {
      status = u < 0.7 ? 1 : u < 0.95 ? 0 : 3;
    } else {
      status = u < 0.95 ? 0 : 3;
    }
    milestoneStatus[i] = (byte) status;
    LocalDate actualStart = status == 1 || status == 2
        ? min(start.plusDays(r.nextInt(-10, 30)), todayDate) : null;
    LocalDate actualEnd = status == 2
        ? min(max(actualStart, end.plusDays(r.nextInt(-20, 60))), todayDate) : null;
    long created;
    byte cls;
    String origin;
    if (project >= 0) {
      created = Math.max(projectCreated[project], Math.min(millis(start) - 86_400_000L * 30,
          now.toEpochMilli()));
      created = Math.min(created, now.toEpochMilli());
      cls = projectClass[project];
      origin = party(g, projectOrigin[project]);
    } else {
      created = between(millis(g.charter.signedOn), millis(start));
      cls = classification(0.1, 0.05);
      origin = party(g, r.nextInt(2));
    }
    milestoneCreated[i] = created;
    long updated = status == 0 ? created : between(created, millis(actualEnd != null ? actualEnd
        : todayDate));
    updated = Math.max(updated, created);
    String object = i % 300 == 11 ? SEARCH_WORD + " works" : OBJECTS[r.nextInt(OBJECTS.length)]
        .replace("the ", "");
    String[] steps = {"Feasibility study for", "Design of", "Tender for", "Contract signed for",
        "Construction of", "Commissioning of", "Handover of", "Evaluation of"};
    String title = steps[r.nextInt(steps.length)] + " " + object;
    out.row(
        id, g.charter.id, "m-" + (i + 1), json("en", title),
        g.charter.partner != null && r.nextBoolean() ? AZ_BODIES[r.nextInt(AZ_BODIES.length)]
            : null,
        start, end, actualStart, actualEnd, MILESTONE_STATUS[status],
        project >= 0 ? new UUID(projectHi[project], projectLo[project]) : null,
        false, CLASSES[cls], origin, g.id, status == 0 ? 0 : r.nextInt(1, 4),
        Instant.ofEpochMilli(created), Instant.ofEpochMilli(updated));
    return id;
  }

  static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  // ------------------------------------------------------------------ meetings

  long[] meetingHi;
  long[] meetingLo;
  long[] meetingCreated;
  int[] meetingGroup; // -1 framework, -2 - charter index for a dialogue platform
  int[] meetingCharter;
  byte[] meetingStatus;
  int decisionsTotal;
  int actionItemsTotal;
  int eventsTotal;
  // Obligation events recorded through the API, for the audit trail.
  final List<long[]> apiEvents = new ArrayList<>(); // {hi, lo, createdMillis, groupIndex}

  static final String[] MEETING_STATUS = {"PLANNED", "HELD", "CANCELLED", "POSTPONED"};

  void meetings() throws Exception {
    int n = MEETINGS;
    meetingHi = new long[n];
    meetingLo = new long[n];
    meetingCreated = new long[n];
    meetingGroup = new int[n];
    meetingCharter = new int[n];
    meetingStatus = new byte[n];
    double[] cum = groupCumulative();
    double[] charterCum = new double[charters.size()];
    double sum = 0;
    for (int i = 0; i < charterCum.length; i++) {
      sum += charters.get(i).weight;
      charterCum[i] = sum;
    }
    Progress progress = new Progress("meeting", n);
    try (Connection c1 = connect();
        Connection c2 = connect();
        Connection c3 = connect();
        Connection c4 = connect();
        Connection c5 = connect();
        Connection c6 = connect();
        Connection c7 = connect();
        Copy meetings =
            new Copy(c1, "meeting", "id, charter_id, body_kind, title, starts_at, ends_at,"
                + " time_zone, place, online, status, minutes, classification, origin_party,"
                + " group_id, version, created_at, updated_at", n);
        Copy participants =
            new Copy(c2, "meeting_participant", "id, meeting_id, party, organization,"
                + " person_name, attendance, position", 0);
        Copy agenda =
            new Copy(c3, "agenda_item", "id, meeting_id, position, title, commitment_key,"
                + " project_id, milestone_id", 0);
        Copy decisions =
            new Copy(c4, "meeting_decision", "id, meeting_id, agenda_item_id, position, text", 0);
        Copy actions =
            new Copy(c5, "action_item", "id, meeting_id, charter_id, title, owner_organization,"
                + " owner_username, due_on, status, milestone_id, classification, origin_party,"
                + " group_id, version, created_at, updated_at", 0);
        Copy statements =
            new Copy(c6, "joint_statement", "meeting_id, text, publish, published_at, version,"
                + " created_at, updated_at", 0);
        Copy events =
            new Copy(c7, "obligation_event", "id, charter_id, code, kind, subject, deliverable,"
                + " occurred_on, title, note, source, retired, classification, origin_party,"
                + " group_id, version, created_at, updated_at", 0)) {
      for (int i = 0; i < n; i++) {
        double u = r.nextDouble();
        Charter ch;
        Group g = null;
        UUID platform = null;
        String body;
        if (u < 0.9) {
          g = groups.get(pick(cum, r.nextDouble()));
          ch = g.charter;
          body = "WORKING_GROUP";
        } else {
          ch = charters.get(pick(charterCum, r.nextDouble()));
          if (u > 0.97 && !ch.platforms.isEmpty()) {
            platform = ch.platforms.get(r.nextInt(ch.platforms.size()));
            body = "DIALOGUE_PLATFORM";
          } else {
            body = "FRAMEWORK";
          }
        }
        UUID id = uuid();
        meetingHi[i] = id.getMostSignificantBits();
        meetingLo[i] = id.getLeastSignificantBits();
        meetingGroup[i] = g != null ? g.index : platform != null ? -2 : -1;
        meetingCharter[i] = ch.index;
        long signed = millis(ch.signedOn);
        long startMillis = signed - 86_400_000L * 20
            + (long) (r.nextDouble() * 86_400_000L * 365 * 4.5);
        startMillis = startMillis / 1_800_000L * 1_800_000L + 6 * 3_600_000L; // on the half hour
        if (startMillis > millis(LAST_DAY)) {
          startMillis = millis(LAST_DAY) - 86_400_000L * r.nextInt(1, 300);
        }
        Instant starts = Instant.ofEpochMilli(startMillis);
        Instant ends = starts.plus(60L * (1 + r.nextInt(6)), ChronoUnit.MINUTES);
        boolean past = ends.isBefore(now);
        double v = r.nextDouble();
        int status = past ? (v < 0.85 ? 1 : v < 0.92 ? 2 : 3) : (v < 0.9 ? 0 : 3);
        meetingStatus[i] = (byte) status;
        byte cls = classification(0.1, 0.1);
        int side = r.nextInt(2);
        String origin = cls == 2 ? (side == 0 ? "AZ" : ch.partner) : null;
        UUID groupId = g != null ? g.id : platform;
        long created = between(startMillis - 86_400_000L * r.nextInt(7, 90), startMillis);
        meetingCreated[i] = created;
        long updated = status == 0 ? created : between(created, ends.toEpochMilli()
            + 86_400_000L * 3);
        String title = (g != null ? "Meeting of " + g.key : platform != null
            ? "Business dialogue session" : "Annual meeting of the partnership framework")
            + " (" + LocalDate.ofInstant(starts, ZoneOffset.UTC) + ")";
        String zone = side == 0 ? "Asia/Baku" : ch.partnerZone;
        boolean online = r.nextDouble() < 0.3;
        String minutes = status == 1 && r.nextDouble() < 0.8
            ? "The parties reviewed progress on the projects of the group and agreed the next"
                + " steps listed below." : null;
        meetings.row(
            id, ch.id, body, title, starts, ends, zone == null ? "UTC" : zone,
            online ? null : side == 0 ? "Baku" : "Embassy of the Republic of Azerbaijan",
            online, MEETING_STATUS[status], minutes, CLASSES[cls], origin, groupId,
            status == 0 ? 0 : 1 + r.nextInt(3), Instant.ofEpochMilli(created),
            Instant.ofEpochMilli(updated));
        // Participants: both parties' delegations.
        int people = 4 + r.nextInt(7);
        for (int p = 0; p < people; p++) {
          String party = p % 2 == 0 ? "AZ" : ch.partner;
          String attendance = status == 1 ? (r.nextDouble() < 0.85 ? "ATTENDED"
              : r.nextBoolean() ? "ABSENT" : "EXCUSED") : "INVITED";
          participants.row(uuid(), id, party,
              party.equals("AZ") ? AZ_BODIES[r.nextInt(AZ_BODIES.length)]
                  : PARTNER_BODIES[r.nextInt(PARTNER_BODIES.length)],
              person(), attendance, p + 1);
        }
        int items = 2 + r.nextInt(5);
        UUID[] agendaIds = new UUID[items];
        for (int a = 0; a < items; a++) {
          agendaIds[a] = uuid();
          UUID project = null;
          if (g != null && g.projects.length > 0 && r.nextDouble() < 0.5) {
            // Only a project everyone who sees the meeting may see: Meetings.projectTitle hides
            // the others, but the NotFoundException it catches comes through the transactional
            // Projects service and marks the request's transaction rollback-only, so the
            // dashboard then fails (see bench/scale/README.md, "Generator").
            int p = g.projects[r.nextInt(g.projects.length)];
            if (seenByAllWhoSee(p, cls, origin)) {
              project = new UUID(projectHi[p], projectLo[p]);
            }
          }
          String commitment = r.nextDouble() < 0.3
              ? ch.commitmentKeys.get(r.nextInt(ch.commitmentKeys.size())) : null;
          agenda.row(agendaIds[a], id, a + 1,
              a == 0 ? "Opening and adoption of the agenda"
                  : project != null ? "Progress of the project" : "Review of the roadmap",
              commitment, project, null);
        }
        if (status == 1) {
          int count = r.nextInt(4);
          for (int d = 0; d < count; d++) {
            decisions.row(uuid(), id, r.nextBoolean() ? agendaIds[1 + r.nextInt(items - 1)]
                : null, d + 1, "The parties agreed to proceed with the next phase and to report"
                    + " at the next meeting.");
            decisionsTotal++;
          }
          int actionCount = r.nextInt(4);
          LocalDate held = LocalDate.ofInstant(starts, ZoneOffset.UTC);
          for (int a = 0; a < actionCount; a++) {
            LocalDate due = held.plusDays(14 + r.nextInt(120));
            String st = due.isBefore(TODAY) ? (r.nextDouble() < 0.7 ? "DONE"
                : r.nextDouble() < 0.85 ? "OPEN" : "CANCELLED") : "OPEN";
            String owner = null;
            if (g != null && r.nextDouble() < 0.4) {
              owner = usernames.get(g.members[r.nextInt(g.members.length)]);
            }
            Instant at = ends.plus(1, ChronoUnit.HOURS);
            actions.row(uuid(), id, ch.id, "Prepare the report on the agreed next steps",
                owner == null || r.nextBoolean() ? AZ_BODIES[r.nextInt(AZ_BODIES.length)] : null,
                owner, due, st, null, CLASSES[cls], origin, groupId, st.equals("OPEN") ? 0 : 1,
                at, st.equals("OPEN") ? at : Instant.ofEpochMilli(between(at.toEpochMilli(),
                    millis(due.plusDays(10)))));
            actionItemsTotal++;
          }
          if (g == null && platform == null && r.nextDouble() < 0.6) {
            Instant at = ends.plus(2, ChronoUnit.HOURS);
            statements.row(id, "The parties reaffirmed their commitment to the partnership and"
                + " welcomed the progress made since the last meeting.", true, null, 0, at, at);
          }
          // A held meeting of the framework or a group meets the "at least annually" rules: the
          // application records it as an obligation event (Obligations.onMeetingHeld).
          if (platform == null) {
            events.row(uuid(), ch.id, "meeting:" + id, "meeting-held",
                g != null ? g.key : "framework", null, held, json("en", title), "meeting " + id,
                "MEETING", false, CLASSES[cls], origin, groupId, 0,
                Instant.ofEpochMilli(updated), Instant.ofEpochMilli(updated));
            eventsTotal++;
          }
        }
        progress.step(i + 1);
      }
      progress.done();
      // Deliverables: most groups of charters signed over three months ago finalized their
      // project list and roadmap, recorded through the API.
      for (Group g : groups) {
        LocalDate signed = g.charter.signedOn;
        for (String deliverable : new String[] {"project-list", "roadmap"}) {
          if (signed.plusMonths(3).isBefore(TODAY) && r.nextDouble() < 0.75) {
            LocalDate on = min(signed.plusDays(30 + r.nextInt(120)), TODAY);
            UUID id = uuid();
            Instant at = Instant.ofEpochMilli(millis(on) + 3_600_000L * (8 + r.nextInt(9)));
            if (at.isAfter(now)) {
              at = now;
            }
            String side = r.nextBoolean() ? "AZ" : g.charter.partner;
            events.row(id, g.charter.id, "api:" + id, "deliverable-finalized", g.key,
                deliverable, on,
                json("en", "Deliverable finalized: " + deliverable), null, "API", false,
                "BILATERAL", side, g.id, 0, at, at);
            apiEvents.add(new long[] {id.getMostSignificantBits(), id.getLeastSignificantBits(),
                at.toEpochMilli(), g.index});
            eventsTotal++;
          }
        }
      }
      rows.put("meeting", meetings.rows);
      rows.put("meeting_participant", participants.rows);
      rows.put("agenda_item", agenda.rows);
      rows.put("meeting_decision", decisions.rows);
      rows.put("action_item", actions.rows);
      rows.put("joint_statement", statements.rows);
      rows.put("obligation_event (generated)", events.rows);
    }
  }

  /** Whether whoever may see a meeting of this classification may see the project too. */
  boolean seenByAllWhoSee(int project, byte meetingClass, String meetingOrigin) {
    byte cls = projectClass[project];
    if (cls == 0) {
      return true;
    }
    if (cls == 1) {
      return meetingClass != 0;
    }
    Group g = groups.get(projectGroup[project]);
    return meetingClass == 2 && party(g, projectOrigin[project]).equals(meetingOrigin);
  }

  // ------------------------------------------------------------------ the audit trail

  /** Kinds of generated audit events. */
  static final String[] ACTION = {
    "project.created", "project.updated", "project.stage-changed", "milestone.added",
    "milestone.changed", "meeting.scheduled", "meeting.changed", "meeting.decision-recorded",
    "event.recorded", "login.succeeded", "login.failed", "record.read", "request.denied",
  };
  static final String[] RECORD_TYPE = {
    "project", "project", "project", "milestone", "milestone", "meeting", "meeting", "meeting",
    "obligation_event", "account", "account", "meeting", "account",
  };
  static final String[] OUTCOME = {
    "SUCCESS", "SUCCESS", "SUCCESS", "SUCCESS", "SUCCESS", "SUCCESS", "SUCCESS", "SUCCESS",
    "SUCCESS", "SUCCESS", "FAILURE", "SUCCESS", "DENIED",
  };

  void audit() throws Exception {
    // Which events: every project, milestone and meeting was made (and recorded) once; what is
    // left of the total is shared among changes, logins, reads and refusals.
    int target = AUDIT_EVENTS;
    long made = (long) PROJECTS + MILESTONES + MEETINGS + apiEvents.size();
    long left = Math.max(0, target - made);
    double[] shares = {0, 0.12, 0.08, 0, 0.40, 0, 0.05, 0.05, 0, 0.18, 0.02, 0.09, 0.01};
    long[] counts = new long[ACTION.length];
    counts[0] = PROJECTS;
    counts[3] = MILESTONES;
    counts[5] = MEETINGS;
    counts[8] = apiEvents.size();
    long assigned = 0;
    for (int k = 0; k < ACTION.length; k++) {
      if (shares[k] > 0) {
        counts[k] = (long) Math.floor(left * shares[k]);
        assigned += counts[k];
      }
    }
    counts[4] += left - assigned;
    long total = Arrays.stream(counts).sum();
    if (total > target) {
      // Fewer events than records were asked for: keep the first ones of each kind in proportion.
      double f = (double) target / total;
      long kept = 0;
      for (int k = 0; k < counts.length; k++) {
        counts[k] = (long) Math.floor(counts[k] * f);
        kept += counts[k];
      }
      counts[3] += target - kept;
      total = target;
    }
    int n = (int) total;
    // Each event: its time (ms) and, packed, its kind and the index of its record.
    long[] keys = new long[n];
    int[] ref = new int[n];
    byte[] kind = new byte[n];
    int e = 0;
    long nowMillis = now.toEpochMilli() - 1;
    long earliest = millis(FIRST_DAY);
    for (int k = 0; k < ACTION.length; k++) {
      for (long j = 0; j < counts[k]; j++) {
        int index;
        long at;
        switch (k) {
          case 0 -> {
            index = (int) j;
            at = projectCreated[index];
          }
          case 1, 2 -> {
            index = r.nextInt(PROJECTS);
            at = between(projectCreated[index], nowMillis);
          }
          case 3 -> {
            index = (int) j;
            at = milestoneCreated[index];
          }
          case 4 -> {
            index = r.nextInt(MILESTONES);
            at = between(milestoneCreated[index], nowMillis);
          }
          case 5 -> {
            index = (int) j;
            at = meetingCreated[index];
          }
          case 6, 7, 11 -> {
            index = r.nextInt(MEETINGS);
            at = between(meetingCreated[index], nowMillis);
          }
          case 8 -> {
            index = (int) j;
            at = apiEvents.get(index)[2];
          }
          default -> {
            index = r.nextInt(usernames.size());
            at = between(earliest + (long) (r.nextDouble() * (nowMillis - earliest)), nowMillis);
          }
        }
        at = Math.min(Math.max(at, earliest), nowMillis);
        keys[e] = at;
        ref[e] = index;
        kind[e] = (byte) k;
        e++;
      }
    }
    // Sort by time: the trail is in the order things happened.
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      packed[i] = (keys[i] - earliest) << 22 | i;
    }
    if (n >= (1 << 22)) {
      throw new IllegalStateException("at most 4,194,303 audit events");
    }
    Arrays.parallelSort(packed);
    long seq;
    String prev;
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select seq, hash from audit_head where id = 1")) {
      rs.next();
      seq = rs.getLong(1);
      prev = rs.getString(2);
    }
    long startSeq = seq;
    Progress progress = new Progress("audit_event", n);
    Chain chain = new Chain();
    try (Connection c1 = connect();
        Copy audit =
            new Copy(c1, "audit_event", "seq, occurred_at, actor, party, action, record_type,"
                + " record_id, outcome, source_address, details, prev_hash, hash", n)) {
      for (int i = 0; i < n; i++) {
        int ev = (int) (packed[i] & ((1 << 22) - 1));
        Instant at = Instant.ofEpochMilli((packed[i] >>> 22) + earliest);
        int k = kind[ev];
        int index = ref[ev];
        String recordId;
        String details;
        int actor;
        switch (k) {
          case 0, 1, 2 -> {
            Group g = groups.get(projectGroup[index]);
            recordId = new UUID(projectHi[index], projectLo[index]).toString();
            actor = g.members[r.nextInt(g.members.length)];
            details = k == 0
                ? "{\"charter\":" + str(g.charter.key) + ",\"group\":" + str(g.key)
                    + ",\"key\":\"p-" + (index + 1) + "\"}"
                : k == 1 ? "{\"key\":\"p-" + (index + 1) + "\",\"version\":" + (1 + r.nextInt(4))
                    + "}"
                : "{\"key\":\"p-" + (index + 1) + "\",\"stage\":\""
                    + STAGES[projectStage[index]].toLowerCase(Locale.ROOT).replace('_', '-')
                    + "\"}";
          }
          case 3, 4 -> {
            Group g = groups.get(milestoneGroup[index]);
            recordId = new UUID(milestoneHi[index], milestoneLo[index]).toString();
            actor = g.members[r.nextInt(g.members.length)];
            details = k == 3
                ? "{\"charter\":" + str(g.charter.key) + ",\"group\":" + str(g.key)
                    + ",\"key\":\"m-" + (index + 1) + "\"}"
                : "{\"key\":\"m-" + (index + 1) + "\",\"status\":\""
                    + MILESTONE_STATUS[milestoneStatus[index]].toLowerCase(Locale.ROOT)
                        .replace('_', '-') + "\"}";
          }
          case 5, 6, 7, 11 -> {
            recordId = new UUID(meetingHi[index], meetingLo[index]).toString();
            Charter ch = charters.get(meetingCharter[index]);
            int gi = meetingGroup[index];
            actor = gi >= 0 ? groups.get(gi).members[r.nextInt(groups.get(gi).members.length)]
                : ch.coordinators[r.nextInt(2)];
            details = k == 5 ? "{\"charter\":" + str(ch.key) + "}"
                : k == 6 ? "{\"status\":\"" + MEETING_STATUS[meetingStatus[index]]
                    .toLowerCase(Locale.ROOT) + "\"}"
                : k == 7 ? "{\"decision\":\"" + uuid() + "\"}"
                : "{\"charter\":" + str(ch.key) + "}";
          }
          case 8 -> {
            long[] api = apiEvents.get(index);
            recordId = new UUID(api[0], api[1]).toString();
            Group g = groups.get((int) api[3]);
            actor = g.members[r.nextInt(g.members.length)];
            details = "{\"charter\":" + str(g.charter.key) + ",\"kind\":\"deliverable-finalized\""
                + ",\"subject\":" + str(g.key) + "}";
          }
          default -> {
            actor = index;
            recordId = accountIds.get(index).toString();
            details = k == 12 ? "{\"path\":\"/api/audit/events\"}" : null;
          }
        }
        String actorName = k == 10 && r.nextDouble() < 0.3 ? "unknown" : usernames.get(actor);
        String party = k == 10 ? null : accountParties.get(actor);
        String address = "192.0.2." + (1 + actor % 250);
        seq++;
        String hash = chain.hash(seq, at.toString(), actorName, party, ACTION[k],
            RECORD_TYPE[k], recordId, OUTCOME[k], address, details, prev);
        audit.row(seq, at, actorName, party, ACTION[k], RECORD_TYPE[k], recordId, OUTCOME[k],
            address, details, prev, hash);
        prev = hash;
        progress.step(i + 1);
      }
      progress.done();
      rows.put("audit_event (generated)", audit.rows);
    }
    try (Connection c = connect();
        var ps = c.prepareStatement("update audit_head set seq = ?, hash = ? where id = 1")) {
      ps.setLong(1, seq);
      ps.setString(2, prev);
      ps.executeUpdate();
    }
    System.out.printf("audit chain: events %d..%d appended after the application's own, head %s%n",
        startSeq + 1, seq, prev);
  }

  /**
   * The audit hash as org.entente.audit.AuditHash computes it: SHA-256 over each field written as
   * its length in UTF-8 bytes, a colon, the value and a semicolon (null as a lone '-'), in the
   * order seq, occurredAt (Instant.toString), actor, party, action, recordType, recordId,
   * outcome, sourceAddress, details, prevHash; lower-case hex.
   */
  static final class Chain {
    final MessageDigest digest;
    byte[] buffer = new byte[4096];
    int n;

    Chain() throws Exception {
      digest = MessageDigest.getInstance("SHA-256");
    }

    String hash(long seq, String... fields) {
      n = 0;
      put(Long.toString(seq));
      for (String f : fields) {
        put(f);
      }
      digest.update(buffer, 0, n);
      return HexFormat.of().formatHex(digest.digest());
    }

    void put(String value) {
      if (value == null) {
        ensure(1);
        buffer[n++] = '-';
        return;
      }
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      byte[] length = Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII);
      ensure(length.length + bytes.length + 2);
      System.arraycopy(length, 0, buffer, n, length.length);
      n += length.length;
      buffer[n++] = ':';
      System.arraycopy(bytes, 0, buffer, n, bytes.length);
      n += bytes.length;
      buffer[n++] = ';';
    }

    void ensure(int more) {
      if (n + more > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(n + more, 2 * buffer.length));
      }
    }
  }

  // ------------------------------------------------------------------ fixture.env

  void writeFixture() throws Exception {
    Charter big = charters.stream().filter(ch -> ch.key.equals(bigCharterKey())).findFirst()
        .orElseThrow();
    Group group = big.groups.stream().max((a, b) -> Integer.compare(a.projects.length,
        b.projects.length)).orElseThrow();
    int project = group.projects[group.projects.length / 2];
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String table : COUNTED_TABLES) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    StringBuilder f = new StringBuilder();
    f.append("# Written by bench/scale/generate.sh at ").append(now).append(". Shell-sourceable.\n");
    f.append("# The application must be started with ENTENTE_OPERATOR_TOKEN=$TOKEN_OPERATOR and\n");
    f.append("# --entente.definitions.folder=$DEFINITIONS_FOLDER (the generated charters' files:\n");
    f.append("# unchanged, so nothing is reloaded; without the folder they stay as stored).\n");
    kv(f, "DB", env("DB", "entente_scale"));
    kv(f, "SCALE", SCALE);
    kv(f, "SEED", Long.toString(SEED));
    kv(f, "PGHOST", env("PGHOST", "127.0.0.1"));
    kv(f, "PGPORT", env("PGPORT", "5432"));
    kv(f, "DEFINITIONS_FOLDER", out.resolve("definitions").toAbsolutePath().toString());
    kv(f, "TOKEN_OPERATOR", tokenOperator);
    kv(f, "TOKEN_US", tokenUs);
    kv(f, "TOKEN_AZ", tokenAz);
    kv(f, "TOKEN_ADMIN", tokenAdmin);
    kv(f, "USER_US", "bench-us-cochair");
    kv(f, "USER_AZ", "bench-az-member");
    kv(f, "USER_ADMIN", "bench-admin");
    kv(f, "BENCH_PASSWORD", benchPassword);
    kv(f, "CHARTER_KEY", big.key);
    kv(f, "REAL_CHARTER_KEY", REAL_CHARTER);
    kv(f, "GROUP_KEY", group.key);
    kv(f, "GROUP_PROJECTS", Integer.toString(group.projects.length));
    kv(f, "COMMITMENT_KEY", big.commitmentKeys.get(0));
    kv(f, "PROJECT_ID", new UUID(projectHi[project], projectLo[project]).toString());
    kv(f, "PROJECT_KEY", "p-" + (project + 1));
    int meeting = 0;
    for (int i = 0; i < MEETINGS; i++) {
      if (meetingCharter[i] == big.index && meetingGroup[i] == group.index) {
        meeting = i;
        break;
      }
    }
    kv(f, "MEETING_ID", new UUID(meetingHi[meeting], meetingLo[meeting]).toString());
    kv(f, "SEARCH_TERM", SEARCH_WORD);
    for (var entry : counts.entrySet()) {
      kv(f, "ROWS_" + entry.getKey().toUpperCase(Locale.ROOT), Long.toString(entry.getValue()));
    }
    Path file = out.resolve("fixture.env");
    Files.writeString(file, f.toString());
    try {
      Files.setPosixFilePermissions(file,
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not POSIX
    }
    System.out.println("wrote " + file);
  }

  static void kv(StringBuilder f, String key, String value) {
    f.append(key).append("='").append(value.replace("'", "'\\''")).append("'\n");
  }

  static final String[] COUNTED_TABLES = {
    "charter", "party", "working_group", "commitment", "dialogue_platform", "obligation_rule",
    "account", "membership", "personal_access_token", "project", "project_commitment",
    "project_financing", "milestone", "milestone_dependency", "meeting", "meeting_participant",
    "agenda_item", "meeting_decision", "action_item", "joint_statement", "obligation_event",
    "audit_event",
  };

  /** Tables the generator fills: their keys, indexes and foreign keys are dropped meanwhile. */
  static final List<String> BULK_TABLES = List.of(
      "account", "membership", "personal_access_token", "project", "project_commitment",
      "project_financing", "milestone", "milestone_dependency", "meeting", "meeting_participant",
      "agenda_item", "meeting_decision", "action_item", "joint_statement", "obligation_event",
      "audit_event");

  // ------------------------------------------------------------------ JSON helpers

  static String str(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (ch < 0x20) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A LocalizedText as its toJson writes it: an object from language tag to text. */
  static String json(String... languageAndText) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < languageAndText.length; i += 2) {
      if (i > 0) {
        b.append(',');
      }
      b.append(str(languageAndText[i])).append(':').append(str(languageAndText[i + 1]));
    }
    return b.append('}').toString();
  }

  // ------------------------------------------------------------------ progress

  final class Progress {
    final String table;
    final long total;
    final long start = System.nanoTime();
    long nextReport;

    Progress(String table, long total) {
      this.table = table;
      this.total = total;
      this.nextReport = Math.max(1, total / 20);
    }

    void step(long done) {
      if (done >= nextReport && done < total) {
        report(done);
        nextReport += Math.max(1, total / 20);
      }
    }

    void report(long done) {
      double s = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "  %-14s %3d%%  %,11d rows  %,9.0f rows/s  %6.1f s%n",
          table, 100 * done / Math.max(1, total), done, done / Math.max(s, 1e-9), s);
    }

    void done() {
      report(total);
    }
  }

  // ------------------------------------------------------------------ COPY

  /**
   * One COPY ... FROM STDIN in text format on its own connection, fed row by row. Several are open
   * at once (a parent table and its children), so their constraints are dropped during the load.
   */
  static final class Copy implements AutoCloseable {
    final PGCopyOutputStream stream;
    final byte[] buffer = new byte[1 << 16];
    int n;
    long rows;
    final String table;

    Copy(Connection c, String table, String columns, long expected) throws SQLException {
      this.table = table;
      this.stream =
          new PGCopyOutputStream(
              c.unwrap(PGConnection.class), "copy " + table + " (" + columns + ") from stdin",
              1 << 16);
    }

    void row(Object... values) throws IOException {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          put((byte) '\t');
        }
        Object v = values[i];
        if (v == null) {
          put((byte) '\\');
          put((byte) 'N');
        } else if (v instanceof String s) {
          text(s);
        } else if (v instanceof Boolean b) {
          put((byte) (b ? 't' : 'f'));
        } else {
          ascii(v.toString());
        }
      }
      put((byte) '\n');
      rows++;
    }

    void ascii(String s) {
      for (int i = 0; i < s.length(); i++) {
        put((byte) s.charAt(i));
      }
    }

    void text(String s) {
      boolean plain = true;
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        if (ch >= 0x80 || ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
          plain = false;
          break;
        }
      }
      if (plain) {
        ascii(s);
        return;
      }
      String escaped =
          s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
      for (byte b : escaped.getBytes(StandardCharsets.UTF_8)) {
        put(b);
      }
    }

    void put(byte b) {
      if (n == buffer.length) {
        flush();
      }
      buffer[n++] = b;
    }

    void flush() {
      try {
        stream.write(buffer, 0, n);
      } catch (IOException e) {
        throw new UncheckedIOException("COPY into " + table + " failed", e);
      }
      n = 0;
    }

    @Override
    public void close() throws IOException {
      flush();
      stream.close();
    }
  }

  // ------------------------------------------------------------------ schema

  /**
   * The keys, unique constraints, indexes and foreign keys of the bulk tables, as PostgreSQL
   * describes them (pg_get_constraintdef, pg_get_indexdef): dropped before the load, restored
   * after it exactly as they were, which checks every loaded row against them.
   */
  record Schema(List<String[]> constraints, List<String[]> foreignKeys, List<String[]> indexes) {

    static Schema capture(Connection c, List<String> tables) throws SQLException {
      String list = "'" + String.join("','", tables) + "'";
      List<String[]> constraints = new ArrayList<>();
      List<String[]> foreign = new ArrayList<>();
      List<String[]> indexes = new ArrayList<>();
      try (Statement s = c.createStatement()) {
        // Every foreign key from or to a bulk table.
        try (ResultSet rs = s.executeQuery(
            "select con.conrelid::regclass::text, con.conname, pg_get_constraintdef(con.oid)"
                + " from pg_constraint con where con.contype = 'f' and (con.conrelid::regclass::text"
                + " in (" + list + ") or con.confrelid::regclass::text in (" + list + "))"
                + " order by 1, 2")) {
          while (rs.next()) {
            foreign.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
          }
        }
        try (ResultSet rs = s.executeQuery(
            "select con.conrelid::regclass::text, con.conname, pg_get_constraintdef(con.oid)"
                + " from pg_constraint con where con.contype in ('p', 'u')"
                + " and con.conrelid::regclass::text in (" + list + ") order by 1, 2")) {
          while (rs.next()) {
            constraints.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
          }
        }
        try (ResultSet rs = s.executeQuery(
            "select i.tablename, i.indexname, i.indexdef from pg_indexes i where i.schemaname ="
                + " current_schema() and i.tablename in (" + list + ") and not exists (select 1"
                + " from pg_constraint con where con.conname = i.indexname) order by 1, 2")) {
          while (rs.next()) {
            indexes.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
          }
        }
      }
      return new Schema(constraints, foreign, indexes);
    }

    void drop(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        for (String[] f : foreignKeys) {
          s.execute("alter table " + f[0] + " drop constraint " + f[1]);
        }
        for (String[] k : constraints) {
          s.execute("alter table " + k[0] + " drop constraint " + k[1]);
        }
        for (String[] i : indexes) {
          s.execute("drop index " + i[1]);
        }
      }
      System.out.printf("dropped %d keys, %d indexes and %d foreign keys for the load%n",
          constraints.size(), indexes.size(), foreignKeys.size());
    }

    void restore(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.execute("set maintenance_work_mem = '1GB'");
        for (String[] k : constraints) {
          long t = System.nanoTime();
          s.execute("alter table " + k[0] + " add constraint " + k[1] + " " + k[2]);
          System.out.printf(Locale.ROOT, "  %-28s %-40s %5.1f s%n", k[0], k[1],
              (System.nanoTime() - t) / 1e9);
        }
        for (String[] i : indexes) {
          long t = System.nanoTime();
          s.execute(i[2]);
          System.out.printf(Locale.ROOT, "  %-28s %-40s %5.1f s%n", i[0], i[1],
              (System.nanoTime() - t) / 1e9);
        }
        for (String[] f : foreignKeys) {
          long t = System.nanoTime();
          s.execute("alter table " + f[0] + " add constraint " + f[1] + " " + f[2]);
          System.out.printf(Locale.ROOT, "  %-28s %-40s %5.1f s%n", f[0], f[1],
              (System.nanoTime() - t) / 1e9);
        }
      }
    }

    /** Fails unless the restored keys, indexes and foreign keys are exactly those captured. */
    void verifySame(Connection c) throws SQLException {
      Schema now = capture(c, BULK_TABLES);
      if (!same(constraints, now.constraints) || !same(foreignKeys, now.foreignKeys)
          || !same(indexes, now.indexes)) {
        throw new IllegalStateException("the restored schema differs from the application's");
      }
      System.out.println("schema: keys, indexes and foreign keys restored exactly as Flyway made"
          + " them");
    }

    static boolean same(List<String[]> a, List<String[]> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!Arrays.equals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
  }
}
