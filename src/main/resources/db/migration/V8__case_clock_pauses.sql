-- Periods the case clock does not count (《最高人民法院关于严格执行案件审理期限制度的若干规定》第九条):
-- each is begun and ended by a step of the case, named here (the task's name), so the case
-- shows why and by what its term stood still. A period ends on end_date, when the clock
-- counts again; periods recorded before this version name no step.
alter table court_case_clock_pause add column started_by varchar(255);
alter table court_case_clock_pause add column ended_by varchar(255);
alter table court_case_clock_pause add constraint court_case_clock_pause_dates
  check (end_date is null or end_date >= start_date);
