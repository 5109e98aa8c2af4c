package org.entente.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can set, so that every deadline is computed for an exact day. */
public class MutableClock extends Clock {

  private volatile Instant now;

  public MutableClock(Instant now) {
    this.now = now;
  }

  public static MutableClock at(LocalDate day) {
    return new MutableClock(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
  }

  public void set(LocalDate day) {
    this.now = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
  }

  public void setInstant(Instant instant) {
    this.now = instant;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
