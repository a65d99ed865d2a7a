-- Supervision (督办考核): what the supervisors' page counts, kept where one indexed query finds it instead of a join
-- over the whole registry or a scan of engine history. Every statement runs on H2 and PostgreSQL alike.

-- Where a case stands, with what the page groups and rates by: the dispute type as registered, how mediation ended
-- (调解成功率) and when the case first went to court (万人成讼率).
alter table case_progress add column dispute_type varchar(32);
alter table case_progress add column mediation_outcome varchar(24);
alter table case_progress add column mediation_ended_at timestamp with time zone;
alter table case_progress add column litigation_at timestamp with time zone;
update case_progress set dispute_type = (select d.dispute_type from dispute_case d where d.case_code = case_progress.case_code);

-- A clock knows the town and village of its case, so a town's overdue clocks are one index range.
alter table case_clock add column town_code varchar(24);
alter table case_clock add column village_code varchar(24);
update case_clock set town_code = (select p.town_code from case_progress p where p.case_code = case_clock.case_code),
  village_code = (select p.village_code from case_progress p where p.case_code = case_clock.case_code);

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

-- The page's queries, each an index range: open cases (closed_at is null first) per town; cases closed, mediated or
-- brought to court in a period; open and recently closed clocks by due date; escalations raised or open in a period.
create index case_progress_open_area on case_progress (closed_at, town_code, village_code);
create index case_progress_registered on case_progress (registered_at);
create index case_progress_mediation_ended on case_progress (mediation_ended_at);
create index case_progress_litigation on case_progress (litigation_at);
create index case_clock_area_due on case_clock (town_code, ended_at, due_at);
create index case_clock_group_open on case_clock (candidate_group, ended_at);
create index case_escalation_raised on case_escalation (raised_at);
create index case_escalation_area on case_escalation (town_code, answered_at);
create index case_escalation_process on case_escalation (process_instance_id);
