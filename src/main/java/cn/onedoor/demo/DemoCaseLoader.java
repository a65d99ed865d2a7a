package cn.onedoor.demo;

import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.intake.Intake;
import cn.onedoor.intake.IntakeRequest;
import cn.onedoor.security.CaseAccess;
import cn.onedoor.supervision.SupervisionOrders;
import cn.onedoor.supervision.SupervisionScope;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo cases for the supervisors' page, loaded at start with {@code ./mvnw spring-boot:run
 * -Dspring-boot.run.arguments=--onedoor.demo.load-cases=300} (default profile only): every case is
 * registered through {@link Intake} like any other and then handled the way people would, so that
 * the page has every state to show: waiting on time, due within two days, overdue with the ladder's
 * chase-up raised, under a supervision order (some of them unanswered past their deadline), settled
 * and closed, and failed mediation taken to court. A progress bar is printed on the console.
 *
 * <p>The engine clock cannot be moved in a real run, so "overdue" and "due soon" are made with the
 * public API a supervisor's colleague could use: the task's due date is set
 * (TaskService.setDueDate, recorded on the clock like any change) and the overdue timer of the task
 * is set due now (ManagementService.setJobDuedate), so the escalation ladder runs for real.
 * Registration times are real too: everything lands in the current month.
 */
