-- Supervision (督办考核): what the supervisors' page counts, kept where one indexed query finds it instead of a join
-- over the whole registry or a scan of engine history. Every statement runs on H2 and PostgreSQL alike.

-- Where a case stands, with what the page groups and rates by: the dispute type as registered, how mediation ended
-- (调解成功率) and when the case first went to court (万人成讼率).
alter table case_progress add column dispute_type varchar(32);
alter table case_progress add column mediation_outcome varchar(24);
alter table case_progress add column mediation_ended_at timestamp with time zone;
alter table case_progress add column litigation_at timestamp with time zone;
update case_progress set dispute_type = (select d.dispute_type from dispute_case d where d.case_code = case_progress.case_code);

-- A clock knows the town, village, channel and dispute type of its case when it starts, so a town's overdue clocks
-- or the overdue per channel are one index range, without a join to a million cases. (A case is routed before its
-- stage's clocks start; a case routed again gets new clocks.)
alter table case_clock add column town_code varchar(24);
alter table case_clock add column village_code varchar(24);
alter table case_clock add column channel varchar(40);
alter table case_clock add column dispute_type varchar(32);
update case_clock set town_code = (select p.town_code from case_progress p where p.case_code = case_clock.case_code),
  village_code = (select p.village_code from case_progress p where p.case_code = case_clock.case_code),
  channel = (select p.channel from case_progress p where p.case_code = case_clock.case_code),
  dispute_type = (select p.dispute_type from case_progress p where p.case_code = case_clock.case_code);

-- Supervision orders (督办令) on the escalation rows: who issued what, which group must answer, who answered.
-- source: LADDER (a rung of escalation-policy.dmn) or PAGE (issued on the supervisors' page).
alter table case_escalation add column source varchar(16);
alter table case_escalation add column order_text varchar(2000);
alter table case_escalation add column issued_by varchar(64);
alter table case_escalation add column issued_at timestamp with time zone;
alter table case_escalation add column answering_group varchar(96);
alter table case_escalation add column answered_by varchar(64);
alter table case_escalation add column town_code varchar(24);
alter table case_escalation add column village_code varchar(24);

-- The page's queries, each an index range, most of them answered from the index alone (the columns they count and
-- group by are in it; measured by SupervisionQueryBenchmark): open cases (closed_at is null sorts first) per town,
-- channel or dispute type; cases closed, mediated or brought to court in a period; open and recently ended clocks by
-- due date; escalations raised in a period; supervision orders still open.
create index case_progress_open_cover on case_progress (closed_at, town_code, village_code, channel, dispute_type,
  registered_at);
create index case_progress_mediation_ended on case_progress (mediation_ended_at, town_code, village_code,
  mediation_outcome);
create index case_progress_litigation on case_progress (litigation_at, town_code, village_code);
create index case_clock_open_cover on case_clock (ended_at, town_code, due_at, clock_kind, case_code, started_at,
  village_code, channel, dispute_type);
create index case_clock_group_open on case_clock (candidate_group, ended_at);
create index case_clock_process_open on case_clock (process_key, ended_at, activity_id, due_at);
create index case_escalation_raised on case_escalation (raised_at, town_code, village_code, case_code);
create index case_escalation_order_open on case_escalation (rung, answered_at, issued_at, town_code, village_code);
create index case_escalation_process on case_escalation (process_instance_id);
