package org.entente.languages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * Which languages the interface is translated into: those with a bundle {@code
 * messages_xx.properties} on the classpath, found when the application starts, and English (the
 * base bundle {@code messages.properties}). Adding a language is adding its bundle.
 */
final class Bundles {

  private static final Pattern NAME =
      Pattern.compile("messages_([a-zA-Z]{2,3})(_.*)?\\.properties");

  private Bundles() {}

  /** The last class loader searched and what it holds. */
  private record Found(ClassLoader loader, Set<String> codes) {}

  private static volatile Found last;

  /**
   * The codes of the languages with a bundle, English included. The search reads the entries of
   * every jar on the class path (over a second of CPU), so its answer is kept for the class loader
   * searched: each application started in one JVM (the tests start about twenty) asks again.
   */
  static Set<String> discover() {
    ClassLoader loader = ClassUtils.getDefaultClassLoader();
    Found found = last;
    if (found == null || found.loader() != loader) {
      found = new Found(loader, search(loader));
      last = found;
    }
    return found.codes();
  }

  private static Set<String> search(ClassLoader loader) {
    Set<String> found = new TreeSet<>();
    found.add(Languages.ENGLISH.code());
    try {
      for (Resource r :
          new PathMatchingResourcePatternResolver(loader)
              .getResources("classpath*:messages_*.properties")) {
        String name = r.getFilename();
        Matcher m = name == null ? null : NAME.matcher(name);
        if (m != null && m.matches()) {
          found.add(m.group(1).toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(found);
  }
}
