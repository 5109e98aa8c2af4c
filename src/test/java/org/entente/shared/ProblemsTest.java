package org.entente.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

  @Test
  void badInputAnswers400NamingTheFieldInErrors() {
    ProblemDetail detail = Problems.detail(new BadRequestException("title", "title: is required"));

    assertThat(detail.getStatus()).isEqualTo(400);
    assertThat(detail.getTitle()).isEqualTo("Invalid input");
    assertThat(detail.getDetail()).isEqualTo("title: is required");
    assertThat(detail.getProperties())
        .containsEntry(
            "errors", List.of(Map.of("field", "title", "message", "title: is required")));
  }

  @Test
  void aRecordNotFoundAnswers404WithoutErrors() {
    ProblemDetail detail = Problems.detail(new NotFoundException("project", "p-1"));

    assertThat(detail.getStatus()).isEqualTo(404);
    assertThat(detail.getTitle()).isEqualTo("Not found");
    assertThat(detail.getDetail()).isEqualTo("No project 'p-1'.");
    assertThat(detail.getProperties()).isNull();
  }

  @Test
  void aConflictAnswers409WithTheCurrentVersion() {
    ProblemDetail detail = Problems.detail(new ConflictException("milestone", 7));

    assertThat(detail.getStatus()).isEqualTo(409);
    assertThat(detail.getTitle()).isEqualTo("Conflict");
    assertThat(detail.getDetail())
        .isEqualTo(
            "The milestone was changed by someone else. Reload it and apply your change again.");
    assertThat(detail.getProperties()).containsEntry("currentVersion", 7L);
  }

  @Test
  void aConflictWithTheInstancesStateAnswers409WithItsOwnTitleAndMembers() {
    StateConflictException e =
        new StateConflictException("Not empty", "Nothing was imported.", Map.of("firstBroken", 4L));
    ProblemDetail detail = Problems.detail(e);

    assertThat(Problems.status(e)).isEqualTo(HttpStatus.CONFLICT);
    assertThat(detail.getStatus()).isEqualTo(409);
    assertThat(detail.getTitle()).isEqualTo("Not empty");
    assertThat(detail.getDetail()).isEqualTo("Nothing was imported.");
    assertThat(detail.getProperties()).isEqualTo(Map.of("firstBroken", 4L));
    assertThat(Problems.detail(new StateConflictException("Busy", "x", Map.of())).getProperties())
        .isNull();
  }

  @Test
  void aForbiddenChangeAnswers403NamingTheFieldWhenThereIsOne() {
    assertThat(Problems.status(new ForbiddenException("stage", "not yours")))
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Problems.detail(new ForbiddenException("stage", "not yours")).getProperties())
        .containsEntry("errors", List.of(Map.of("field", "stage", "message", "not yours")));
    ProblemDetail withoutField = Problems.detail(new ForbiddenException(null, "not yours"));
    assertThat(withoutField.getTitle()).isEqualTo("Not allowed");
    assertThat(withoutField.getProperties()).isNull();
  }

  @Test
  void theAnswerCarriesTheStatusOfTheRefusal() {
    assertThat(Problems.answer(new ConflictException("project", 3)).getStatusCode().value())
        .isEqualTo(409);
    assertThat(Problems.answer(new BadRequestException("x", "bad")).getBody().getStatus())
        .isEqualTo(400);
  }

  @Test
  void domainExceptionsCarryNoWebSuperclass() {
    for (Class<?> type :
        List.of(
            BadRequestException.class,
            NotFoundException.class,
            ConflictException.class,
            ForbiddenException.class)) {
      assertThat(DomainException.class).isAssignableFrom(type);
      assertThat(org.springframework.web.ErrorResponse.class.isAssignableFrom(type)).isFalse();
    }
  }
}
