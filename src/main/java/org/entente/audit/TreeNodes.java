package org.entente.audit;

import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hashes of one log's complete subtrees ({@link MerkleLog.Nodes}) kept in {@code
 * audit_tree_node}, one row per subtree, so that a log's tree survives restarts and is shared by
 * every node of a deployment, and its proofs read O(log n) rows (decision 0043). The rows are
 * written in the caller's transaction: a leaf and the subtrees it completes are kept together with
 * the event they stand for, or not at all.
 */
final class TreeNodes implements MerkleLog.Nodes {

  private final JdbcClient jdbc;
  private final String log;

  TreeNodes(JdbcClient jdbc, String log) {
    this.jdbc = jdbc;
    this.log = log;
  }

  /** The log's tree as kept: its leaves are counted, its subtrees read as proofs need them. */
  static MerkleLog open(JdbcClient jdbc, String log) {
    long leaves =
        jdbc.sql("select count(*) from audit_tree_node where log = ? and height = 0")
            .param(log)
            .query(Long.class)
            .single();
    return new MerkleLog(new TreeNodes(jdbc, log), leaves);
  }

  @Override
  public byte[] get(int level, long index) {
    String hash =
        jdbc.sql("select hash from audit_tree_node where log = ? and height = ? and idx = ?")
            .params(log, level, index)
            .query(String.class)
            .optional()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the tree of log "
                            + log
                            + " has no subtree at height "
                            + level
                            + ", index "
                            + index
                            + ": its kept hashes are incomplete"));
    return HexFormat.of().parseHex(hash);
  }

  @Override
  public void put(int level, long index, byte[] hash) {
    jdbc.sql("insert into audit_tree_node (log, height, idx, hash) values (?, ?, ?, ?)")
        .params(log, level, index, HexFormat.of().formatHex(hash))
        .update();
  }
}
