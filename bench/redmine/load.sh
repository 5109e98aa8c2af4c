#!/usr/bin/env bash
# Loads Redmine's database with data equivalent to the Entente generator's portfolio, in plain SQL
# on the server (generate_series, one transaction per step). See bench/redmine/README.md for the
# mapping:
#   150 charters          -> 150 top-level Redmine projects
#   750 working groups    -> 750 subprojects, 5 per charter
#   100,000 projects      -> 100,000 issues (tracker Feature) spread unevenly over the subprojects
#   1,000,000 milestones  -> 1,000,000 subtasks (tracker Milestone), 10 under each issue
#
#   bash bench/redmine/load.sh            # after bench/redmine/install.sh
#
# Replaces whatever projects and issues the database held (TRUNCATE ... RESTART IDENTITY), so it
# can be run again. Deterministic: the same SCALE gives the same rows (setseed). Environment:
#   SCALE=full|small   full: the figures above; small: 1/100 (2 charters, 10 groups, 1,000 issues)
#   MILESTONES=1       also load the milestones as subtasks (0: issues only)
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=entente PGPASSWORD=entente REDMINE_DB=redmine_bench
set -euo pipefail

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-entente}
export PGPASSWORD=${PGPASSWORD:-entente}
REDMINE_DB=${REDMINE_DB:-redmine_bench}
SCALE=${SCALE:-full}
MILESTONES=${MILESTONES:-1}
case "$SCALE" in
  full) CHARTERS=150 ISSUES=100000 ;;
  small) CHARTERS=2 ISSUES=1000 ;;
  *) echo "SCALE must be full or small, was $SCALE" >&2 && exit 2 ;;
esac
GROUPS_PER_CHARTER=5
PER_ISSUE=10 # milestones under each issue: 1,000,000 / 100,000
NGROUPS=$((CHARTERS * GROUPS_PER_CHARTER))

START=$(date +%s.%N)
sql() { psql -d "$REDMINE_DB" -X -q -v ON_ERROR_STOP=1 "$@"; }
# Runs one step and says how long it took.
step() {
  local name=$1 t0
  shift
  t0=$(date +%s.%N)
  echo -n "[$(date +%T)] $name ... " >&2
  sql "$@" >/dev/null
  printf 'done in %.1f s\n' "$(echo "$(date +%s.%N) - $t0" | bc)" >&2
}

if [[ $(sql -Atc "select count(*) from trackers" 2>/dev/null || echo 0) == 0 ]]; then
  echo "Redmine's schema or default data is missing in $REDMINE_DB: run bench/redmine/install.sh" >&2
  exit 1
fi
echo "Loading $SCALE: $CHARTERS charters, $NGROUPS working groups, $ISSUES issues" \
  "$([[ $MILESTONES == 1 ]] && echo "and $((ISSUES * PER_ISSUE)) milestone subtasks")" \
  "into $REDMINE_DB on $PGHOST:$PGPORT" >&2

step "emptying projects, issues and what hangs off them" <<'SQL'
truncate issues, projects, enabled_modules, projects_trackers, members, member_roles, versions,
  journals, journal_details, watchers, issue_relations, issue_categories, time_entries
  restart identity;
-- The milestones' own tracker, beside the default Bug, Feature and Support; enabled for all
-- projects below.
insert into trackers (name, position, is_in_roadmap, fields_bits, default_status_id, description)
select 'Milestone', 4, true, 0, (select id from issue_statuses where name = 'New'), 'A project milestone'
where not exists (select 1 from trackers where name = 'Milestone');
SQL

# Charters are projects 1..C, their groups C+1..C+C*G; the nested set lays each charter's block
# of 2G+2 numbers out in id order (siblings are named so that id order is name order).
step "projects: $CHARTERS charters and $NGROUPS working groups" \
  -v c="$CHARTERS" -v g="$GROUPS_PER_CHARTER" <<'SQL'
begin;
insert into projects (id, name, description, homepage, is_public, parent_id, created_on, updated_on,
                      identifier, status, lft, rgt, inherit_members)
select i, format('Charter %s', lpad(i::text, 3, '0')),
       format('Charter of strategic partnership number %s between two parties.', i), '', true, null,
       timestamp '2015-01-01' + (i * interval '17 days'), timestamp '2015-01-01' + (i * interval '17 days'),
       format('c%s', lpad(i::text, 3, '0')), 1,
       (i - 1) * (2 * :g + 2) + 1, i * (2 * :g + 2), false
from generate_series(1, :c) i;
insert into projects (id, name, description, homepage, is_public, parent_id, created_on, updated_on,
                      identifier, status, lft, rgt, inherit_members)
select :c + (i - 1) * :g + j, format('Charter %s - working group %s', lpad(i::text, 3, '0'), j),
       format('Working group %s of charter %s.', j, i), '', true, i,
       timestamp '2015-01-01' + (i * interval '17 days'), timestamp '2015-01-01' + (i * interval '17 days'),
       format('c%s-wg%s', lpad(i::text, 3, '0'), j), 1,
       (i - 1) * (2 * :g + 2) + 2 * j, (i - 1) * (2 * :g + 2) + 2 * j + 1, false
from generate_series(1, :c) i, generate_series(1, :g) j;
-- Redmine's default modules for a new project, and every tracker.
insert into enabled_modules (project_id, name)
select p.id, m from projects p, unnest(array['issue_tracking', 'time_tracking', 'news', 'documents',
  'files', 'wiki', 'repository', 'boards', 'calendar', 'gantt']) m;
insert into projects_trackers (project_id, tracker_id) select p.id, t.id from projects p, trackers t;
commit;
SQL