@Component
@ConditionalOnExpression("${onedoor.demo.enabled:false} and ${onedoor.demo.load-cases:0} > 0")
class DemoCaseLoader {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCaseLoader.class);
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";
  private static final String[][] PLACES = {
    {"511725104", "511725104001"},
    {"511725104", "511725104002"},
    {"511725103", "511725103001"},
    {"511725112", "511725112001"}
  };
  private static final String[][] DISPUTES = {
    {"NEIGHBOUR", "相邻通行纠纷，双方因院坝出入发生争执"}, {"FAMILY", "赡养费分担纠纷"}, {"DEBT", "民间借款到期未还"},
    {"LAND_USE", "宅基地边界纠纷"}, {"LABOUR", "工资结算纠纷"}, {"TRAFFIC", "电动车与行人碰擦，协商赔偿"},
    {"CONSUMER", "购买农资质量纠纷"}, {"PROPERTY_MANAGEMENT", "物业费与漏水维修纠纷"}, {"CONTRACT", "房屋装修合同纠纷"},
    {"NEIGHBOUR", "噪音扰邻纠纷"}
  };

  /** What happens to a case after registration, by its number; see the class comment. */
  enum Fate {
    ON_TIME,
    DUE_SOON,
    OVERDUE,
    ORDERED,
    ORDER_LATE,
    SETTLED,
    TO_COURT
  }

  private static final Fate[] PATTERN = {
    Fate.ON_TIME,
    Fate.OVERDUE,
    Fate.SETTLED,
    Fate.DUE_SOON,
    Fate.ON_TIME,
    Fate.OVERDUE,
    Fate.SETTLED,
    Fate.ORDERED,
    Fate.TO_COURT,
    Fate.ON_TIME,
    Fate.SETTLED,
    Fate.OVERDUE,
    Fate.DUE_SOON,
    Fate.ORDER_LATE,
    Fate.SETTLED,
    Fate.ON_TIME,
    Fate.OVERDUE,
    Fate.TO_COURT,
    Fate.SETTLED,
    Fate.DUE_SOON
  };

  private final Intake intake;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final SupervisionOrders orders;
  private final CaseAccess caseAccess;
  private final Clock clock;
  private final int count;
  private final PrintStream console = System.out;

  DemoCaseLoader(
      Intake intake,
      TaskService taskService,
      ManagementService managementService,
      RuntimeService runtimeService,
      IdentityService identityService,
      SupervisionOrders orders,
      CaseAccess caseAccess,
      Clock clock,
      @Value("${onedoor.demo.load-cases}") int count) {
    this.intake = intake;
    this.taskService = taskService;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.orders = orders;
    this.caseAccess = caseAccess;
    this.clock = clock;
    this.count = count;
  }

  /** In the background: the application is usable while the cases arrive. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(100)
  void loadInTheBackground() {
    Thread loader = new Thread(this::load, "demo-case-loader");
    loader.setDaemon(true);
    loader.start();
  }

  void load() {
    // the demo people are created by another start-up listener; the window officer must exist to
    // register
    for (int tries = 0;
        tries < 300 && identityService.createUserQuery().userId("intake").count() == 0;
        tries++) {
      pause();
    }
    console.printf("%n演示数据：登记 %d 件案件并推进到各种状态（--onedoor.demo.load-cases）%n", count);
    List<String> codes = new ArrayList<>();
    long seed = clock.instant().getEpochSecond() % 100000;
    for (int i = 0; i < count; i++) {
      codes.add(intake.register(request(i, seed), null, "intake").caseCode());
      progress("登记", i + 1, count);
    }
    int failed = 0;
    Map<Fate, Integer> done = new HashMap<>();
    for (int i = 0; i < codes.size(); i++) {
      // not i % 20 alone: with four places every fifth case of a place would share a fate
      Fate fate = PATTERN[(i + i / PLACES.length) % PATTERN.length];
      try {
        handle(codes.get(i), fate);
        done.merge(fate, 1, Integer::sum);
      } catch (RuntimeException notThisOne) {
        failed++;
        LOG.warn(
            "Demo case {} ({}) could not be advanced: {}",
            codes.get(i),
            fate,
            notThisOne.getMessage());
      }
      progress("推进", i + 1, codes.size());
    }
    console.printf(
        "演示数据已就绪：%s%s。督办页面：/supervision/（countysupervisor / demo）%n",
        done, failed == 0 ? "" : "，" + failed + " 件未能推进（见日志）");
  }

  private void handle(String caseCode, Fate fate) {
    Task first = awaitTask(caseCode, null);
    Instant now = clock.instant();
    switch (fate) {
      case ON_TIME -> {}
      case DUE_SOON ->
          taskService.setDueDate(first.getId(), Date.from(now.plus(Duration.ofHours(20))));
      case OVERDUE -> overdue(first, now, 1 + caseCode.hashCode() % 5);
      case ORDERED, ORDER_LATE -> {
        overdue(first, now, 3);
        SupervisionScope county =
            SupervisionScope.of(caseAccess.areaOf("countysupervisor")).orElseThrow();
        orders.issue(caseCode, "请于三个工作日内组织调解并书面报告进展", 3, county);
        if (fate == Fate.ORDER_LATE) {
          // the answer deadline has "passed": its timer fires now and the county leaders are asked
          // to press
          fireTimer(caseCode, "BoundaryEvent_AnswerOverdue");
        }
      }
      case SETTLED -> {
        if ("Task_RecordConsent".equals(first.getTaskDefinitionKey())) {
          taskService.complete(first.getId(), Map.of("partiesConsent", "YES"));
          Task mediate = awaitTask(caseCode, "Task_Mediate");
          taskService.complete(
              mediate.getId(),
              Map.of("mediationResult", "PERFORMED", "sessionNote", "双方当场达成一致并履行"));
          Task closure = awaitTask(caseCode, "Task_RecordClosure");
          taskService.complete(
              closure.getId(),
              Map.of(
                  "closureReason",
                  "PERFORMED",
                  "satisfaction",
                  5,
                  "closureSummary",
                  "当场调解成功并履行完毕"));
        }
      }
      case TO_COURT -> {
        if ("Task_RecordConsent".equals(first.getTaskDefinitionKey())) {
          taskService.complete(first.getId(), Map.of("partiesConsent", "NO"));
        }
        Task inform = awaitTask(caseCode, "Task_InformRoutes");
        taskService.complete(
            inform.getId(), Map.of("nextRoute", "LITIGATION", "informNote", "当事人拟向法院起诉"));
        Task aid = awaitTask(caseCode, "Task_PrepareLegalAidApplication");
        taskService.complete(
            aid.getId(),
            Map.of(
                "applicantCategory",
                "NONE",
                "aidMatter",
                "LABOUR_REMUNERATION",
                "monthlyIncomePerCapita",
                5000,
                "papersComplete",
                true,
                "urgent",
                false));
        // Not eligible: the refusal is written with its reasons (法律援助法 art 43), no objection.
        Task refusal = awaitTask(caseCode, "Task_WriteRefusalDecision");
        taskService.complete(
            refusal.getId(), Map.of("legalAidRefusalReasons", "家庭人均月收入高于本省经济困难标准，当事人自行委托代理"));
        Task objection = awaitTask(caseCode, "Task_RecordObjection");
        taskService.complete(objection.getId(), Map.of("objects", false));
      }
      default -> throw new IllegalStateException(fate.name());
    }
  }

  /**
   * Due some days ago, and the task's overdue timer fires now: the ladder raises its chase-up for
   * real.
   */
  private void overdue(Task task, Instant now, int daysAgo) {
    taskService.setDueDate(
        task.getId(), Date.from(now.minus(Duration.ofDays(Math.max(1, Math.abs(daysAgo))))));
    String boundary = ProcessModels.overdueTimerOf(task.getTaskDefinitionKey());
    managementService
        .createJobQuery()
        .processInstanceId(task.getProcessInstanceId())
        .activityId(boundary)
        .list()
        .forEach(job -> managementService.setJobDuedate(job.getId(), Date.from(now)));
  }

  private void fireTimer(String caseCode, String activityId) {
    for (int tries = 0; tries < 100; tries++) {
      List<Job> jobs =
          runtimeService
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(caseCode)
              .list()
              .stream()
              .flatMap(
                  instance ->
                      managementService
                          .createJobQuery()
                          .processInstanceId(instance.getId())
                          .activityId(activityId)
                          .list()
                          .stream())
              .toList();
      if (!jobs.isEmpty()) {
        jobs.forEach(
            job -> managementService.setJobDuedate(job.getId(), Date.from(clock.instant())));
        return;
      }
      pause();
    }
  }

  /**
   * The case's task with this key (or its first task), once the job executor has brought the case
   * there.
   */
  private Task awaitTask(String caseCode, String taskKey) {
    for (int tries = 0; tries < 300; tries++) {
      var query = taskService.createTaskQuery().processInstanceBusinessKey(caseCode);
      if (taskKey != null) {
        query.taskDefinitionKey(taskKey);
      } else {
        query.processDefinitionKeyIn(
            ProcessModels.DISPUTE_CASE, "case-routing", "mediation", "joint-handling");
      }
      Optional<Task> task = query.list().stream().findFirst();
      if (task.isPresent()) {
        return task.get();
      }
      pause();
    }
    throw new IllegalStateException("no task " + (taskKey == null ? "" : taskKey) + " after 60 s");
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void progress(String step, int done, int total) {
    int width = 30;
    int filled = total == 0 ? width : done * width / total;
    console.printf(
        "\r%s [%s%s] %d/%d", step, "#".repeat(filled), ".".repeat(width - filled), done, total);
    if (done == total) {
      console.println();
    }
    console.flush();
  }

  private IntakeRequest request(int i, long seed) {
    String[] place = PLACES[i % PLACES.length];
    String[] dispute = DISPUTES[(i / PLACES.length) % DISPUTES.length];
    int person = (int) ((seed * 7 + i * 2L) % 900000);
    LocalDate occurred =
        LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).minusDays(1 + i % 20);
    return new IntakeRequest(
        "WINDOW",
        null,
        i % 3 == 0 ? "TOWN" : "VILLAGE",
        place[0],
        place[1],
        "intake",
        dispute[0],
        dispute[1] + "（演示）",
        BigDecimal.valueOf(1000L + (i * 937L) % 50000),
        occurred.toString(),
        2,
        true,
        new IntakeRequest.Flags(false, false, false, false, "NONE"),
        List.of(
            new IntakeRequest.Party(
                "APPLICANT",
                "PERSON",
                "演示申请人" + i,
                residentId(person),
                null,
                "139" + String.format("%08d", person)),
            new IntakeRequest.Party(
                "RESPONDENT", "PERSON", "演示被申请人" + i, residentId(person + 1), null, null)));
  }

  /** A valid GB 11643 number for a demo person born in 渠县. */
  private static String residentId(int n) {
    String body =
        "511725"
            + LocalDate.of(1970, 1, 1)
                .plusDays(n / 1000)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
            + String.format("%03d", n % 1000);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return body + CHECK.charAt(sum % 11);
  }
}
