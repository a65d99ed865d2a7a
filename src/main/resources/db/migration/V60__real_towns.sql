-- The real county (issue 17): 渠县's 37 towns, townships and subdistricts with their official codes (国家统计局
-- 统计用区划代码, data as of 2022-10-31; the list is src/test/resources/organisation/511725-towns.csv, which
-- RealTownsTest holds this table to). V2 gave the three demo towns invented codes; 511725102 is really 临巴镇.
--
-- Every kind of town-level unit (镇 TOWN, 乡 TOWNSHIP, 街道 SUBDISTRICT) is kind TOWN here: the kind is the unit's
-- level in the chain (village → town → county), which is what handling levels, group ids (role:town:<code>), the
-- supervisors' grid and scopes key on; a 乡 or 街道 works its cases exactly like a 镇. The name says which it is.
--
-- Re-coding, in this order so that no code is mapped twice: first 有庆镇 511725104 → 511725112 (and its demo village
-- 511725104001 → 511725112001), then 三汇镇 511725102 → 511725104 (its demo villages 511725102001/002 →
-- 511725104001/002). Every column of ours that holds a unit code or a group id (role:level:<code>) follows, so a
-- database with cases in the demo towns keeps them in the same (now correctly coded) towns. Texts kept as they were
-- written (case_event.detail, outbound_request.payload) are records and stay as they are. The engine's own data (group
-- ids and memberships, variables of running cases) is not ours to rewrite: see docs/operations.md.
--
-- The villages were invented for the demo and stay, marked demo = true, until the county loads its own. The
-- populations of the county and the three towns that had demo rows are demo values too; the other towns' are unknown
-- (null: their litigation per 10,000 inhabitants shows no figure) until the county enters them.
alter table unit add column demo boolean default false not null;

-- 1. 有庆镇 511725104 → 511725112
update unit set code = replace(code, '511725104', '511725112') where code like '511725104%' and kind in ('TOWN', 'VILLAGE');
update unit set parent_code = replace(parent_code, '511725104', '511725112') where parent_code like '511725104%';
update dispute_case set town_code = replace(town_code, '511725104', '511725112') where town_code like '511725104%';
update dispute_case set village_code = replace(village_code, '511725104', '511725112') where village_code like '511725104%';
update dispute_case set responsible_unit = replace(responsible_unit, '511725104', '511725112') where responsible_unit like '511725104%';
update case_progress set current_unit = replace(current_unit, '511725104', '511725112') where current_unit like '511725104%';
update case_progress set town_code = replace(town_code, '511725104', '511725112') where town_code like '511725104%';
update case_progress set village_code = replace(village_code, '511725104', '511725112') where village_code like '511725104%';
update case_hand_over set from_unit = replace(from_unit, '511725104', '511725112') where from_unit like '511725104%';
update case_hand_over set to_unit = replace(to_unit, '511725104', '511725112') where to_unit like '511725104%';
update case_clock set town_code = replace(town_code, '511725104', '511725112') where town_code like '511725104%';
update case_clock set village_code = replace(village_code, '511725104', '511725112') where village_code like '511725104%';
update case_escalation set town_code = replace(town_code, '511725104', '511725112') where town_code like '511725104%';
update case_escalation set village_code = replace(village_code, '511725104', '511725112') where village_code like '511725104%';
update case_unit set unit_code = replace(unit_code, '511725104', '511725112') where unit_code like '511725104%';
update case_clock set candidate_group = replace(candidate_group, ':511725104', ':511725112') where candidate_group like '%:511725104%';
update case_escalation set target_group = replace(target_group, ':511725104', ':511725112') where target_group like '%:511725104%';
update case_escalation set answering_group = replace(answering_group, ':511725104', ':511725112') where answering_group like '%:511725104%';

