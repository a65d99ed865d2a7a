-- The county's units as data (DOMAIN §2): county, towns, villages, professional committees, stationed departments.
-- Codes are what intake, candidate groups (role:level:unit) and supervision refer to. Adding a town is a row here
-- (or an INSERT by the county's administrator), not code. Population feeds litigation per 10,000 inhabitants.
-- Town and village codes and all populations below are demo values; the county replaces them with its own.
-- A code is unique within its kind: the finance committee and the finance bureau are both FINANCE, as in their
-- group ids mediator:committee:FINANCE and liaison:department:FINANCE.
create table unit (
  kind        varchar(16) not null,
  code        varchar(24) not null,
  name        varchar(64) not null,
  parent_code varchar(24),
  population  integer,
  primary key (kind, code)
);
create index unit_parent on unit (parent_code);

insert into unit (code, name, kind, parent_code, population) values
  ('511725', '渠县', 'COUNTY', null, 1000000),
  ('511725102', '三汇镇', 'TOWN', '511725', 80000),
  ('511725103', '土溪镇', 'TOWN', '511725', 60000),
  ('511725104', '有庆镇', 'TOWN', '511725', 50000),
  ('511725102001', '汇东社区', 'VILLAGE', '511725102', 6000),
  ('511725102002', '汇西社区', 'VILLAGE', '511725102', 5000),
  ('511725103001', '土溪村', 'VILLAGE', '511725103', 3000),
  ('511725104001', '有庆村', 'VILLAGE', '511725104', 2500),
  ('MEDICAL', '县医疗纠纷人民调解委员会', 'COMMITTEE', '511725', null),
  ('TRAFFIC', '县道路交通事故纠纷人民调解委员会', 'COMMITTEE', '511725', null),
  ('LABOUR', '县劳动争议调解委员会', 'COMMITTEE', '511725', null),
  ('FAMILY', '县婚姻家庭纠纷人民调解委员会', 'COMMITTEE', '511725', null),
  ('PROPERTY', '县物业纠纷人民调解委员会', 'COMMITTEE', '511725', null),
  ('CONSUMER', '县消费纠纷人民调解委员会', 'COMMITTEE', '511725', null),
  ('CONSTRUCTION', '县建设工程及欠薪纠纷人民调解委员会', 'COMMITTEE', '511725', null),
  ('FINANCE', '县金融纠纷人民调解委员会', 'COMMITTEE', '511725', null),
  ('LAND', '县土地承包经营纠纷调解委员会', 'COMMITTEE', '511725', null),
  ('COURT', '县人民法院', 'DEPARTMENT', '511725', null),
  ('PROCURATORATE', '县人民检察院', 'DEPARTMENT', '511725', null),
  ('POLICE', '县公安局', 'DEPARTMENT', '511725', null),
  ('JUSTICE', '县司法局', 'DEPARTMENT', '511725', null),
  ('HRSS', '县人力资源和社会保障局', 'DEPARTMENT', '511725', null),
  ('HEALTH', '县卫生健康局', 'DEPARTMENT', '511725', null),
  ('HOUSING', '县住房和城乡建设局', 'DEPARTMENT', '511725', null),
  ('PETITION', '县信访局', 'DEPARTMENT', '511725', null),
  ('NATURAL_RESOURCES', '县自然资源局', 'DEPARTMENT', '511725', null),
  ('MARKET', '县市场监督管理局', 'DEPARTMENT', '511725', null),
  ('FINANCE', '县金融工作局', 'DEPARTMENT', '511725', null);
