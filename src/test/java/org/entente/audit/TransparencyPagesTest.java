package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The deployment's key, published to anyone, is the key its signatures verify with: a note signed
 * by the deployment opens with the verifier key read from the API, and the page shows the same.
 */
@EntenteTest
class TransparencyPagesTest {

  @Autowired MockMvc mvc;
  @Autowired SigningKey signingKey;

  @Test
  void anyoneReadsTheKeyThatOpensTheDeploymentsSignedNotes() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/api/transparency/key")).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    String json = response.getContentAsString();
    String verifierKey = JsonPath.read(json, "$.verifierKey");
    String name = JsonPath.read(json, "$.name");
    String fingerprint = JsonPath.read(json, "$.fingerprint");

    assertThat(verifierKey).isEqualTo(SignedNote.verifierKey(name, signingKey.rawPublicKey()));
    assertThat((String) JsonPath.read(json, "$.publicKey")).isEqualTo(signingKey.publicKey());
    assertThat(fingerprint).matches("([0-9a-f]{4} ){15}[0-9a-f]{4}");
    assertThat((List<?>) JsonPath.read(json, "$.earlier")).isEmpty();

    String text = SignedNote.checkpoint(name, 3, MerkleTree.emptyRoot(), List.of());
    String note = signingKey.signNote(text, name);
    assertThat(SignedNote.open(note, verifierKey)).contains(text);
  }

  @Test
  void thePublicPageShowsTheSameKeyAndFingerprint() throws Exception {
    String api =
        mvc.perform(get("/api/transparency/key")).andReturn().getResponse().getContentAsString();
    MockHttpServletResponse page =
        mvc.perform(get("/public/transparency")).andReturn().getResponse();

    assertThat(page.getStatus()).isEqualTo(200);
    String html = page.getContentAsString();
    assertThat(html)
        .contains((String) JsonPath.read(api, "$.fingerprint"))
        .contains((String) JsonPath.read(api, "$.verifierKey"))
        .contains("Verify the record yourself")
        .contains("This installation has signed with the key above only.")
        .contains("transparency checkpoint --key " + JsonPath.read(api, "$.verifierKey"));
  }
}