-- 2. 三汇镇 511725102 → 511725104
update unit set code = replace(code, '511725102', '511725104') where code like '511725102%' and kind in ('TOWN', 'VILLAGE');
update unit set parent_code = replace(parent_code, '511725102', '511725104') where parent_code like '511725102%';
update dispute_case set town_code = replace(town_code, '511725102', '511725104') where town_code like '511725102%';
update dispute_case set village_code = replace(village_code, '511725102', '511725104') where village_code like '511725102%';
update dispute_case set responsible_unit = replace(responsible_unit, '511725102', '511725104') where responsible_unit like '511725102%';
update case_progress set current_unit = replace(current_unit, '511725102', '511725104') where current_unit like '511725102%';
update case_progress set town_code = replace(town_code, '511725102', '511725104') where town_code like '511725102%';
update case_progress set village_code = replace(village_code, '511725102', '511725104') where village_code like '511725102%';
update case_hand_over set from_unit = replace(from_unit, '511725102', '511725104') where from_unit like '511725102%';
update case_hand_over set to_unit = replace(to_unit, '511725102', '511725104') where to_unit like '511725102%';
update case_clock set town_code = replace(town_code, '511725102', '511725104') where town_code like '511725102%';
update case_clock set village_code = replace(village_code, '511725102', '511725104') where village_code like '511725102%';
update case_escalation set town_code = replace(town_code, '511725102', '511725104') where town_code like '511725102%';
update case_escalation set village_code = replace(village_code, '511725102', '511725104') where village_code like '511725102%';
update case_unit set unit_code = replace(unit_code, '511725102', '511725104') where unit_code like '511725102%';
update case_clock set candidate_group = replace(candidate_group, ':511725102', ':511725104') where candidate_group like '%:511725102%';
update case_escalation set target_group = replace(target_group, ':511725102', ':511725104') where target_group like '%:511725102%';
update case_escalation set answering_group = replace(answering_group, ':511725102', ':511725104') where answering_group like '%:511725102%';

-- 3. The demo villages, marked.
update unit set demo = true where kind = 'VILLAGE' and code in ('511725104001', '511725104002', '511725103001',
  '511725112001');

-- 4. The other 34 towns, townships and subdistricts.
insert into unit (code, name, kind, parent_code, population) values
  ('511725001', '渠江街道', 'TOWN', '511725', null),
  ('511725002', '渠南街道', 'TOWN', '511725', null),
  ('511725003', '天星街道', 'TOWN', '511725', null),
  ('511725102', '临巴镇', 'TOWN', '511725', null),
  ('511725105', '文崇镇', 'TOWN', '511725', null),
  ('511725106', '涌兴镇', 'TOWN', '511725', null),
  ('511725107', '贵福镇', 'TOWN', '511725', null),
  ('511725108', '岩峰镇', 'TOWN', '511725', null),
  ('511725109', '静边镇', 'TOWN', '511725', null),
  ('511725110', '清溪场镇', 'TOWN', '511725', null),
  ('511725111', '宝城镇', 'TOWN', '511725', null),
  ('511725113', '鲜渡镇', 'TOWN', '511725', null),
  ('511725114', '琅琊镇', 'TOWN', '511725', null),
  ('511725115', '李渡镇', 'TOWN', '511725', null),
  ('511725116', '中滩镇', 'TOWN', '511725', null),
  ('511725118', '三板镇', 'TOWN', '511725', null),
  ('511725119', '丰乐镇', 'TOWN', '511725', null),
  ('511725120', '李馥镇', 'TOWN', '511725', null),
  ('511725121', '合力镇', 'TOWN', '511725', null),
  ('511725123', '青龙镇', 'TOWN', '511725', null),
  ('511725125', '卷硐镇', 'TOWN', '511725', null),
  ('511725126', '望溪镇', 'TOWN', '511725', null),
  ('511725128', '龙凤镇', 'TOWN', '511725', null),
  ('511725129', '新市镇', 'TOWN', '511725', null),
  ('511725130', '万寿镇', 'TOWN', '511725', null),
  ('511725131', '渠北镇', 'TOWN', '511725', null),
  ('511725132', '定远镇', 'TOWN', '511725', null),
  ('511725134', '东安镇', 'TOWN', '511725', null),
  ('511725215', '报恩乡', 'TOWN', '511725', null),
  ('511725216', '安北乡', 'TOWN', '511725', null),
  ('511725220', '大义乡', 'TOWN', '511725', null),
  ('511725224', '巨光乡', 'TOWN', '511725', null),
  ('511725231', '望江乡', 'TOWN', '511725', null),
  ('511725236', '拱市乡', 'TOWN', '511725', null);
