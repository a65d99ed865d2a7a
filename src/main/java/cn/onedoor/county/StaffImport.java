package cn.onedoor.county;

import cn.onedoor.county.ImportPlan.Entry;
import cn.onedoor.identity.FirstPassword;
import cn.onedoor.identity.StaffGrants;
import cn.onedoor.identity.StaffGroups;
import cn.onedoor.identity.StaffGroups.StaffGroup;
import cn.onedoor.identity.StaffRole;
import cn.onedoor.identity.SystemUser;
import cn.onedoor.intake.PersonalData;
import cn.onedoor.organisation.Units;
import cn.onedoor.organisation.Units.Kind;
import cn.onedoor.organisation.Units.Unit;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the county's staff from a CSV file ({@code username,name,role,level,unit,mobile}): each
 * person becomes an engine user in the group {@code role:level:unit} with the role's baseline
 * grants ({@link StaffGrants}), like the demo people. The file is the whole list of imported staff:
 * a person imported earlier and missing now is removed (the tasks they had claimed go back to their
 * group). People made otherwise (administrators, demo people, anyone made in Admin) are never
 * touched, and a row naming one of them is refused. A new person gets a first password, which
 * {@link StaffNotices} sends by SMS after the load and which they must change at first login
 * ({@link FirstPassword}).
 */
@Service
class StaffImport {

  static final String FILE = "staff";
  static final List<String> COLUMNS =
      List.of("username", "name", "role", "level", "unit", "mobile");

  /** Marks a person made by an import; its value is their mobile, masked as shown. */
  static final String IMPORTED = "onedoor.importedStaff";

  /** A person whose first password has not reached them yet: the next load sends a new one. */
  static final String PASSWORD_NOT_SENT = "onedoor.firstPasswordNotSent";

  private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{1,63}");
  private static final String PASSWORD_LETTERS =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One person as the file wants them. */
  record Person(int row, String userId, String name, StaffGroup group, String mobile) {}

  /** Someone to tell their first password, once the load is committed. */
  record FirstPasswordNotice(String userId, String name, String mobile, String password) {}

  /** The plan and, after a real load, whom to tell their first password. */
  record Loaded(ImportPlan plan, List<FirstPasswordNotice> notices) {}

  private final IdentityService identityService;
  private final TaskService taskService;
  private final StaffGrants staffGrants;
  private final FirstPassword firstPassword;
  private final Units units;
  private final JdbcTemplate jdbc;
  private final String countyCode;

