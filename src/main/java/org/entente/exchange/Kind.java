package org.entente.exchange;

/** How a column's value is carried out of an instance and read back in. */
public enum Kind {
  ID,
  TEXT,
  INT,
  LONG,
  DECIMAL,
  DOUBLE,
  BOOL,
  DATE,
  TIMESTAMP,
  /** a working group's or dialogue platform's id, carried as its key */
  GROUP,
  /** a commitment's id, carried as its key */
  COMMITMENT
}