# Issue i: working group by a skewed draw (the first groups hold about 10 times as many projects
# as the last, like a few busy groups and many quiet ones); stage by the shares in the README,
# mapped onto Redmine's default statuses; dates between 2015 and 2030.
step "issues: $ISSUES projects of the working groups" \
  -v c="$CHARTERS" -v groups="$NGROUPS" -v n="$ISSUES" -v per="$PER_ISSUE" -v ms="$MILESTONES" <<'SQL'
begin;
select setseed(0.42);
create temporary table draw on commit drop as
select i, floor(:groups * power(random(), 1.5))::int as grp, random() as stage, random() as prio,
       random() as private, floor(random() * 3650)::int as created, floor(random() * 1500)::int as span
from generate_series(1, :n) i;
insert into issues (id, tracker_id, project_id, subject, description, due_date, status_id,
                    priority_id, author_id, lock_version, created_on, updated_on, start_date,
                    done_ratio, estimated_hours, parent_id, root_id, lft, rgt, is_private, closed_on)
select d.i, (select id from trackers where name = 'Feature'), :c + 1 + d.grp,
       format('Project %s: %s', d.i, left(md5(d.i::text), 20)),
       format('Joint project %s of working group %s. Partners agree on scope, financing and '
              'milestones; %s %s', d.i, d.grp + 1, md5(d.i::text), md5((d.i * 7)::text)),
       date '2015-01-01' + d.created + 30 + d.span,
       (select id from issue_statuses where name = s.status),
       (select id from enumerations where type = 'IssuePriority' and name =
          case when d.prio < 0.60 then 'Normal' when d.prio < 0.80 then 'High'
               when d.prio < 0.95 then 'Low' else 'Urgent' end),
       1, 0, timestamp '2015-01-01' + d.created * interval '1 day' + d.i * interval '1 second',
       timestamp '2015-01-01' + (d.created + d.span / 3) * interval '1 day',
       date '2015-01-01' + d.created + 30, s.done, null, null, d.i,
       1, case when :ms = 1 then 2 * :per + 2 else 2 end, d.private < 0.10,
       case when s.closed then timestamp '2015-01-01' + (d.created + d.span) * interval '1 day' end
from draw d
cross join lateral (
  select * from (values
    -- Entente stage          Redmine status  closed  done %  upper bound of the share
    ('IDENTIFIED',            'New',          false,  0,      0.15),
    ('UNDER_STUDY',           'Feedback',     false,  0,      0.30),
    ('AGREED',                'Resolved',     false,  10,     0.45),
    ('IN_IMPLEMENTATION',     'In Progress',  false,  50,     0.80),
    ('COMPLETED',             'Closed',       true,   100,    0.92),
    ('SUSPENDED',             'Feedback',     false,  30,     0.96),
    ('CANCELLED',             'Rejected',     true,   0,      1.01)
  ) v(stage, status, closed, done, upto)
  where d.stage < v.upto order by v.upto limit 1) s;
commit;
SQL

if [[ $MILESTONES == 1 ]]; then
  # Milestone k of issue p has id N + (p-1)*10 + k and sits at lft 2k, rgt 2k+1 under its parent
  # (lft 1, rgt 22). Closed under a closed project; otherwise the first ones are done, by the
  # project's progress.
  step "milestones: $((ISSUES * PER_ISSUE)) subtasks, $PER_ISSUE per issue" \
    -v n="$ISSUES" -v per="$PER_ISSUE" <<'SQL'
begin;
select setseed(0.43);
insert into issues (id, tracker_id, project_id, subject, description, due_date, status_id,
                    priority_id, author_id, lock_version, created_on, updated_on, start_date,
                    done_ratio, estimated_hours, parent_id, root_id, lft, rgt, is_private, closed_on)
select :n + (m.parent - 1) * :per + m.k, (select id from trackers where name = 'Milestone'),
       m.project_id, format('Milestone %s of project %s', m.k, m.parent), null, m.due_date,
       (select id from issue_statuses where name = case when m.closed then 'Closed' else 'New' end),
       m.priority_id, 1, 0, m.created_on, m.updated_on, m.start_date, 0, null, m.parent, m.parent,
       2 * m.k, 2 * m.k + 1, m.is_private, case when m.closed then m.updated_on end
from (
  select p.id as parent, k, p.project_id, p.priority_id, p.created_on, p.updated_on, p.start_date,
         p.start_date + ((p.due_date - p.start_date) * k / :per) as due_date, p.is_private,
         ps.is_closed or k * 10 <= p.done_ratio * (0.5 + random()) as closed
  from issues p join issue_statuses ps on ps.id = p.status_id, generate_series(1, :per) k
  where p.parent_id is null
  order by p.id, k) m;
commit;
SQL
fi

step "sequences and statistics (ANALYZE)" <<'SQL'
select setval('projects_id_seq', (select max(id) from projects));
select setval('issues_id_seq', (select max(id) from issues));
select setval('enabled_modules_id_seq', (select max(id) from enabled_modules));
-- Redmine's own tables only (a plain ANALYZE would also try the shared catalogs, which only a
-- superuser may analyze).
do $$
declare t text;
begin
  for t in select tablename from pg_tables where schemaname = 'public' loop
    execute format('analyze %I', t);
  end loop;
end $$;
SQL

sql -c "select (select count(*) from projects where parent_id is null) as charters,
  (select count(*) from projects where parent_id is not null) as working_groups,
  (select count(*) from issues where parent_id is null) as projects,
  (select count(*) from issues where parent_id is not null) as milestones,
  (select round(100.0 * count(*) filter (where not s.is_closed) / count(*), 1)
     from issues i join issue_statuses s on s.id = i.status_id) as open_percent,
  pg_size_pretty(pg_database_size(current_database())) as size" >&2
printf 'Loaded in %.0f s\n' "$(echo "$(date +%s.%N) - $START" | bc)" >&2
