package org.entente.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar entente.jar transparency ...}: checks checkpoints and proofs from files alone,
 * without the host and without starting the application (the formats are in {@code
 * docs/transparency.md}). Exit code 0 when what was checked holds, 1 when it does not, 2 for a
 * usage error or a file that cannot be read.
 *
 * <ul>
 *   <li>{@code checkpoint --key VKEY NOTE}: the checkpoint is signed by that verifier key; prints
 *       its origin, size and root.
 *   <li>{@code inclusion --key VKEY --checkpoint NOTE --index N --leaf HASH --proof FILE}: the leaf
 *       with that hash is at that index of the checkpoint's tree.
 *   <li>{@code witness --key VKEY --kept FILE --checkpoint NOTE --proof FILE}: the witness keeps
 *       the last checkpoint it took in {@code --kept} (the note itself); a new one that extends it
 *       replaces it, anything else is reported. Without a kept file the first signed checkpoint is
 *       taken.
 * </ul>
 *
 * A proof file holds one hash a line, in hex, from the leaf's side up.
 */
public final class TransparencyCommand {

  static final String USAGE =
      """
      usage: java -jar entente.jar transparency checkpoint --key VKEY NOTE
             java -jar entente.jar transparency inclusion --key VKEY --checkpoint NOTE \
      --index N --leaf HASH --proof FILE
             java -jar entente.jar transparency witness --key VKEY --kept FILE \
      --checkpoint NOTE --proof FILE""";

  private TransparencyCommand() {}

