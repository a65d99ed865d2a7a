-- Who may read a case (issue 7): the units that hold or held it, and the engine's process instances it consists of,
-- so the engine's per-case authorizations and our own API's checks follow one table.

-- The units that hold or held a case: its village and town from registration on, and every committee or department
-- given a task on it. level and code as in group ids (role:level:unit), e.g. ('department', 'HRSS').
create table case_unit (
  case_code  varchar(24) not null,
  unit_level varchar(16) not null,
  unit_code  varchar(24) not null,
  reached_at timestamp with time zone not null,
  reason     varchar(16) not null,
  primary key (case_code, unit_level, unit_code)
);
create index case_unit_unit on case_unit (unit_level, unit_code);

-- Every process instance of a case (the case and each stage it calls), so a unit reached later is granted every one.
create table case_instance (
  process_instance_id varchar(64) primary key,
  case_code           varchar(24) not null,
  started_at          timestamp with time zone not null,
  ended_at            timestamp with time zone
);
create index case_instance_case on case_instance (case_code);

-- Cases registered before this table existed are held by their village and town.
insert into case_unit (case_code, unit_level, unit_code, reached_at, reason)
select case_code, 'town', town_code, registered_at, 'REGISTERED' from dispute_case;
insert into case_unit (case_code, unit_level, unit_code, reached_at, reason)
select case_code, 'village', village_code, registered_at, 'REGISTERED' from dispute_case where village_code is not null;
