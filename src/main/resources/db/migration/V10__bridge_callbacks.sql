-- Bridges to other systems (issue 5).

-- What the other side answered to each request we made (its receipt), kept with the request.
alter table outbound_request add column response_status integer;
alter table outbound_request add column response_body varchar(4000);

-- Every callback we accepted, keyed by the caller's own callback id: the same callback twice changes nothing and is
-- answered 200 again; the same id with a different body is refused. Written in the transaction that correlates the
-- message, so a callback that could not be applied (unknown case, case not waiting) leaves no row and may be sent
-- again later.
create table bridge_callback (
  system_name  varchar(24)  not null,
  callback_id  varchar(100) not null,
  kind         varchar(48)  not null,
  case_code    varchar(24)  not null,
  request_hash varchar(64)  not null,
  received_at  timestamp with time zone not null,
  primary key (system_name, callback_id)
);
create index bridge_callback_case on bridge_callback (case_code);