  /** Runs a subcommand; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(USAGE);
      return 2;
    }
    Map<String, String> options = new HashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i].substring(2), args[++i]);
      } else {
        positional.add(args[i]);
      }
    }
    try {
      return switch (args[0]) {
        case "checkpoint" -> checkpoint(need(options, "key"), onlyFile(positional), out);
        case "inclusion" -> inclusion(options, out);
        case "witness" -> witness(options, out);
        default -> usage(err, "no subcommand " + args[0]);
      };
    } catch (Usage e) {
      return usage(err, e.getMessage());
    } catch (IOException e) {
      err.println("cannot read or write: " + e.getMessage());
      return 2;
    }
  }

  private static int checkpoint(String key, Path note, PrintStream out) throws IOException {
    Optional<SignedNote.Checkpoint> opened = open(Files.readString(note), key);
    if (opened.isEmpty()) {
      out.println("NOT VERIFIED: " + note + " is not a checkpoint signed by " + name(key));
      return 1;
    }
    SignedNote.Checkpoint checkpoint = opened.get();
    out.println(
        "verified: "
            + checkpoint.origin()
            + ", "
            + checkpoint.size()
            + " events, root "
            + HexFormat.of().formatHex(checkpoint.root()));
    return 0;
  }

  private static int inclusion(Map<String, String> options, PrintStream out) throws IOException {
    String key = need(options, "key");
    Optional<SignedNote.Checkpoint> opened =
        open(Files.readString(Path.of(need(options, "checkpoint"))), key);
    if (opened.isEmpty()) {
      out.println("NOT VERIFIED: the checkpoint is not signed by " + name(key));
      return 1;
    }
    long index = number(need(options, "index"));
    byte[] leaf = hash(need(options, "leaf"));
    List<byte[]> proof = proof(Path.of(need(options, "proof")));
    SignedNote.Checkpoint checkpoint = opened.get();
    if (!MerkleTree.verifyInclusion(index, checkpoint.size(), leaf, proof, checkpoint.root())) {
      out.println(
          "NOT INCLUDED: the proof does not show that leaf at "
              + index
              + " of "
              + checkpoint.origin()
              + " ("
              + checkpoint.size()
              + " events)");
      return 1;
    }
    out.println(
        "included: event "
            + index
            + " of "
            + checkpoint.origin()
            + ", in its checkpoint of "
            + checkpoint.size()
            + " events");
    return 0;
  }

  private static int witness(Map<String, String> options, PrintStream out) throws IOException {
    String key = need(options, "key");
    Path keptFile = Path.of(need(options, "kept"));
    String note = Files.readString(Path.of(need(options, "checkpoint")));
    if (!Files.exists(keptFile)) {
      Optional<SignedNote.Checkpoint> first = open(note, key);
      if (first.isEmpty()) {
        out.println("NOT TAKEN: the checkpoint is not signed by " + name(key));
        return 1;
      }
      keep(keptFile, note);
      out.println(
          "kept the first checkpoint of "
              + first.get().origin()
              + ": "
              + first.get().size()
              + " events");
      return 0;
    }
    SignedNote.Checkpoint kept =
        open(Files.readString(keptFile), key)
            .orElseThrow(() -> new Usage(keptFile + " holds no checkpoint signed by " + name(key)));
    List<byte[]> proof =
        options.containsKey("proof") ? proof(Path.of(options.get("proof"))) : List.of();
    Witness.Decision decision =
        Witness.check(new Witness.Kept(kept.origin(), kept.size(), kept.root()), note, key, proof);
    switch (decision.verdict()) {
      case EXTENDS, SAME -> {
        keep(keptFile, note);
        out.println(
            decision.verdict()
                + ": "
                + kept.origin()
                + " went from "
                + kept.size()
                + " to "
                + decision.keep().orElseThrow().size()
                + " events, and the new checkpoint is kept");
        return 0;
      }
      default -> {
        out.println(
            decision.verdict()
                + ": the checkpoint does not extend the one kept ("
                + kept.origin()
                + ", "
                + kept.size()
                + " events); "
                + explanation(decision.verdict()));
        return 1;
      }
    }
  }

  private static String explanation(Witness.Verdict verdict) {
    return switch (verdict) {
      case BAD_SIGNATURE -> "it is not signed by the deployment's key";
      case OTHER_LOG -> "it is a checkpoint of another log";
      case TRUNCATED -> "events this witness saw are gone";
      case SPLIT_VIEW -> "the log shows two histories of the same length";
      case NOT_AN_EXTENSION -> "the log's history was rewritten or forked";
      default -> "";
    };
  }

  private static Optional<SignedNote.Checkpoint> open(String note, String key) {
    return SignedNote.open(note, key).flatMap(SignedNote::readCheckpoint);
  }

  /** Writes the kept checkpoint whole under another name, then moves it over the old one. */
  private static void keep(Path file, String note) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, ".kept-", ".tmp");
    Files.writeString(temporary, note, StandardCharsets.UTF_8);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static List<byte[]> proof(Path file) throws IOException {
    List<byte[]> proof = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        proof.add(hash(line.strip()));
      }
    }
    return proof;
  }

  private static byte[] hash(String hex) {
    try {
      byte[] hash = HexFormat.of().parseHex(hex);
      if (hash.length != MerkleTree.HASH_BYTES) {
        throw new Usage("a hash is 64 hex digits: " + hex);
      }
      return hash;
    } catch (IllegalArgumentException e) {
      throw new Usage("a hash is 64 hex digits: " + hex);
    }
  }

  private static long number(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new Usage("not a number: " + text);
    }
  }

  private static String name(String verifierKey) {
    return verifierKey.split("\\+", 2)[0];
  }

  private static String need(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new Usage("--" + name + " is missing");
    }
    return value;
  }

  private static Path onlyFile(List<String> positional) {
    if (positional.size() != 1) {
      throw new Usage("give one checkpoint file");
    }
    return Path.of(positional.get(0));
  }

  private static int usage(PrintStream err, String problem) {
    err.println(problem);
    err.println(USAGE);
    return 2;
  }

  /** A usage error: exit code 2. */
  private static final class Usage extends RuntimeException {
    Usage(String message) {
      super(message);
    }
  }
}
