package org.entente.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.testing.RealServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import form carries its CSRF token in the body, not in its address (where it would end up in
 * logs and Referer headers), and the upload still works on a real server: Tomcat reads the
 * multipart body for Spring Security's CSRF check before the page does.
 */
@RealServerTest
class ImportFormCsrfTest {

  static final String PASSWORD = "correct horse battery";
  static final String GROUP = "/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final Pattern FORM = Pattern.compile("<form[^>]*enctype=\"multipart/form-data\"[^>]*>");

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  String session;

  @Test
  void theImportFormCarriesItsTokenInTheBodyAndTheUploadWorks() throws Exception {
    accounts.create(
        new Accounts.NewAccount(
            "us.member",
            "US member",
            "US",
            null,
            EnumSet.of(Role.MEMBER),
            false,
            PASSWORD,
            List.of(new MembershipInput("az-us-2026", "wg-connectivity-digital", false))));
    String login = send(get("/login")).body();
    HttpResponse<String> signedIn =
        send(
            form(
                "/login",
                "username=us.member&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                    + "&_csrf="
                    + token(login)));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

    String page = send(get(GROUP + "/import")).body();
    Matcher form = FORM.matcher(page);
    assertThat(form.find()).as(page).isTrue();
    assertThat(form.group()).contains("action=\"" + GROUP + "/import\"").doesNotContain("_csrf");
    String token = token(page.substring(form.start()));

    String csv = "key,title_en,title_az,commitments\ntripp-rail-link,TRIPP rail link,,tripp\n";
    HttpResponse<String> without = send(multipart(null, csv));
    assertThat(without.statusCode()).as("no token, no import").isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from import_job").query(Long.class).single()).isZero();

    HttpResponse<String> upload = send(multipart(token, csv));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
    assertThat(upload.headers().firstValue("Location").orElseThrow()).contains("/imports/");
    assertThat(jdbc.sql("select count(*) from import_job").query(Long.class).single()).isEqualTo(1);
  }

  private static String token(String html) {
    Matcher m = TOKEN.matcher(html);
    assertThat(m.find()).as("a CSRF token in a hidden field").isTrue();
    return m.group(1);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (session != null) {
      b.header("Cookie", "SESSION=" + session);
    }
    return b;
  }

  private HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpRequest form(String path, String body) {
    return request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpRequest multipart(String token, String csv) {
    String boundary = "----entente-test-boundary";
    StringBuilder body = new StringBuilder();
    body.append("--")
        .append(boundary)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"kind\"\r\n\r\nPROJECTS\r\n");
    body.append("--")
        .append(boundary)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"file\"; filename=\"projects.csv\"\r\n")
        .append("Content-Type: text/csv\r\n\r\n")
        .append(csv)
        .append("\r\n");
    if (token != null) {
      // last, as a browser sends the hidden field that Thymeleaf puts at the form's end
      body.append("--")
          .append(boundary)
          .append("\r\n")
          .append("Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
          .append(token)
          .append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return request(GROUP + "/import")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    for (String cookie : response.headers().allValues("Set-Cookie")) {
      if (cookie.startsWith("SESSION=")) {
        session = cookie.substring("SESSION=".length(), cookie.indexOf(';'));
      }
    }
    return response;
  }
}
