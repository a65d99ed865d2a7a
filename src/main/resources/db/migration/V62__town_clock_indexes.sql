-- A town's page asked the county's rows (issue #15, the scale benchmark at 1.1 million cases): the Cockpit activity
-- overlay of a town (open clocks of one process per activity) read every open clock of the process in the county to
-- keep the town's, and the escalations waiting for a town's supervisors read every open escalation of their groups,
-- the county supervisors' included, for the same reason. The same columns with the town before what is counted or
-- ordered; the county's questions use the same indexes without the town.
drop index case_clock_process_open;
create index case_clock_process_open on case_clock (process_key, ended_at, town_code, activity_id, due_at);
drop index case_clock_group_open;
create index case_clock_group_open on case_clock (candidate_group, ended_at, town_code, due_at);
