package cn.onedoor.migration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.chain.PathTest;
import cn.onedoor.migration.ProcessMigrations.BatchProgress;
import cn.onedoor.migration.ProcessMigrations.DryRun;
import cn.onedoor.supervision.SupervisionOrders;
import cn.onedoor.supervision.SupervisionScope;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every process of {@code processes/} with a case waiting at each of its wait states ({@link
 * WaitStates}), a changed version deployed ({@link ChangedVersion}: a task renamed, a step added, a
 * gateway changed), the dry run, the migration as a batch, and each case driven to its end on the
 * new version ({@link CaseDriver}).
 *
 * <p>The variables of a case waiting at a step are those a real case had there: the test first
 * drives registered cases down many paths (each form's options taken in turn) and keeps, per
 * process and step, the variables of the first case seen waiting there. A wait state no path
 * reached is started directly before it with the variables of the nearest reached wait state before
 * it in the diagram ({@link #nearestReached}) plus what the step reads that those lack ({@link
 * #READ_BY_STEP}); {@link #NOT_STARTED} lists, with why, the wait states that cannot be started
 * meaningfully on their own (docs/migrations.md).
 *
 * <p>Its own application context (the property below): the changed versions must never be what
 * another test's case calls.
 */
@TestPropertySource(properties = "onedoor.test.context=process-migration")
class ProcessMigrationTest extends PathTest {

  /**
   * Processes not covered yet, with why (docs/migrations.md): the generic driver cannot finish them
   * or cannot place a case in them.
   */
  static final Map<String, String> REMAINING = Map.of();

  /**
   * Wait states ("process/activity") not started on their own, with why (docs/migrations.md). A
   * joining parallel gateway is never started alone (it would wait for branches it does not have).
   */
  static final Map<String, String> NOT_STARTED = Map.of();

  /**
   * What a step started directly reads that the nearest reached step's case did not have yet: the
   * moments petition-handling records when a flow is taken (its deadlines count from them), and the
   * county justice bureau's review that its message brings to representation's gateway.
   */
  static final Map<String, Map<String, Object>> READ_BY_STEP =
      Map.of(
          "petition-handling",
          Map.of(
              "opinionIssuedAt", Date.from(MONDAY_MORNING.toInstant()),
              "reviewRequestedAt", Date.from(MONDAY_MORNING.toInstant()),
              "reviewAnsweredAt", Date.from(MONDAY_MORNING.toInstant()),
              "reexaminationRequestedAt", Date.from(MONDAY_MORNING.toInstant())),
          "representation",
          Map.of("objectionReview", "KEEP", "legalAidRefusalKind", "REFUSAL"));

  /** process key → activity id → the variables of the first case seen waiting there. */
  private static Map<String, Map<String, Map<String, Object>>> seen;

  /**
   * process key → activity id → that first case's code (its registered facts are in dispute_case).
   */
  private static Map<String, Map<String, String>> seenCase;

  /**
   * The registered facts call activities read from the registry rather than from variables
   * (casefile/CaseFacts): a case placed at a step gets those of the case seen there, so a stage
   * started from it is routed as that case was (a group dispute still waits in joint handling).
   */
  static final List<String> REGISTERED_FACTS =
      List.of(
          "source",
          "dispute_type",
          "summary",
          "amount",
          "report_level",
          "party_count",
          "town_code",
          "injury",
          "violence",
          "crime_suspected",
          "government_body_party",
          "accepted_elsewhere",
          "consent_to_mediation");

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Autowired ProcessMigrations migrations;
  @Autowired RepositoryService repositoryService;
  @Autowired SupervisionOrders supervisionOrders;

  static Stream<String> processes() throws Exception {
    List<String> keys = new ArrayList<>();
    try (var files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File(file.toString()));
        model.getModelElementsByType(Process.class).stream()
            .filter(Process::isExecutable)
            .forEach(p -> keys.add(p.getId()));
      }
    }
    // -Dmigration.process=mediation: one process only, while changing this test
    String only = System.getProperty("migration.process");
    return keys.stream().filter(k -> only == null || only.equals(k));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void casesAtEveryWaitStateMoveToTheChangedVersionAndFinishThere(String key) throws Exception {
    Assumptions.assumeFalse(REMAINING.containsKey(key), () -> key + ": " + REMAINING.get(key));
    explore();
    ProcessDefinition old = latest(key);
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(old.getId());
    CaseDriver driver = new CaseDriver(this, runtimeService, taskService, managementService);
    Map<String, Map<String, Object>> reached = seen.getOrDefault(key, Map.of());
    List<String> waitStates = WaitStates.of(model);
    List<String> notReached = waitStates.stream().filter(w -> !reached.containsKey(w)).toList();
    System.out.println("migration " + key + ": not reached by exploring " + notReached);
    // a join (parallel gateway with several ways in) waits for its other branches: a case started
    // before it alone would wait forever, so the cases waiting there are not started on their own
    // a wait state no exploring case reached is started directly before it, with the variables of
    // the nearest reached wait state before it in the diagram (NOT_STARTED lists those that cannot)
    Map<String, Map<String, Object>> variablesAt = new LinkedHashMap<>();
    Map<String, String> likeCase = new HashMap<>();
    for (String w : waitStates) {
      if (isJoin(model, w) || NOT_STARTED.containsKey(key + "/" + w)) {
        continue;
      }
      String from = reached.containsKey(w) ? w : nearestReached(model, w, reached.keySet());
      if (from != null) {
        Map<String, Object> variables = new HashMap<>(reached.get(from));
        if (!reached.containsKey(w)) {
          READ_BY_STEP.getOrDefault(key, Map.of()).forEach(variables::putIfAbsent);
        }
        variablesAt.put(w, variables);
        String seenCode = seenCase.getOrDefault(key, Map.of()).get(from);
        if (seenCode != null) {
          likeCase.put(w, seenCode);
        }
      }
    }
    List<String> movable = new ArrayList<>(variablesAt.keySet());
    Assumptions.assumeFalse(
        movable.isEmpty(),
        "no exploring case reached a wait state of " + key + ": not covered yet");
    List<String> uncovered = waitStates.stream().filter(w -> !variablesAt.containsKey(w)).toList();
    System.out.println(
        "migration "
            + key
            + ": "
            + movable.size()
            + " of "
            + waitStates.size()
            + " wait states covered ("
            + movable.stream().filter(w -> !reached.containsKey(w)).count()
            + " started directly), not covered "
            + uncovered);
    List<String> caseCodes = new ArrayList<>();
    movable.forEach(w -> caseCodes.add(registeredLike(likeCase.get(w))));
    Map<String, String> caseAt = new LinkedHashMap<>();
    try {
      for (int i = 0; i < movable.size(); i++) {
        String activityId = movable.get(i);
        caseAt.put(
            activityId,
            driver.startAt(old, activityId, caseCodes.get(i), variablesAt.get(activityId)));
      }
    } catch (RuntimeException | AssertionError cannotStart) {
      deleteAllCases("could not start"); // else the next process's test runs these cases' jobs
      throw cannotStart;
    }

    Deployment changed = deployChanged(key, model);
    try {
      ProcessDefinition next = latest(key);
      assertThat(next.getVersion()).isGreaterThan(old.getVersion());

      DryRun dryRun = migrations.dryRun(key, old.getVersion(), next.getVersion());
      assertThat(dryRun.obstacles()).as("what cannot move, in %s", key).isEmpty();
      assertThat(dryRun.migratable()).isEqualTo(dryRun.cases()).isEqualTo(caseAt.size());
      assertThat(dryRun.planProblems()).as("activities of %s without an equal", key).isEmpty();
      assertThat(
              runtimeService.createProcessInstanceQuery().processDefinitionId(old.getId()).count())
          .as("the dry run changed nothing")
          .isEqualTo(caseAt.size());

      BatchProgress started = migrations.migrate(key, old.getVersion(), next.getVersion());
      assertThat(started.state()).isEqualTo("RUNNING");
      runBatch(started.batchId());
      assertThat(migrations.progress(started.batchId()).state()).isEqualTo("COMPLETED");
      for (Map.Entry<String, String> waiting : caseAt.entrySet()) {
        ProcessInstance moved =
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(waiting.getValue())
                .singleResult();
        assertThat(moved.getProcessDefinitionId())
            .as("case waiting at %s moved", waiting.getKey())
            .isEqualTo(next.getId());
        assertThat(activities(waiting.getValue()))
            .as("case moved with its place")
            .contains(waiting.getKey());
      }

      driver.driveAllToTheirEnd(0, 40 * caseAt.size() + 40, () -> {});
      for (Map.Entry<String, String> waiting : caseAt.entrySet()) {
        HistoricProcessInstance done =
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(waiting.getValue())
                .singleResult();
        assertThat(done.getEndTime()).as("case from %s ended", waiting.getKey()).isNotNull();
        assertThat(done.getProcessDefinitionId()).isEqualTo(next.getId());
      }
    } finally {
      deleteAllCases("test over");
      repositoryService.deleteDeployment(changed.getId(), true, true);
    }
  }

  /**
   * Cases down many paths (three kinds of registration, each form's options in turn) on the
   * deployed models, keeping the variables of the first case seen at each step.
   */
  private void explore() throws Exception {
    if (seen != null) {
      return;
    }
    Map<String, Map<String, Map<String, Object>>> found = new TreeMap<>();
    Map<String, Map<String, String>> foundCase = new TreeMap<>();
    CaseDriver driver = new CaseDriver(this, runtimeService, taskService, managementService);
    Runnable watcher =
        () -> {
          for (ProcessInstance p : runtimeService.createProcessInstanceQuery().list()) {
            String key =
                repositoryService.getProcessDefinition(p.getProcessDefinitionId()).getKey();
            Map<String, Map<String, Object>> byActivity =
                found.computeIfAbsent(key, k -> new TreeMap<>());
            for (String activity : activities(p.getId())) {
              if (!byActivity.containsKey(activity)) {
                byActivity.put(activity, new HashMap<>(runtimeService.getVariables(p.getId())));
                if (p.getBusinessKey() != null) {
                  foundCase
                      .computeIfAbsent(key, k -> new TreeMap<>())
                      .put(activity, p.getBusinessKey());
                }
              }
            }
          }
        };
    List<Map<String, Object>> registrations = new ArrayList<>();
    registrations.add(villageNeighbourDispute());
    Map<String, Object> noConsent = villageNeighbourDispute();
    noConsent.put("consentToMediation", false);
    registrations.add(noConsent);
    Map<String, Object> labour = villageNeighbourDispute();
    labour.put("disputeType", "LABOUR");
    labour.put("amount", 80000);
    labour.put("level", "COUNTY");
    registrations.add(labour);
    // a group dispute over land use: routed to joint handling (联合接访、联合调处)
    Map<String, Object> group = villageNeighbourDispute();
    group.put("disputeType", "LAND_USE");
    group.put("partyCount", 12);
    registrations.add(group);
    // a quarrel at a market that came to blows: transferred to the police (chain.PolicePathsTest)
    Map<String, Object> publicOrder = villageNeighbourDispute();
    publicOrder.put("level", "TOWN");
    publicOrder.put("townCode", "511725103");
    publicOrder.put("villageCode", null);
    publicOrder.put("disputeType", "PUBLIC_SECURITY");
    publicOrder.put("summary", "赶场时口角推搡，一方眼镜损坏");
    registrations.add(publicOrder);
    // the first kind of case with every option of the forms in turn (six at most), the others
    // with two; then the first again with nobody working in time
    List<int[]> runs = new ArrayList<>();
    for (int choice = 0; choice < 6; choice++) {
      runs.add(new int[] {0, choice, 0});
    }
    for (int kind = 1; kind < registrations.size(); kind++) {
      runs.add(new int[] {kind, 0, 0});
      runs.add(new int[] {kind, 3, 0});
    }
    runs.add(new int[] {0, 0, 1});
    runs.add(new int[] {0, 3, 1});
    for (int[] run : runs) {
      ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
      try {
        register(registrations.get(run[0]));
        driver.driveAllToTheirEnd(run[1], 60, watcher, run[2] == 1);
      } catch (RuntimeException | AssertionError offThePath) {
        // a path the generic driver cannot finish: what it reached until then still counts
        String why = String.valueOf(offThePath.getMessage());
        System.out.println(
            "exploring "
                + java.util.Arrays.toString(run)
                + " stopped: "
                + why.substring(0, Math.min(400, why.length())));
      }
      deleteAllCases("explored");
    }
    // a petition forwarded by the county 信访局 (chain.PetitionPathsTest)
    for (int choice : new int[] {0, 3}) {
      ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
      try {
        intake.register(cn.onedoor.chain.PetitionPathsTest.petition(), null, "gateway");
        runJobs();
        driver.driveAllToTheirEnd(choice, 60, watcher, false);
      } catch (RuntimeException | AssertionError offThePath) {
        String why = String.valueOf(offThePath.getMessage());
        System.out.println(
            "exploring petition stopped: " + why.substring(0, Math.min(400, why.length())));
      }
      deleteAllCases("explored");
    }
    // a county supervisor's order (督办令) from the supervisors' page on a registered case, as
    // SupervisionOrders.issue starts it: answered in time, and left until its answer is overdue
    for (boolean late : new boolean[] {false, true}) {
      ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
      try {
        String caseCode = register(villageNeighbourDispute());
        SupervisionOrders.Issued order =
            supervisionOrders.issue(
                caseCode,
                "请于三个工作日内书面答复调处进展",
                3,
                new SupervisionScope("county-supervisor", null, "COUNTY"));
        deleteCase(caseCode, "dispute-case"); // only the order is driven
        watcher.run();
        if (late) {
          moveClockTo(order.answerDue().toInstant().plusSeconds(60).atOffset(ZoneOffset.UTC));
        }
        driver.driveAllToTheirEnd(0, 60, watcher, false);
      } catch (RuntimeException | AssertionError offThePath) {
        String why = String.valueOf(offThePath.getMessage());
        System.out.println(
            "exploring supervision order stopped: "
                + why.substring(0, Math.min(400, why.length())));
      }
      deleteAllCases("explored");
    }
    // a holiday notice moved a party's next deadline: the SMS sent from the engine, started as
    // DeadlineRecalculation.tellParties starts it (nextDeadline, noticeYears)
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
    try {
      String caseCode = register(villageNeighbourDispute());
      deleteCase(caseCode, "dispute-case");
      runtimeService
          .createProcessInstanceByKey("deadline-moved-notice")
          .businessKey(caseCode)
          .setVariable("nextDeadline", Date.from(MONDAY_MORNING.plusDays(12).toInstant()))
          .setVariable("noticeYears", "2027年")
          .execute();
      driver.driveAllToTheirEnd(0, 60, watcher, false);
    } catch (RuntimeException | AssertionError offThePath) {
      String why = String.valueOf(offThePath.getMessage());
      System.out.println(
          "exploring deadline-moved-notice stopped: "
              + why.substring(0, Math.min(400, why.length())));
    }
    deleteAllCases("explored");
    // a stage no registered case reached on these paths, started on its own as the chain tests
    // do (startStage), with a village case's unit codes
    for (String key : processes().toList()) {
      if (found.containsKey(key)) {
        continue;
      }
      for (int[] run : List.of(new int[] {0, 0}, new int[] {3, 1})) {
        ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
        try {
          Map<String, Object> variables = villageCase();
          variables.put("summary", "相邻通行纠纷");
          startStage(key, variables);
          driver.driveAllToTheirEnd(run[0], 60, watcher, run[1] == 1);
        } catch (RuntimeException | AssertionError offThePath) {
          String why = String.valueOf(offThePath.getMessage());
          System.out.println(
              "exploring stage "
                  + key
                  + " stopped: "
                  + why.substring(0, Math.min(400, why.length())));
        }
        deleteAllCases("explored");
      }
    }
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
    seen = found;
    seenCase = foundCase;
    found.forEach((k, v) -> System.out.println("explored " + k + ": " + v.keySet()));
  }

  /**
   * The changed diagram deployed as a designer must deploy it: together with what it binds by
   * deployment (calledElementBinding / decisionRefBinding "deployment"), i.e. the decision tables
   * of decisions/ and the diagrams it calls, and what those call, as they are.
   */
  private Deployment deployChanged(String key, BpmnModelInstance model) {
    var deployment =
        repositoryService
            .createDeployment()
            .name(key + " changed for migration test")
            .addModelInstance(key + ".bpmn", ChangedVersion.of(model));
    try (var dmns = Files.list(Path.of("decisions"))) {
      for (Path dmn : dmns.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
        deployment.addString(dmn.getFileName().toString(), Files.readString(dmn));
      }
      java.util.Set<String> called = new java.util.TreeSet<>();
      java.util.Deque<BpmnModelInstance> toVisit = new java.util.ArrayDeque<>(List.of(model));
      while (!toVisit.isEmpty()) {
        for (CallActivity call : toVisit.pop().getModelElementsByType(CallActivity.class)) {
          String calledKey = call.getCalledElement();
          if (!calledKey.equals(key) && called.add(calledKey)) {
            Path file = Path.of("processes", calledKey + ".bpmn");
            deployment.addString(file.getFileName().toString(), Files.readString(file));
            toVisit.push(Bpmn.readModelFromFile(file.toFile()));
          }
        }
      }
    } catch (java.io.IOException unreadable) {
      throw new AssertionError("processes/ or decisions/ unreadable", unreadable);
    }
    return deployment.deploy();
  }

  /**
   * The reached wait state a case passes last before {@code activityId}: walked back along the
   * diagram's flows (a boundary event back to the step it is attached to, a sub-process's start
   * back to the sub-process), the first step some exploring case waited at. A case started at an
   * unreached step gets that case's variables, as it would have had them on the way there.
   */
  static String nearestReached(
      BpmnModelInstance model, String activityId, java.util.Set<String> reached) {
    java.util.Deque<org.camunda.bpm.model.bpmn.instance.FlowNode> toVisit =
        new java.util.ArrayDeque<>();
    java.util.Set<String> visited = new java.util.HashSet<>();
    toVisit.add(model.getModelElementById(activityId));
    while (!toVisit.isEmpty()) {
      org.camunda.bpm.model.bpmn.instance.FlowNode node = toVisit.poll();
      if (node == null || !visited.add(node.getId())) {
        continue;
      }
      if (!node.getId().equals(activityId) && reached.contains(node.getId())) {
        return node.getId();
      }
      for (org.camunda.bpm.model.bpmn.instance.SequenceFlow in : node.getIncoming()) {
        toVisit.add(in.getSource());
      }
      if (node instanceof org.camunda.bpm.model.bpmn.instance.BoundaryEvent boundary) {
        toVisit.add(boundary.getAttachedTo());
      }
      if (node.getIncoming().isEmpty()
          && node.getParentElement()
              instanceof org.camunda.bpm.model.bpmn.instance.SubProcess sub) {
        toVisit.add(sub);
      }
    }
    return reached.stream().sorted().findFirst().orElse(null);
  }

  private static boolean isJoin(BpmnModelInstance model, String activityId) {
    return model.getModelElementById(activityId)
            instanceof org.camunda.bpm.model.bpmn.instance.ParallelGateway join
        && join.getIncoming().size() > 1;
  }

  private void deleteCase(String caseCode, String processKey) {
    runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseCode)
        .processDefinitionKey(processKey)
        .list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "not driven", true, true));
  }

  /**
   * A new case with the registered facts of {@code seenCode} (a neighbours' dispute without one).
   */
  private String registeredLike(String seenCode) {
    String caseCode = register(villageNeighbourDispute());
    if (seenCode != null) {
      for (String fact : REGISTERED_FACTS) {
        jdbc.update(
            "update dispute_case set "
                + fact
                + " = (select seen."
                + fact
                + " from dispute_case seen where seen.case_code = ?) where case_code = ?",
            seenCode,
            caseCode);
      }
    }
    return caseCode;
  }

  private void deleteAllCases(String reason) {
    runtimeService
        .createProcessInstanceQuery()
        .rootProcessInstances()
        .list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), reason, true, true));
  }

  /** Where a case is: its activities, and the steps whose job waits (async before). */
  private List<String> activities(String processInstanceId) {
    List<String> ids = new ArrayList<>();
    ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
    if (tree != null) {
      collect(tree, ids);
    }
    return ids;
  }

  private static void collect(ActivityInstance instance, List<String> ids) {
    ids.add(instance.getActivityId().replace("#multiInstanceBody", ""));
    for (TransitionInstance t : instance.getChildTransitionInstances()) {
      ids.add(t.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, ids);
    }
  }

  private ProcessDefinition latest(String key) {
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult();
  }

  /** The batch's own jobs (seed, migration, monitor), as the job executor would run them. */
  private void runBatch(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    List<String> definitions =
        List.of(
            batch.getSeedJobDefinitionId(),
            batch.getBatchJobDefinitionId(),
            batch.getMonitorJobDefinitionId());
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = new ArrayList<>();
      for (String definition : definitions) {
        jobs.addAll(managementService.createJobQuery().jobDefinitionId(definition).list());
      }
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("the migration batch does not finish");
  }

  /** For the driver: the chain test's job runner, clock and today's date in the county. */
  void runDueJobs() {
    runJobs();
  }

  void moveClock(OffsetDateTime time) {
    moveClockTo(time);
  }

  LocalDate countyToday() {
    return ClockUtil.getCurrentTime()
        .toInstant()
        .atZone(java.time.ZoneId.of("Asia/Shanghai"))
        .toLocalDate();
  }
}
