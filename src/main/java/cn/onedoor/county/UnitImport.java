package cn.onedoor.county;

import cn.onedoor.county.ImportPlan.Entry;
import cn.onedoor.county.UnitsWithOpenCasesException.Blocked;
import cn.onedoor.organisation.Units;
import cn.onedoor.organisation.Units.Kind;
import cn.onedoor.organisation.Units.Unit;
import cn.onedoor.organisation.UnitsChanged;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the county's units from a CSV file ({@code kind,code,name,parent,population}): the file is
 * the whole list of towns, villages, committees and departments, so a unit missing from it is
 * removed, unless it holds open cases (409). The county itself is configuration ({@code
 * onedoor.county.code/name/population}) and is written from there. All or nothing, in one
 * transaction.
 */
@Service
class UnitImport {

  static final String FILE = "units";
  static final List<String> COLUMNS = List.of("kind", "code", "name", "parent", "population");

  private static final Pattern NAMED_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,23}");

  private record Wanted(int row, Unit unit) {}

  private final JdbcTemplate jdbc;
  private final Units units;
  private final ApplicationEventPublisher events;
  private final String countyCode;
  private final String countyName;
  private final Integer countyPopulation;

  UnitImport(
      JdbcTemplate jdbc,
      Units units,
      ApplicationEventPublisher events,
      @Value("${onedoor.county.code}") String countyCode,
      @Value("${onedoor.county.name}") String countyName,
      @Value("${onedoor.county.population:#{null}}") Integer countyPopulation) {
    this.jdbc = jdbc;
    this.units = units;
    this.events = events;
    this.countyCode = countyCode;
    this.countyName = countyName;
    this.countyPopulation = countyPopulation;
  }

  @Transactional
  public ImportPlan load(String csv, boolean dryRun) {
    Map<String, Wanted> wanted = read(csv);
    Map<String, Unit> present = new LinkedHashMap<>();
    units.find(null, null).forEach(unit -> present.put(key(unit.kind(), unit.code()), unit));

    List<Entry> added = new ArrayList<>();
    List<Entry> changed = new ArrayList<>();
    List<Entry> removed = new ArrayList<>();
    List<Blocked> blocked = new ArrayList<>();
    Set<String> openCases = new HashSet<>();
    int unchanged = 0;
    for (Wanted want : wanted.values()) {
      Unit unit = want.unit();
      Unit before = present.get(key(unit.kind(), unit.code()));
      if (before == null) {
        added.add(entry(unit, List.of()));
      } else {
        List<String> changes = changes(before, unit);
        if (changes.isEmpty()) {
          unchanged++;
        } else {
          changed.add(entry(unit, changes));
        }
      }
    }
    for (Unit before : present.values()) {
      if (!wanted.containsKey(key(before.kind(), before.code()))) {
        removed.add(entry(before, List.of()));
        List<String> open = openCases(before);
        if (!open.isEmpty()) {
          blocked.add(new Blocked(before.kind().name(), before.code(), before.name(), open.size()));
          openCases.addAll(open);
        }
      }
    }
    if (!blocked.isEmpty()) {
      throw new UnitsWithOpenCasesException(blocked, openCases.size());
    }
    if (!dryRun) {
      for (Entry entry : removed) {
        jdbc.update("delete from unit where kind = ? and code = ?", entry.kind(), entry.code());
      }
      for (Wanted want : wanted.values()) {
        Unit unit = want.unit();
        Unit before = present.get(key(unit.kind(), unit.code()));
        if (before == null) {
          jdbc.update(
              "insert into unit (kind, code, name, parent_code, population) values (?, ?, ?, ?, ?)",
              unit.kind().name(),
              unit.code(),
              unit.name(),
              unit.parentCode(),
              unit.population());
        } else if (!changes(before, unit).isEmpty()) {
          jdbc.update(
              "update unit set name = ?, parent_code = ?, population = ?, demo = false where kind = ? and code = ?",
              unit.name(),
              unit.parentCode(),
              unit.population(),
              unit.kind().name(),
              unit.code());
        }
      }
    }
    if (!dryRun && !(added.isEmpty() && changed.isEmpty() && removed.isEmpty())) {
      events.publishEvent(new UnitsChanged());
    }
    return new ImportPlan(dryRun, added, changed, removed, unchanged, List.of());
  }

  /**
   * Cases not yet closed that the unit holds or held (its village and town from registration on,
   * every committee or department given a task on it): removing the unit would leave them without
   * their unit's name, groups and supervisors.
   */
  private List<String> openCases(Unit unit) {
    if (unit.kind() == Kind.COUNTY) {
      return List.of();
    }
    return jdbc.queryForList(
        "select distinct u.case_code from case_unit u join case_progress p on p.case_code"
            + " = u.case_code where p.closed_at is null and u.unit_level = ? and u.unit_code = ?",
        String.class,
        unit.kind().name().toLowerCase(Locale.ROOT),
        unit.code());
  }

  /** The county from configuration, then every valid row; any mistake stops the load. */
  private Map<String, Wanted> read(String csv) {
    Csv.Table table = Csv.parse(csv == null ? "" : csv);
    List<RowProblem> problems = new ArrayList<>();
    for (String column : COLUMNS) {
      if (!table.header().contains(column)) {
        problems.add(
            new RowProblem(
                1, column, "缺少列 " + column + "（表头应为 " + String.join(",", COLUMNS) + "）"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidImportException(FILE, problems);
    }
    if (table.rows().isEmpty()) {
      throw new InvalidImportException(
          FILE, List.of(new RowProblem(2, "kind", "文件没有任何单位；至少应有乡镇（街道）")));
    }
    Map<String, Wanted> wanted = new LinkedHashMap<>();
    wanted.put(
        key(Kind.COUNTY, countyCode),
        new Wanted(
            0, new Unit(countyCode, countyName, Kind.COUNTY, null, countyPopulation, false)));
    Map<String, Integer> towns = new LinkedHashMap<>();
    for (Csv.Row row : table.rows()) {
      if (parseKind(row.get("kind")) == Kind.TOWN) {
        towns.put(row.get("code"), row.number());
      }
    }
    for (Csv.Row row : table.rows()) {
      Unit unit = unit(row, towns, problems);
      if (unit == null) {
        continue;
      }
      Wanted earlier = wanted.get(key(unit.kind(), unit.code()));
      if (earlier != null) {
        problems.add(
            new RowProblem(
                row.number(), "code", "代码 " + unit.code() + " 重复（第" + earlier.row() + "行已有同类单位）"));
        continue;
      }
      wanted.put(key(unit.kind(), unit.code()), new Wanted(row.number(), unit));
    }
    if (!problems.isEmpty()) {
      throw new InvalidImportException(FILE, problems);
    }
    return wanted;
  }

  private Unit unit(Csv.Row row, Map<String, Integer> towns, List<RowProblem> problems) {
    int before = problems.size();
    int n = row.number();
    Kind kind = parseKind(row.get("kind"));
    if (kind == null) {
      problems.add(
          new RowProblem(
              n,
              "kind",
              "类别应为 TOWN（乡镇/街道）、VILLAGE（村/社区）、COMMITTEE（专业调委会）或 DEPARTMENT（部门），收到“"
                  + row.get("kind")
                  + "”"));
      return null;
    }
    String code = row.get("code");
    String parent = row.get("parent");
    switch (kind) {
      case TOWN -> {
        if (!code.matches(Pattern.quote(countyCode) + "\\d{3}")) {
          problems.add(
              new RowProblem(n, "code", "乡镇代码应为 " + countyCode + " 加 3 位数字，收到“" + code + "”"));
        }
        if (!parent.isEmpty() && !parent.equals(countyCode)) {
          problems.add(
              new RowProblem(n, "parent", "乡镇的上级应为本县 " + countyCode + " 或留空，收到“" + parent + "”"));
        }
        parent = countyCode;
      }
      case VILLAGE -> {
        if (!towns.containsKey(parent)) {
          problems.add(new RowProblem(n, "parent", "村（社区）的上级应为本文件中的乡镇代码，收到“" + parent + "”"));
        } else if (!code.matches(Pattern.quote(parent) + "\\d{3}")) {
          problems.add(
              new RowProblem(n, "code", "村（社区）代码应为上级乡镇代码 " + parent + " 加 3 位数字，收到“" + code + "”"));
        }
      }
      default -> {
        if (!NAMED_CODE.matcher(code).matches()) {
          problems.add(
              new RowProblem(n, "code", "调委会、部门代码应为大写字母开头的英文代码（如 MEDICAL、HRSS），收到“" + code + "”"));
        }
        if (!parent.isEmpty() && !parent.equals(countyCode)) {
          problems.add(
              new RowProblem(
                  n, "parent", "调委会、部门的上级应为本县 " + countyCode + " 或留空，收到“" + parent + "”"));
        }
        parent = countyCode;
      }
    }
    String name = row.get("name");
    if (name.isEmpty() || name.length() > 64) {
      problems.add(new RowProblem(n, "name", "名称必填，不超过 64 个字"));
    }
    Integer population = null;
    String people = row.get("population");
    if (!people.isEmpty()) {
      try {
        population = Integer.valueOf(people);
        if (population < 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException notANumber) {
        problems.add(new RowProblem(n, "population", "人口应为不小于 0 的整数，收到“" + people + "”"));
      }
    }
    return problems.size() > before ? null : new Unit(code, name, kind, parent, population, false);
  }

  private static Kind parseKind(String kind) {
    try {
      Kind parsed = Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
      return parsed == Kind.COUNTY ? null : parsed;
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static List<String> changes(Unit before, Unit after) {
    List<String> changes = new ArrayList<>();
    if (!before.name().equals(after.name())) {
      changes.add("名称：" + before.name() + " → " + after.name());
    }
    if (!Objects.equals(before.parentCode(), after.parentCode())) {
      changes.add("上级：" + before.parentCode() + " → " + after.parentCode());
    }
    if (!Objects.equals(before.population(), after.population())) {
      changes.add("人口：" + before.population() + " → " + after.population());
    }
    // A demo unit (V60) that the county's own file names becomes the county's: no longer marked
    // demo.
    if (before.demo() && !after.demo()) {
      changes.add("演示数据 → 本县数据");
    }
    return changes;
  }

  private static Entry entry(Unit unit, List<String> changes) {
    return new Entry(unit.kind().name(), unit.code(), unit.name(), changes);
  }

  private static String key(Kind kind, String code) {
    return kind.name() + "/" + code;
  }
}
