-- Indexes for the supervision page (dashboard/SupervisionFigures); docs/decisions.md shows the plans
-- at 100,000 cases. Camunda's own indexes serve the history side (ACT_HI_TASKINST end time,
-- ACT_HI_ACTINST instance + activity, ACT_HI_VARINST instance + name).

-- Closures and stage times start from Camunda's task history and reach the case by its instance.
create index idx_case_file_process_instance on case_file (process_instance_id);
-- Cases per handler.
create index idx_case_file_handler on case_file (handler);
-- Overdue now: the nodes not ended among those overdue (the existing index on overdue_at serves the weeks).
create index idx_court_node_deadline_open_overdue on court_node_deadline (ended_at, overdue_at);
-- Money past the 30-day payout limit: arrivals before the cut-off day.
create index idx_case_money_arrival_arrived on case_money_arrival (arrived_on);