  StaffImport(
      IdentityService identityService,
      TaskService taskService,
      StaffGrants staffGrants,
      FirstPassword firstPassword,
      Units units,
      JdbcTemplate jdbc,
      @Value("${onedoor.county.code}") String countyCode) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.staffGrants = staffGrants;
    this.firstPassword = firstPassword;
    this.units = units;
    this.jdbc = jdbc;
    this.countyCode = countyCode;
  }

  @Transactional
  public Loaded load(String csv, boolean dryRun) {
    return SystemUser.call(identityService, () -> loadAsSystem(csv, dryRun));
  }

  private Loaded loadAsSystem(String csv, boolean dryRun) {
    Map<String, String> imported = new HashMap<>();
    jdbc.query(
        "select USER_ID_, VALUE_ from ACT_ID_INFO where KEY_ = ?",
        rs -> {
          imported.put(rs.getString(1), rs.getString(2));
        },
        IMPORTED);
    Map<String, Person> wanted = read(csv, imported.keySet());

    List<Entry> added = new ArrayList<>();
    List<Entry> changed = new ArrayList<>();
    List<Entry> removed = new ArrayList<>();
    List<FirstPasswordNotice> notices = new ArrayList<>();
    int unchanged = 0;
    for (Person person : wanted.values()) {
      if (!imported.containsKey(person.userId())) {
        added.add(
            entry(person, List.of("新账号，初始密码短信发送至 " + PersonalData.maskMobile(person.mobile()))));
        if (!dryRun) {
          notices.add(create(person));
        }
        continue;
      }
      User user = identityService.createUserQuery().userId(person.userId()).singleResult();
      List<String> groups = staffGroups(person.userId());
      List<String> changes = new ArrayList<>();
      if (!fullName(user).equals(person.name())) {
        changes.add("姓名：" + fullName(user) + " → " + person.name());
      }
      if (!groups.equals(List.of(person.group().id()))) {
        changes.add("组：" + String.join("、", groups) + " → " + person.group().id());
      }
      String masked = PersonalData.maskMobile(person.mobile());
      if (!masked.equals(imported.get(person.userId()))) {
        changes.add("手机：" + imported.get(person.userId()) + " → " + masked);
      }
      boolean notSent = identityService.getUserInfo(person.userId(), PASSWORD_NOT_SENT) != null;
      if (notSent) {
        changes.add("初始密码短信未送达，重新生成并发送");
      }
      if (changes.isEmpty()) {
        unchanged++;
        continue;
      }
      changed.add(entry(person, changes));
      if (!dryRun) {
        update(person, user, groups);
        if (notSent) {
          String password = newPassword();
          user.setPassword(password);
          identityService.saveUser(user);
          firstPassword.require(person.userId());
          notices.add(
              new FirstPasswordNotice(person.userId(), person.name(), person.mobile(), password));
        }
      }
    }
    for (String userId : imported.keySet()) {
      if (!wanted.containsKey(userId)) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        List<String> groups = staffGroups(userId);
        removed.add(
            new Entry(
                groups.isEmpty() ? "" : groups.get(0),
                userId,
                user == null ? userId : fullName(user),
                List.of()));
        if (!dryRun) {
          remove(userId);
        }
      }
    }
    ImportPlan plan = new ImportPlan(dryRun, added, changed, removed, unchanged, List.of());
    return new Loaded(plan, notices);
  }

  private FirstPasswordNotice create(Person person) {
    String password = newPassword();
    User user = identityService.newUser(person.userId());
    user.setLastName(person.name().substring(0, 1));
    user.setFirstName(person.name().substring(1));
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.setUserInfo(
        person.userId(), IMPORTED, PersonalData.maskMobile(person.mobile()));
    join(person);
    firstPassword.require(person.userId());
    return new FirstPasswordNotice(person.userId(), person.name(), person.mobile(), password);
  }

  private void update(Person person, User user, List<String> groups) {
    if (!fullName(user).equals(person.name())) {
      user.setLastName(person.name().substring(0, 1));
      user.setFirstName(person.name().substring(1));
      identityService.saveUser(user);
    }
    if (!groups.equals(List.of(person.group().id()))) {
      for (String group : groups) {
        if (!group.equals(person.group().id())) {
          identityService.deleteMembership(person.userId(), group);
        }
      }
      if (!groups.contains(person.group().id())) {
        join(person);
      }
    }
    identityService.setUserInfo(
        person.userId(), IMPORTED, PersonalData.maskMobile(person.mobile()));
  }

  /** Into the group, made with the unit's name when missing, with its role's baseline grants. */
  private void join(Person person) {
    String groupId = person.group().id();
    if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identityService.newGroup(groupId);
      group.setName(unitName(person.group()) + " " + person.group().role().title());
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
    identityService.createMembership(person.userId(), groupId);
    staffGrants.ensure(groupId);
  }

  private void remove(String userId) {
    taskService
        .createTaskQuery()
        .taskAssignee(userId)
        .list()
        .forEach(task -> taskService.setAssignee(task.getId(), null));
    identityService.deleteUserInfo(userId, IMPORTED);
    identityService.deleteUserInfo(userId, PASSWORD_NOT_SENT);
    identityService.deleteUser(userId);
  }

  /** After the load, when the gateway did not take a notice: the next load sends a new password. */
  @Transactional
  public void notSent(String userId) {
    SystemUser.run(
        identityService, () -> identityService.setUserInfo(userId, PASSWORD_NOT_SENT, "true"));
  }

  @Transactional
  public void sent(String userId) {
    SystemUser.run(
        identityService, () -> identityService.deleteUserInfo(userId, PASSWORD_NOT_SENT));
  }

  private List<String> staffGroups(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .filter(id -> StaffGroups.parse(id).isPresent())
        .sorted()
        .toList();
  }

  private Map<String, Person> read(String csv, Set<String> imported) {
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
    Map<String, Unit> unitsByKey = new HashMap<>();
    units.find(null, null).forEach(unit -> unitsByKey.put(unit.kind() + "/" + unit.code(), unit));
    Map<String, Person> wanted = new LinkedHashMap<>();
    for (Csv.Row row : table.rows()) {
      Person person = person(row, unitsByKey, imported, problems);
      if (person == null) {
        continue;
      }
      Person earlier = wanted.get(person.userId());
      if (earlier != null) {
        problems.add(
            new RowProblem(
                row.number(),
                "username",
                "用户名 " + person.userId() + " 重复（第" + earlier.row() + "行已有）"));
        continue;
      }
      wanted.put(person.userId(), person);
    }
    if (!problems.isEmpty()) {
      throw new InvalidImportException(FILE, problems);
    }
    return wanted;
  }

  private Person person(
      Csv.Row row, Map<String, Unit> unitsByKey, Set<String> imported, List<RowProblem> problems) {
    int before = problems.size();
    int n = row.number();
    String userId = row.get("username");
    if (!USER_ID.matcher(userId).matches()) {
      problems.add(new RowProblem(n, "username", "用户名应为 2 至 64 位字母、数字或 . _ -，收到“" + userId + "”"));
    } else if (!imported.contains(userId)
        && identityService.createUserQuery().userId(userId).count() > 0) {
      problems.add(new RowProblem(n, "username", "用户名 " + userId + " 已被系统管理员或演示账号使用，导入不会改动它，请换一个"));
    }
    String name = row.get("name");
    if (name.length() < 2 || name.length() > 20) {
      problems.add(new RowProblem(n, "name", "姓名应为 2 至 20 个字"));
    }
    StaffRole role = StaffRole.byId(row.get("role")).orElse(null);
    String level = row.get("level");
    String unit = row.get("unit");
    if (role == null || role == StaffRole.SYSTEM || role == StaffRole.SIMULATOR) {
      problems.add(
          new RowProblem(
              n,
              "role",
              "角色应为 intake、mediator、liaison、supervisor、court、legalaid 或 designer，收到“"
                  + row.get("role")
                  + "”"));
    } else if (!(role.readsCasesAt(level)
        || role == StaffRole.DESIGNER && "county".equals(level))) {
      problems.add(
          new RowProblem(n, "level", role.title() + "（" + role.id() + "）不设在 " + level + " 一级"));
    } else {
      String wrongUnit = unitProblem(level, unit, unitsByKey);
      if (wrongUnit != null) {
        problems.add(new RowProblem(n, "unit", wrongUnit));
      }
    }
    String mobile = row.get("mobile");
    if (!PersonalData.isMobile(mobile)) {
      problems.add(new RowProblem(n, "mobile", "手机号应为 11 位中国大陆手机号（1 开头）"));
    }
    if (problems.size() > before) {
      return null;
    }
    return new Person(n, userId, name, new StaffGroup(role, level, unit), mobile);
  }

  /** The unit a group of this level belongs to must exist with that kind; null when it does. */
  private String unitProblem(String level, String unit, Map<String, Unit> unitsByKey) {
    Kind kind =
        switch (level) {
          case "village" -> Kind.VILLAGE;
          case "town" -> Kind.TOWN;
          case "committee" -> Kind.COMMITTEE;
          case "department" -> Kind.DEPARTMENT;
          default -> Kind.COUNTY;
        };
    if (kind == Kind.COUNTY) {
      return unit.equals(countyCode)
          ? null
          : level + " 一级的单位应为本县代码 " + countyCode + "，收到“" + unit + "”";
    }
    return unitsByKey.containsKey(kind + "/" + unit)
        ? null
        : "没有代码为“" + unit + "”的" + kind.name() + "单位（先导入单位，见 GET /api/units）";
  }

  private String unitName(StaffGroup group) {
    String kind =
        switch (group.level()) {
          case "village" -> "VILLAGE";
          case "town" -> "TOWN";
          case "committee" -> "COMMITTEE";
          case "department" -> "DEPARTMENT";
          default -> "COUNTY";
        };
    return units.find(Kind.valueOf(kind), null).stream()
        .filter(unit -> unit.code().equals(group.unit()))
        .map(Unit::name)
        .findFirst()
        .orElse(group.unit());
  }

  private static String fullName(User user) {
    return (user.getLastName() == null ? "" : user.getLastName())
        + (user.getFirstName() == null ? "" : user.getFirstName());
  }

  private static Entry entry(Person person, List<String> changes) {
    return new Entry(person.group().id(), person.userId(), person.name(), changes);
  }

  static String newPassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      password.append(PASSWORD_LETTERS.charAt(RANDOM.nextInt(PASSWORD_LETTERS.length())));
    }
    return password.toString();
  }
}
