package cn.onedoor.migration;

import cn.onedoor.web.InvalidParam;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;

/**
 * Running cases moved to a newer version of their process (Camunda 7's community Cockpit has no
 * migration screen). The plan is always the engine's own: {@code mapEqualActivities()} (activities
 * with the same id in both versions) with {@code updateEventTriggers()}, so that a timer or message
 * whose definition changed in the new version is rescheduled or resubscribed as the new version
 * says. What the designer sees is counts and the engine's reasons, never a case code (a designer
 * reads no case data, docs/who-sees-what.md); the process instance ids in a dry run are opaque and
 * open nothing for a designer.
 */
@Service
public class ProcessMigrations {

  /** One version of a process and how many cases run on it. */
  public record Version(int version, String definitionId, long running) {}

  /** A process with its versions that have running cases, and its latest version. */
  public record ProcessVersions(
      String key, String name, int latestVersion, long onOlderVersions, List<Version> versions) {}

  /** One activity of the source version and where the plan sends it. */
  public record Mapping(String sourceActivityId, String targetActivityId) {}

  /** Cases that cannot move for one reason, at one activity (or the case as a whole). */
  public record Obstacle(
      String activityId, String reason, long cases, List<String> processInstanceIds) {}

  /**
   * What a migration would do: the plan's mappings, activities of the source with no equal in the
   * target (a case waiting there cannot move), how many cases would move and what stops the others.
   */
  public record DryRun(
      String key,
      int sourceVersion,
      int targetVersion,
      List<Mapping> mappings,
      List<String> planProblems,
      long cases,
      long migratable,
      List<Obstacle> obstacles) {}

