-- PostgreSQL settings for the engine's busiest tables (docs/operations.md). Run once on the production
-- database after the application's first start (the engine creates its tables then), and again after a
-- Camunda upgrade; running it twice changes nothing:
--   docker compose exec -T db psql -U enforcement -d enforcement -v ON_ERROR_STOP=1 < docs/sql/engine-tables.sql
-- Flyway cannot do this: it migrates before the engine has created its tables on a new database.

DO $$
DECLARE
  t text;
BEGIN
  -- Runtime tables: every step inserts and deletes rows here (tasks, their candidate-group links and grants,
  -- variables, jobs, executions). With the defaults (20 % dead rows before a vacuum, 10 % changed before new
  -- statistics) a table of 100,000 open tasks is vacuumed after 20,000 dead rows and planned on old figures;
  -- stale statistics made the group task list's plan far worse (measured at 5,000 open cases).
  FOREACH t IN ARRAY ARRAY['act_ru_task', 'act_ru_identitylink', 'act_ru_authorization', 'act_ru_variable',
                           'act_ru_job', 'act_ru_execution'] LOOP
    EXECUTE format('ALTER TABLE %I SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 200, '
                   'autovacuum_analyze_scale_factor = 0.01, autovacuum_analyze_threshold = 200)', t);
  END LOOP;
  -- History: rows are added for good (and some updated once, at an end time); vacuumed for the visibility map
  -- after 5 % new rows, analysed after 2 %, so Cockpit's and the reports' queries keep their index plans.
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'act\_hi\_%' LOOP
    EXECUTE format('ALTER TABLE %I SET (autovacuum_vacuum_scale_factor = 0.05, '
                   'autovacuum_vacuum_insert_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02)', t);
  END LOOP;
  -- Short queries only: JIT compilation added 0.5 s to one task-list plan (5,000 open cases) and never pays off.
  -- docker-compose.yml sets it for the whole server; this covers a server shared with others.
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
  -- Index reads cost about as much as sequential ones on memory or SSD: with the default (4) PostgreSQL reads
  -- every task row for a task list's count instead of the covering index (100,000 open tasks: 55 ms, 26 ms).
  EXECUTE format('ALTER DATABASE %I SET random_page_cost = 1.1', current_database());
END
$$;

-- What is set now:
SELECT relname AS "table", array_to_string(reloptions, ', ') AS settings
FROM pg_class WHERE relname LIKE 'act\_%' AND reloptions IS NOT NULL ORDER BY relname;
