package org.entente.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.entente.identity.Role;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 19: the meeting form offers the time zones the charter's parties declare first, named with
 * their party, then any other IANA zone for the browser to search; a new meeting starts in the
 * person's party's zone.
 */
@EntenteTest
@CleanAfterEachTest
class MeetingTimeZonesTest {

  @Autowired People people;
  @Autowired MockMvc mvc;

  private Document form(String username, String lang) throws Exception {
    people
        .person(username)
        .party(username.startsWith("us") ? "US" : "AZ")
        .role(Role.MEMBER)
        .memberOf(People.CHARTER, "wg-energy")
        .create();
    var session = People.session(mvc, username);
    return Jsoup.parse(
        mvc.perform(
                get("/charters/" + People.CHARTER + "/meetings/new?lang=" + lang).cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  @Test
  void thePartiesZonesComeFirstThenEveryOtherZone() throws Exception {
    Document page = form("us.zones", "en");
    Element input = page.getElementById("timeZone");
    assertThat(input.attr("list")).isEqualTo("time-zones");
    assertThat(page.select("label[for=timeZone]")).hasSize(1);
    List<String> offered = page.select("datalist#time-zones option").eachAttr("value");
    assertThat(offered.subList(0, 2)).containsExactly("Asia/Baku", "America/New_York");
    assertThat(page.select("datalist#time-zones option").get(0).text())
        .isEqualTo("Asia/Baku (Azerbaijan)");
    assertThat(page.select("datalist#time-zones option").get(1).text())
        .isEqualTo("America/New_York (United States)");
    assertThat(offered)
        .contains("Europe/Brussels", "Pacific/Auckland", "America/Los_Angeles", "UTC")
        .doesNotHaveDuplicates()
        .doesNotContain("Etc/GMT+4", "US/Eastern");
    assertThat(offered.size()).isGreaterThan(300);
    // a U.S. member's new meeting starts in the U.S. zone
    assertThat(input.attr("value")).isEqualTo("America/New_York");
  }

  @Test
  void inAzerbaijaniThePartiesAreNamedInAzerbaijaniAndTheHintSaysHowToSearch() throws Exception {
    Document page = form("az.zones", "az");
    assertThat(page.select("datalist#time-zones option").get(0).text())
        .isEqualTo("Asia/Baku (Azərbaycan)");
    assertThat(page.getElementById("zone-hint").text())
        .contains("IANA")
        .contains("Asia/Baku, America/New_York");
    assertThat(page.getElementById("timeZone").attr("value")).isEqualTo("Asia/Baku");
  }
}
