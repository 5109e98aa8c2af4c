package org.entente.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The most common passwords found in breaches (ASVS V2.1.7), read once from {@code
 * passwords/common-passwords.txt.gz}: a documented subset of SecLists' top million, with its source
 * and licence in {@code passwords/LICENSE-SecLists.txt}. Compared without regard to case.
 */
final class CommonPasswords {

  static final String RESOURCE = "passwords/common-passwords.txt.gz";

  private CommonPasswords() {}

  /** Whether a password is on the list, whatever its case. */
  static boolean contains(String password) {
    return password != null && Loaded.SET.contains(fold(password));
  }

  /** How many distinct passwords the list holds (without regard to case). */
  static int size() {
    return Loaded.SET.size();
  }

  private static String fold(String password) {
    return password.toLowerCase(Locale.ROOT);
  }

  /** Loaded at the first use, once for the whole process (the class is initialised only once). */
  private static final class Loaded {
    static final Set<String> SET = load();

    private static Set<String> load() {
      InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(RESOURCE);
      if (in == null) {
        throw new IllegalStateException("the common-password list " + RESOURCE + " is missing");
      }
      Set<String> set = new HashSet<>(200_000);
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (!line.isEmpty()) {
            set.add(fold(line));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Set.copyOf(set);
    }
  }
}
