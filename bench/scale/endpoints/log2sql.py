#!/usr/bin/env python3
"""Turns PostgreSQL's statement log of one request into a pgbench script: the same statements, in
the same order, with the values the request bound put in as literals.

Used by bench/scale/measure.sh (see the README, section "Measure"): the database is given
log_min_duration_statement = 0 while Entente answers one request at a time, and the lines the
server logged for that database in between are read here.

    python3 log2sql.py DATABASE < excerpt-of-the-server-log > endpoint.sql

Understands the default log_line_prefix ('%m [%p] %q%u@%d '): "execute <name>: SQL" and
"statement: SQL" entries, each optionally followed by "DETAIL:  parameters: $1 = '...', ...".
The "parse" and "bind" entries of the same statement are skipped (their "execute" follows), and
so are the driver's empty validation queries.
"""
import re
import sys

database = sys.argv[1]
ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \S+ \[(\d+)\] (\S*)@(\S*) (\w+):  (.*)$")
STATEMENT = re.compile(r"^duration: [\d.]+ ms  (?:execute [^:]*|statement): (.*)$", re.S)
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")

# Gather entries, with their continuation lines (multi-line statements).
entries = []
for line in sys.stdin:
    line = line.rstrip("\n")
    m = ENTRY.match(line)
    if m:
        entries.append([m.group(2), m.group(4), m.group(5), m.group(6)])
    elif entries:
        entries[-1][3] += "\n" + line.strip("\t")

# Statements are kept per server process (connection), in the order each connection first
# appears: one request uses its connections one after the other, and anything else that ran
# meanwhile cannot split a transaction in two.
outs = {}
pendings = {}
for pid, db, level, text in entries:
    if db != database:
        continue
    out = outs.setdefault(pid, [])
    pending = pendings.get(pid)
    if level == "DETAIL" and text.startswith("parameters: ") and pending is not None:
        values = {int(n): v for n, v in PARAM.findall(text)}
        sql = pending
        for n in sorted(values, reverse=True):
            sql = re.sub(r"\$%d(?!\d)" % n, lambda _m, v=values[n]: v, sql)
        out[-1] = sql
        pendings[pid] = None
        continue
    if level != "LOG":
        continue
    m = STATEMENT.match(text)
    if not m:
        pendings[pid] = None
        continue
    sql = " ".join(m.group(1).split())
    if not sql:
        pendings[pid] = None
        continue
    pendings[pid] = sql
    out.append(sql)

for out in outs.values():
    for sql in out:
        print(sql.rstrip(";") + ";")
