package org.entente.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password: refuses at once while the account or address is throttled,
 * records each failure and success in the throttle and the audit trail. A wrong user name and a
 * wrong password fail alike, in about the same time.
 */
@Component
class AccountLogin implements AuthenticationProvider {

  private final Accounts accounts;
  private final Passwords passwords;
  private final LoginThrottle throttle;
  private final Audit audit;
  private final String dummyHash;

  AccountLogin(Accounts accounts, Passwords passwords, LoginThrottle throttle, Audit audit) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.throttle = throttle;
    this.audit = audit;
    this.dummyHash = passwords.encode("not a real password, for timing only");
  }

  /** Refused because of too many failures; says how long to wait. */
  static class ThrottledException extends AuthenticationException {
    final Duration wait;

    ThrottledException(Duration wait) {
      super("too many failed logins");
      this.wait = wait;
    }
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = String.valueOf(authentication.getName());
    String password = String.valueOf(authentication.getCredentials());
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails d
            ? d.getRemoteAddress()
            : null;
    var wait = throttle.waitFor(username, address);
    if (wait.isPresent()) {
      audit.append(
          username,
          null,
          "login.throttled",
          "account",
          null,
          Outcome.DENIED,
          address,
          Map.of("waitSeconds", wait.get().toSeconds()));
      throw new ThrottledException(wait.get());
    }
    var stored = accounts.login(username);
    boolean matches =
        passwords.matches(
            password, stored.map(Accounts.StoredLogin::passwordHash).orElse(dummyHash));
    if (stored.isEmpty() || !matches) {
      throttle.failed(username, address);
      audit.append(
          username, null, "login.failed", "account", null, Outcome.FAILURE, address, Map.of());
      throw new BadCredentialsException("wrong user name or password");
    }
    if (!stored.get().enabled()) {
      audit.append(
          username,
          null,
          "login.failed",
          "account",
          null,
          Outcome.FAILURE,
          address,
          Map.of("reason", "disabled"));
      throw new DisabledException("account disabled");
    }
    throttle.succeeded(username);
    var account = accounts.find(username).orElseThrow();
    audit.append(
        account.username(),
        account.party(),
        "login.succeeded",
        "account",
        account.id().toString(),
        Outcome.SUCCESS,
        address,
        Map.of());
    List<SimpleGrantedAuthority> authorities = stored.get().authorities();
    var result = new UsernamePasswordAuthenticationToken(account.username(), null, authorities);
    result.setDetails(authentication.getDetails());
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
