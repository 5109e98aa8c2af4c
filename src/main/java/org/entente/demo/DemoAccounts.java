package org.entente.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.entente.audit.Audit;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo's sample accounts, made through {@link Accounts}: created when missing, given a new
 * random password at every start otherwise; and acting as one of them.
 */
final class DemoAccounts {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  /** A sample account: what it stands for, and how it is made. */
  private record Sample(
      String role,
      String username,
      String displayName,
      String party,
      String organization,
      Role grant,
      boolean clearance,
      Predicate<WorkingGroupView> memberOf,
      boolean chairs) {}

  private final Accounts accounts;
  private final Viewers viewers;

  DemoAccounts(Accounts accounts, Viewers viewers) {
    this.accounts = accounts;
    this.viewers = viewers;
  }

  /**
   * Creates the sample accounts that are missing, with memberships of these groups, and gives the
   * others a new password.
   *
   * @param created counts the accounts created
   * @return each sample account with the password it has now
   */
  List<DemoData.Credential> ensure(String charter, List<WorkingGroupView> groups, int[] created) {
    List<DemoData.Credential> credentials = new ArrayList<>();
    for (Sample sample : samples()) {
      String password = password();
      if (accounts.find(sample.username()).isPresent()) {
        accounts.resetPassword(sample.username(), password);
      } else {
        accounts.create(
            new Accounts.NewAccount(
                sample.username(),
                sample.displayName(),
                sample.party(),
                sample.organization(),
                EnumSet.of(sample.grant()),
                sample.clearance(),
                password,
                groups.stream()
                    .filter(sample.memberOf())
                    .map(g -> new MembershipInput(charter, g.key(), sample.chairs()))
                    .toList()));
        created[0]++;
      }
      credentials.add(new DemoData.Credential(sample.role(), sample.username(), password));
    }
    return credentials;
  }

  private static List<Sample> samples() {
    Predicate<WorkingGroupView> none = g -> false;
    List<Sample> samples = new ArrayList<>();
    samples.add(
        new Sample(
            "Administrator",
            "demo.admin",
            DemoData.LABEL + " Administrator",
            null,
            null,
            Role.ADMINISTRATOR,
            false,
            none,
            false));
    for (String party : List.of("AZ", "US")) {
      samples.addAll(ofParty(party));
    }
    samples.add(
        new Sample(
            "Invited company (contributor, connectivity)",
            "demo.company",
            DemoData.LABEL + " Caspian Logistics",
            null,
            DemoData.LABEL + " Caspian Logistics LLC",
            Role.CONTRIBUTOR,
            false,
            g -> g.key().contains("connectivity"),
            false));
    return samples;
  }

  /** The sample accounts of one party. */
  private static List<Sample> ofParty(String party) {
    Predicate<WorkingGroupView> none = g -> false;
    String p = party.toLowerCase(Locale.ROOT);
    String side = party.equals("AZ") ? "Azerbaijan" : "United States";
    String label = DemoData.LABEL;
    return List.of(
        new Sample(
            "Account manager (coordinator), " + party,
            "demo." + p + ".coordinator",
            label + " Coordinator, " + side,
            party,
            label + " Foreign ministry, " + side,
            Role.COORDINATOR,
            false,
            none,
            false),
        new Sample(
            "Security officer (gives clearance), " + party,
            "demo." + p + ".security",
            label + " Security officer, " + side,
            party,
            label + " Security service, " + side,
            Role.SECURITY_OFFICER,
            false,
            none,
            false),
        new Sample(
            "Co-chair of every working group, " + party + ", cleared",
            "demo." + p + ".cochair",
            label + " Co-chair, " + side,
            party,
            label + " Foreign ministry, " + side,
            Role.CO_CHAIR,
            true,
            g -> true,
            true),
        new Sample(
            "Secretariat member, " + party,
            "demo." + p + ".secretariat",
            label + " Secretariat, " + side,
            party,
            label + " Secretariat, " + side,
            Role.MEMBER,
            false,
            g -> !g.restricted(),
            false),
        new Sample(
            "Official (observer, energy), " + party,
            "demo." + p + ".official",
            label + " Official, " + side,
            party,
            label + " Energy ministry, " + side,
            Role.OBSERVER,
            false,
            g -> g.key().contains("energy"),
            false));
  }

  private static String password() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  /** Acts as a sample account: the services get its viewer, the audit trail its name. */
  Viewer as(String username) {
    Viewer viewer = viewers.of(username).orElseThrow();
    List<SimpleGrantedAuthority> authorities = new ArrayList<>();
    viewer.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
    if (viewer.party() != null) {
      authorities.add(new SimpleGrantedAuthority(Audit.PARTY_AUTHORITY + viewer.party()));
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new UsernamePasswordAuthenticationToken(username, null, authorities));
    SecurityContextHolder.setContext(context);
    return viewer;
  }
}
