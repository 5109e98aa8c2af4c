-- The complete subtrees of the audit logs' Merkle trees (issue 20, decision 0043): one row per
-- complete subtree, named by its height (0 for a leaf) and its index at that height, so that a
-- log's root at any size and its inclusion and consistency proofs are read from O(log n) rows
-- (org.entente.audit.TreeNodes, MerkleLog). Rows are only ever added: a subtree, once complete,
-- never changes.
create table audit_tree_node (
    log     varchar(64) not null,
    height  integer     not null,
    idx     bigint      not null,
    -- SHA-256, hex
    hash    varchar(64) not null,
    primary key (log, height, idx)
);
