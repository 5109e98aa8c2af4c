package org.entente.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.entente.identity.Accounts.AccountChange;
import org.entente.identity.Accounts.AccountView;
import org.entente.identity.Accounts.NewAccount;
import org.entente.shared.BadRequestException;

/**
 * The rules of an account's own fields: its user name, display name, party, organization, roles and
 * e-mail address. Each refusal names the field; nothing is stored here.
 */
final class AccountRules {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,99}");
  private static final Pattern PARTY = Pattern.compile("[A-Z]{2,3}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

  private AccountRules() {}

  /** The fields of an account as they are stored. */
  record Fields(
      String displayName,
      String organization,
      String party,
      Set<Role> roles,
      boolean clearance,
      boolean enabled,
      String email) {

    String rolesText() {
      return AccountRules.rolesText(roles);
    }
  }

  /**
   * The fields of a new account, checked; its password too.
   *
   * @throws BadRequestException naming the first field that does not meet the rules
   */
  static Fields newAccount(NewAccount account) {
    String username = username(account.username());
    String displayName =
        displayName(account.displayName() == null ? "" : account.displayName().strip());
    if (account.party() != null) {
      party(account.party());
    }
    if (account.organization() != null) {
      organization(account.organization());
    }
    Passwords.check("password", account.password(), username);
    String email = account.email() == null ? null : email(account.email());
    return new Fields(
        displayName,
        blankToNull(account.organization()),
        account.party(),
        account.roles(),
        account.clearance(),
        true,
        email);
  }

  /**
   * The fields of an account after a change; null fields of the change stay as they are.
   *
   * @throws BadRequestException naming the first field that does not meet the rules
   */
  static Fields changed(AccountView current, AccountChange change) {
    String displayName =
        displayName(
            change.displayName() == null ? current.displayName() : change.displayName().strip());
    String party = change.party() == null ? current.party() : blankToNull(change.party());
    if (party != null) {
      party(party);
    }
    String organization =
        change.organization() == null ? current.organization() : blankToNull(change.organization());
    if (organization != null) {
      organization(organization);
    }
    Set<Role> roles = change.roles() == null ? current.roles() : change.roles();
    requireRoles(roles);
    return new Fields(
        displayName,
        organization,
        party,
        roles,
        change.clearance() == null ? current.clearance() : change.clearance(),
        change.enabled() == null ? current.enabled() : change.enabled(),
        change.email() == null ? current.email() : email(change.email()));
  }

  /** A user name as stored: stripped and lowercase; checked. */
  static String username(String given) {
    String username = normalize(given);
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new BadRequestException(
          "username",
          "a user name has 3 to 100 lowercase letters, digits, dots, hyphens or underscores");
    }
    return username;
  }

  private static String displayName(String displayName) {
    if (displayName.isEmpty() || displayName.length() > 200) {
      throw new BadRequestException("displayName", "a display name has 1 to 200 characters");
    }
    return displayName;
  }

  /** A party's key, such as AZ or US. */
  static String party(String party) {
    if (!PARTY.matcher(party).matches()) {
      throw new BadRequestException("party", "a party is given by its key, such as AZ or US");
    }
    return party;
  }

  private static void organization(String organization) {
    if (organization.length() > 300) {
      throw new BadRequestException("organization", "an organization has at most 300 characters");
    }
  }

  /** An e-mail address as given, stripped; null for a blank one. */
  static String email(String given) {
    String email = blankToNull(given);
    if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
      throw new BadRequestException("email", "an e-mail address looks like name@example.org");
    }
    return email;
  }

  /** An account has at least one role. */
  static void requireRoles(Set<Role> roles) {
    if (roles == null || roles.isEmpty() || roles.stream().anyMatch(Objects::isNull)) {
      throw new BadRequestException("roles", "an account needs at least one role");
    }
  }

  static Set<Role> roles(String text) {
    if (text == null || text.isBlank()) {
      return EnumSet.noneOf(Role.class);
    }
    List<Role> list = Arrays.stream(text.split(",")).map(Role::valueOf).toList();
    return EnumSet.copyOf(list);
  }

  static String rolesText(Set<Role> roles) {
    return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  static String normalize(String username) {
    return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