  /** A migration batch and how far it has come. */
  public record BatchProgress(
      String batchId, String state, int totalJobs, int completedJobs, int failedJobs) {}

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  ProcessMigrations(
      RepositoryService repositoryService,
      RuntimeService runtimeService,
      ManagementService managementService,
      HistoryService historyService,
      ProcessEngineConfigurationImpl engineConfiguration) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.engineConfiguration = engineConfiguration;
  }

  /** Every deployed process, with the versions that still have running cases. */
  public List<ProcessVersions> overview() {
    Map<String, List<ProcessDefinition>> byKey = new TreeMap<>();
    repositoryService
        .createProcessDefinitionQuery()
        .list()
        .forEach(d -> byKey.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(d));
    List<ProcessVersions> result = new ArrayList<>();
    byKey.forEach(
        (key, definitions) -> {
          definitions.sort(Comparator.comparingInt(ProcessDefinition::getVersion));
          ProcessDefinition latest = definitions.get(definitions.size() - 1);
          List<Version> versions = new ArrayList<>();
          long older = 0;
          for (ProcessDefinition d : definitions) {
            long running =
                runtimeService.createProcessInstanceQuery().processDefinitionId(d.getId()).count();
            if (running > 0 || d == latest) {
              versions.add(new Version(d.getVersion(), d.getId(), running));
            }
            if (d != latest) {
              older += running;
            }
          }
          String name = latest.getName() == null ? key : latest.getName();
          result.add(new ProcessVersions(key, name, latest.getVersion(), older, versions));
        });
    return result;
  }

  /**
   * The plan from one version to another and, case by case, whether it would migrate: each case is
   * migrated in a transaction that is then rolled back, so the answer is the engine's own
   * validation of that case (the instance-level report), and nothing changes.
   */
  public DryRun dryRun(String key, Integer sourceVersion, Integer targetVersion) {
    required(key, sourceVersion, targetVersion);
    ProcessDefinition source = definition(key, sourceVersion, "sourceVersion");
    ProcessDefinition target = definition(key, targetVersion, "targetVersion");
    List<String> ids = instanceIds(source);
    MigrationPlan plan;
    try {
      plan = plan(source, target);
    } catch (MigrationPlanValidationException invalid) {
      List<String> problems = new ArrayList<>();
      for (MigrationInstructionValidationReport report :
          invalid.getValidationReport().getInstructionReports()) {
        problems.add(
            report.getMigrationInstruction().getSourceActivityId()
                + "："
                + String.join("；", report.getFailures()));
      }
      return new DryRun(
          key,
          source.getVersion(),
          target.getVersion(),
          List.of(),
          problems,
          ids.size(),
          0,
          List.of(new Obstacle(null, "迁移计划无效", ids.size(), ids)));
    }
    Map<String, Obstacle> obstacles = new LinkedHashMap<>();
    long migratable = 0;
    for (String id : ids) {
      List<String[]> failures = tryMigration(plan, id);
      if (failures.isEmpty()) {
        migratable++;
      }
      for (String[] failure : failures) {
        obstacles.merge(
            failure[0] + "\u0000" + failure[1],
            new Obstacle(failure[0], failure[1], 1, List.of(id)),
            (a, b) -> {
              List<String> both = new ArrayList<>(a.processInstanceIds());
              if (!both.contains(id)) {
                both.add(id);
              }
              return new Obstacle(a.activityId(), a.reason(), both.size(), both);
            });
      }
    }
    return new DryRun(
        key,
        source.getVersion(),
        target.getVersion(),
        mappings(plan),
        unmappedActivities(source, plan),
        ids.size(),
        migratable,
        List.copyOf(obstacles.values()));
  }

  /**
   * Starts the migration of every case on the source version as a batch (the job executor does the
   * work, a few cases per job); a case that cannot move fails its batch job with the engine's
   * reason, visible in Cockpit's batch view and in {@link #progress}.
   */
  public BatchProgress migrate(String key, Integer sourceVersion, Integer targetVersion) {
    required(key, sourceVersion, targetVersion);
    ProcessDefinition source = definition(key, sourceVersion, "sourceVersion");
    ProcessDefinition target = definition(key, targetVersion, "targetVersion");
    if (source.getVersion() >= target.getVersion()) {
      throw new InvalidMigrationException(
          List.of(new InvalidParam("targetVersion", "目标版本应高于源版本 " + source.getVersion())));
    }
    MigrationPlan plan;
    try {
      plan = plan(source, target);
    } catch (MigrationPlanValidationException invalid) {
      throw new InvalidMigrationException(
          List.of(new InvalidParam("targetVersion", "迁移计划无效：" + invalid.getMessage())));
    }
    List<String> ids = instanceIds(source);
    if (ids.isEmpty()) {
      throw new InvalidMigrationException(
          List.of(new InvalidParam("sourceVersion", "版本 " + source.getVersion() + " 上没有在办案件")));
    }
    Batch batch = runtimeService.newMigration(plan).processInstanceIds(ids).executeAsync();
    return progress(batch.getId());
  }

  /** How far a migration batch has come; a finished batch is found in history. */
  public BatchProgress progress(String batchId) {
    BatchStatistics statistics =
        managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
    if (statistics != null) {
      String state =
          statistics.getFailedJobs() > 0
              ? "FAILED_JOBS"
              : statistics.isSuspended() ? "SUSPENDED" : "RUNNING";
      return new BatchProgress(
          batchId,
          state,
          statistics.getTotalJobs(),
          statistics.getCompletedJobs(),
          statistics.getFailedJobs());
    }
    HistoricBatch done = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
    if (done == null || !Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(done.getType())) {
      throw new InvalidMigrationException(
          List.of(new InvalidParam("batchId", "没有这个迁移批次：" + batchId)));
    }
    String state = done.getEndTime() == null ? "RUNNING" : "COMPLETED";
    return new BatchProgress(batchId, state, done.getTotalJobs(), done.getTotalJobs(), 0);
  }

  /** The engine's plan: equal activities mapped, event triggers following the new version. */
  MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
    return runtimeService
        .createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities()
        .updateEventTriggers()
        .build();
  }

  private List<String[]> tryMigration(MigrationPlan plan, String processInstanceId) {
    List<String[]> failures = new ArrayList<>();
    try {
      engineConfiguration
          .getCommandExecutorTxRequiresNew()
          .execute(
              context -> {
                runtimeService.newMigration(plan).processInstanceIds(processInstanceId).execute();
                throw new RolledBack();
              });
    } catch (RolledBack migratedThenUndone) {
      // it would have moved
    } catch (MigratingProcessInstanceValidationException invalid) {
      MigratingProcessInstanceValidationReport report = invalid.getValidationReport();
      report.getFailures().forEach(f -> failures.add(new String[] {null, f}));
      for (MigratingActivityInstanceValidationReport a : report.getActivityInstanceReports()) {
        a.getFailures().forEach(f -> failures.add(new String[] {a.getSourceScopeId(), f}));
      }
      for (MigratingTransitionInstanceValidationReport t : report.getTransitionInstanceReports()) {
        t.getFailures().forEach(f -> failures.add(new String[] {t.getSourceScopeId(), f}));
      }
    } catch (RuntimeException other) {
      failures.add(new String[] {null, other.getMessage()});
    }
    return failures;
  }

  private static List<Mapping> mappings(MigrationPlan plan) {
    List<Mapping> result = new ArrayList<>();
    for (MigrationInstruction i : plan.getInstructions()) {
      result.add(new Mapping(i.getSourceActivityId(), i.getTargetActivityId()));
    }
    result.sort(Comparator.comparing(Mapping::sourceActivityId));
    return result;
  }

  /**
   * Steps of the source version where a case can wait (tasks, catches, called processes,
   * sub-processes, asynchronous steps) that have no equal in the target: cases waiting there stay.
   * Steps a case only passes through need no mapping.
   */
  private List<String> unmappedActivities(ProcessDefinition source, MigrationPlan plan) {
    var mapped =
        plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).toList();
    var model = repositoryService.getBpmnModelInstance(source.getId());
    List<String> problems = new ArrayList<>();
    model
        .getModelElementsByType(FlowNode.class)
        .forEach(
            node -> {
              boolean waits =
                  node instanceof UserTask
                      || node instanceof ReceiveTask
                      || node instanceof CallActivity
                      || node instanceof SubProcess
                      || node instanceof IntermediateCatchEvent
                      || node instanceof EventBasedGateway
                      || node.isCamundaAsyncBefore()
                      || node.isCamundaAsyncAfter();
              if (waits && !(node instanceof StartEvent) && !mapped.contains(node.getId())) {
                problems.add(node.getId() + "：新版本中没有同名（同 id）的环节，停在此处的案件无法迁移");
              }
            });
    problems.sort(String::compareTo);
    return problems;
  }

  private List<String> instanceIds(ProcessDefinition source) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionId(source.getId())
        .orderByProcessInstanceId()
        .asc()
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .toList();
  }

  /** Every missing field named at once. */
  private static void required(String key, Integer sourceVersion, Integer targetVersion) {
    List<InvalidParam> problems = new ArrayList<>();
    if (key == null || key.isBlank()) {
      problems.add(new InvalidParam("processKey", "请填写流程标识（如 mediation）"));
    }
    if (sourceVersion == null || sourceVersion < 1) {
      problems.add(new InvalidParam("sourceVersion", "请填写版本号（正整数）"));
    }
    if (targetVersion == null || targetVersion < 1) {
      problems.add(new InvalidParam("targetVersion", "请填写版本号（正整数）"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidMigrationException(problems);
    }
  }

  private ProcessDefinition definition(String key, Integer version, String field) {
    List<InvalidParam> problems = new ArrayList<>();
    if (key == null || key.isBlank()) {
      problems.add(new InvalidParam("processKey", "请填写流程标识（如 mediation）"));
    }
    if (version == null || version < 1) {
      problems.add(new InvalidParam(field, "请填写版本号（正整数）"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidMigrationException(problems);
    }
    ProcessDefinition definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .processDefinitionVersion(version)
            .singleResult();
    if (definition == null) {
      boolean known =
          repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0;
      throw new InvalidMigrationException(
          List.of(
              known
                  ? new InvalidParam(field, "流程 " + key + " 没有版本 " + version)
                  : new InvalidParam("processKey", "没有这个流程：" + key)));
    }
    return definition;
  }

  /** Thrown inside the dry run's transaction to undo a migration that succeeded. */
  private static final class RolledBack extends RuntimeException {
    RolledBack() {
      super("dry run", null, false, false);
    }
  }
}
