package org.entente.definition;

/** JSON pointers as the loader keys lines by, and as messages show them. */
final class Paths {

  private Paths() {}

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** {@code /commitments/3/areas/0} reads as {@code commitments[3].areas[0]}. */
  static String display(String pointer) {
    if (pointer.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String part : pointer.substring(1).split("/", -1)) {
      String name = part.replace("~1", "/").replace("~0", "~");
      if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
        out.append('[').append(name).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(name);
      }
    }
    return out.toString();
  }
}
