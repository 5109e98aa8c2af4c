package org.entente.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Arrays;
import java.util.List;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo is never active unless asked for: in the default context there is no demo bean, no
 * sample account, no record labelled "[Demo]", and no request carries the banner's attribute.
 */
@EntenteTest
class NoDemoWithoutTheProfileTest {

  @Autowired ApplicationContext context;
  @Autowired Environment environment;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @Test
  void noDemoBeanExists() {
    assertThat(environment.getActiveProfiles()).doesNotContain(DemoData.PROFILE);
    assertThat(context.getBeansOfType(DemoData.class)).isEmpty();
    assertThat(context.getBeansOfType(DemoBanner.class)).isEmpty();
    List<String> demoBeans =
        Arrays.stream(context.getBeanDefinitionNames())
            .filter(
                name -> {
                  Class<?> type = context.getType(name);
                  return type != null && type.getName().startsWith("org.entente.demo.");
                })
            .toList();
    assertThat(demoBeans).isEmpty();
  }

  @Test
  void noDemoRecordOrAccountExists() {
    for (String sql :
        List.of(
            "select count(*) from account where username like 'demo.%'"
                + " or display_name like '%[Demo]%'",
            "select count(*) from project where title like '%[Demo]%'",
            "select count(*) from milestone where title like '%[Demo]%'",
            "select count(*) from meeting where title like '%[Demo]%'",
            "select count(*) from action_item where title like '%[Demo]%'",
            "select count(*) from meeting_decision where text like '%[Demo]%'",
            "select count(*) from joint_statement where text like '%[Demo]%'")) {
      assertThat(jdbc.sql(sql).query(Long.class).single()).as(sql).isZero();
    }
  }

  @Test
  void noRequestCarriesTheBanner() throws Exception {
    for (String path : List.of("/", "/charters", "/login")) {
      MockHttpServletResponse response =
          mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
      assertThat(response.getContentAsString()).as(path).doesNotContain("demo-banner");
    }
    assertThat(
            mvc.perform(get("/charters").accept(MediaType.TEXT_HTML))
                .andReturn()
                .getRequest()
                .getAttribute(DemoBanner.ATTRIBUTE))
        .isNull();
  }
}
