package org.entente.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.entente.identity.AccessTokens;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.springframework.test.web.servlet.MockMvc;

/**
 * People for tests, made through the identity module's API: an account with its party,
 * organization, roles, clearance and memberships, and a write token to call the API with. One
 * fixture instead of a {@code person(...)} helper in each test class; every {@link EntenteTest}
 * context has it as a bean.
 *
 * <pre>{@code
 * String token = people.person("us.cochair").party("US").role(Role.CO_CHAIR)
 *     .chairs("az-us-2026", "wg-energy").create();
 * }</pre>
 */
public class People {

  /** The password every test person has unless the test gives another. */
  public static final String PASSWORD = "correct horse battery";

  /** The charter the bundled definition loads, which most tests work in. */
  public static final String CHARTER = "az-us-2026";

  private final Accounts accounts;
  private final AccessTokens tokens;

  public People(Accounts accounts, AccessTokens tokens) {
    this.accounts = accounts;
    this.tokens = tokens;
  }

  /** A person to describe, then {@link Person#create()}. */
  public Person person(String username) {
    return new Person(username);
  }

  /** A new write token for someone who exists. */
  public String token(String username) {
    return tokens.create(username, "t", Scope.WRITE, 30).secret();
  }

  /**
   * The session cookie of someone who exists and has {@link #PASSWORD}, signed in through the login
   * form, for a page test's requests.
   */
  public static Cookie session(MockMvc mvc, String username) throws Exception {
    Cookie session =
        mvc.perform(
                post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
            .andReturn()
            .getResponse()
            .getCookie("SESSION");
    if (session == null) {
      throw new IllegalStateException(username + " could not sign in");
    }
    return session;
  }

  /** One person being described; a member of the given party with no roles until told. */
  public final class Person {

    private final String username;
    private String displayName;
    private String party;
    private String organization;
    private final Set<Role> roles = EnumSet.noneOf(Role.class);
    private boolean cleared;
    private String password = PASSWORD;
    private String email;
    private final List<MembershipInput> memberships = new ArrayList<>();

    private Person(String username) {
      this.username = username;
      this.displayName = username;
    }

    public Person displayName(String name) {
      this.displayName = name;
      return this;
    }

    /** The party (AZ, US, FD, SY...), or null for someone of neither. */
    public Person party(String party) {
      this.party = party;
      return this;
    }

    public Person organization(String organization) {
      this.organization = organization;
      return this;
    }

    public Person role(Role role) {
      roles.add(role);
      return this;
    }

    /** Holds the security clearance (sees records of restricted groups). */
    public Person cleared(boolean cleared) {
      this.cleared = cleared;
      return this;
    }

    public Person password(String password) {
      this.password = password;
      return this;
    }

    /** The address reminder digests go to. */
    public Person email(String email) {
      this.email = email;
      return this;
    }

    /** A member of the group (working group or dialogue platform) of the charter. */
    public Person memberOf(String charter, String group) {
      return memberOf(charter, group, false);
    }

    /** A co-chair of the group of the charter for their party. */
    public Person chairs(String charter, String group) {
      return memberOf(charter, group, true);
    }

    public Person memberOf(String charter, String group, boolean chair) {
      memberships.add(new MembershipInput(charter, group, chair));
      return this;
    }

    /** Makes the account (a member when no role was given) and returns a new write token. */
    public String create() {
      createAccount();
      return token(username);
    }

    /** Makes the account only, without a token. */
    public void createAccount() {
      accounts.create(
          new Accounts.NewAccount(
              username,
              displayName,
              party,
              organization,
              roles.isEmpty() ? EnumSet.of(Role.MEMBER) : EnumSet.copyOf(roles),
              cleared,
              password,
              List.copyOf(memberships),
              email));
    }
  }
}
