package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.entente.testing.RealServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a TLS proxy, as docs/deployment.md sets it up ({@code
 * server.forward-headers-strategy=native}): a request the proxy received over HTTPS gets HSTS, one
 * it received over plain HTTP does not, and every answer has the Permissions-Policy.
 */
@RealServerTest
class HstsBehindTlsProxyTest {

  @LocalServerPort int port;

  HttpResponse<String> get(String path, String forwardedProto) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (forwardedProto != null) {
      request.header("X-Forwarded-Proto", forwardedProto);
    }
    return HttpClient.newHttpClient()
        .send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRequestTheProxyReceivedOverHttpsGetsHsts() throws Exception {
    for (String path : new String[] {"/", "/public", "/api/charters"}) {
      HttpResponse<String> https = get(path, "https");
      assertThat(https.headers().firstValue("Strict-Transport-Security"))
          .as(path)
          .hasValue("max-age=31536000 ; includeSubDomains");
      assertThat(https.headers().firstValue("Permissions-Policy")).isPresent();

      HttpResponse<String> plain = get(path, null);
      assertThat(plain.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
      assertThat(plain.headers().firstValue("Permissions-Policy")).isPresent();
    }
  }
}
