package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A web request that only reads asks the trail for its last record change once. */
class RecordChangesInARequestTest {

  final Audit audit = mock(Audit.class);
  final RecordChanges changes = new RecordChanges(audit);

  RecordChangesInARequestTest() {
    when(audit.lastChange()).thenReturn(new Audit.LastChange(7, null));
    when(audit.lastRecordChange(anyLong(), anyLong())).thenReturn(OptionalLong.of(5));
  }

  @AfterEach
  void noRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void withinARequestTheTrailIsAskedOnce() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    assertThat(changes.last()).isEqualTo(5);
    assertThat(changes.last()).isEqualTo(5);
    verify(audit, times(1)).lastChange();
  }

  @Test
  void anAppendByAnyoneMakesTheRequestAskAgain() throws Exception {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    changes.last();
    Thread other = new Thread(changes::appending);
    other.start();
    other.join();
    when(audit.lastChange()).thenReturn(new Audit.LastChange(8, null));
    when(audit.lastRecordChange(anyLong(), anyLong())).thenReturn(OptionalLong.of(8));
    assertThat(changes.last()).isEqualTo(8);
    verify(audit, times(2)).lastChange();
  }

  @Test
  void anAppendToAnotherApplicationsTrailDoesNotMakeTheRequestAskAgain() {
    RecordChanges another = new RecordChanges(mock(Audit.class));
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    changes.last();
    another.appending();
    assertThat(changes.last()).isEqualTo(5);
    verify(audit, times(1)).lastChange();
  }

  @Test
  void outsideARequestEveryCallAsks() {
    changes.last();
    changes.last();
    verify(audit, times(2)).lastChange();
  }

  @Test
  void aNewRequestAsksAgain() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    changes.last();
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    changes.last();
    verify(audit, times(2)).lastChange();
  }
}
