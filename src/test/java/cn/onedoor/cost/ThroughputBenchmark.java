package cn.onedoor.cost;

import cn.onedoor.chain.ChainTest;
import cn.onedoor.support.ExternalSystemsAtTheWire;
import cn.onedoor.support.Http;
import cn.onedoor.support.PostgresTestDatabase;
import cn.onedoor.support.SignedCallbacks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How many cases per second the application closes and what each costs in CPU (issue #15 item 5). N
 * workers, each a thread playing the people and systems of one case at a time, work cases of the
 * agreement path over HTTP against the application on embedded PostgreSQL <b>with its real job
 * executor</b>: async steps and timers run on the executor's threads as in production, nothing is
 * run by the driver. Per worker count it reports closed cases per second, p50/p95/p99 per request
 * type, how long a case took from registration to closure, the job executor's metrics, and CPU
 * seconds per closed case of the application's JVM (less the driver's and WireMock's threads) and
 * of the PostgreSQL server's processes.
 *
 * <p>The path is the cost benchmark's agreement path (consent, written agreement, judicial
 * confirmation applied for, accepted and ruled valid, follow-up visit, closed) in today's time: the
 * agreement is dated yesterday and due yesterday, so the follow-up timer ({@code
 * TimerEvent_PerformanceDue}) is due as soon as it is created and the job executor fires it; no
 * clock is moved (the engine clock is global and would jump for every worker's case at once).
 *
 * <p>Not part of {@code ./mvnw verify}; the job executor's settings are the application's unless
 * given as system properties (Spring Boot reads them over application.yaml):
 *
 * <pre>
 * ./mvnw -Dtest=ThroughputBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dload.workers=1,2,4,8 -Dload.cases=20 \
 *   -Dcamunda.bpm.job-execution.core-pool-size=2 -Dcamunda.bpm.job-execution.max-jobs-per-acquisition=3 test
 * </pre>
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // The test profile turns the executor off so that tests are deterministic; here it is the
    // point.
    properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles("test")
@Import({PostgresTestDatabase.class, ThroughputBenchmark.PooledConnections.class})
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ThroughputBenchmark {

  /**
   * Connections from a pool, as in production (Spring Boot's default, HikariCP with 10): the test
   * database's own data source opens a new connection, so a new PostgreSQL process, for every
   * transaction, which measured 2 s of database CPU per case, nearly all of it starting processes.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class PooledConnections {
    @Bean
    @Primary
    DataSource pooledDataSource(EmbeddedPostgres postgres) {
      HikariDataSource pool = new HikariDataSource();
      pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      pool.setUsername("postgres");
      pool.setMaximumPoolSize(Integer.getInteger("load.connections", 10));
      return pool;
    }
  }

  private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
  private static final String MEDIATOR = "villagemediator";
  private static final String COURT = "/api/callbacks/court/";

  /** Between two looks at the task list or two tries of an early callback: a busy Tasklist. */
  private static final long POLL_MILLIS = 50;

  /** A case that is not closed by then has stalled (a failed job, a lost message). */
  private static final long CASE_TIMEOUT_MILLIS = 120_000;

  static final ExternalSystemsAtTheWire externalSystems =
      ExternalSystemsAtTheWire.acceptingEverything();

  @DynamicPropertySource
  static void externalSystemsAtTheWire(DynamicPropertyRegistry registry) {
    externalSystems.pointClientsHere(registry);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired Environment environment;

  @Value("${onedoor.external-systems.court.callback-secret}")
  String courtSecret;

  private static final String WAIT =
      "(not a request) wait for the job executor before a task or callback";

  /** Latencies in nanoseconds per request type, and counters, of one measured run. */
  static final class Recorder {
    final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    final List<Long> caseMillis = Collections.synchronizedList(new ArrayList<>());

    <T> T time(String type, java.util.function.Supplier<T> request) {
      long start = System.nanoTime();
      T result = request.get();
      latencies
          .computeIfAbsent(type, t -> Collections.synchronizedList(new ArrayList<>()))
          .add(System.nanoTime() - start);
      return result;
    }

    /**
     * From the first look for a step to the step being there: how long the case waited for the job
     * executor to run the async steps and timers before it (0 when they were already done).
     */
    void waited(long since) {
      latencies
          .computeIfAbsent(WAIT, t -> Collections.synchronizedList(new ArrayList<>()))
          .add(System.nanoTime() - since);
    }

    void count(String what) {
      counts.computeIfAbsent(what, w -> new AtomicLong()).incrementAndGet();
    }
  }

  /** One worker: the intake officer, the village mediator and the court, for one case at a time. */
  final class Worker {
    final Http intake = new Http(port).as("intake", "demo");
    final Http mediator = new Http(port).as(MEDIATOR, "demo");
    final SignedCallbacks callbacks = new SignedCallbacks(port);
    final Recorder recorder;

    Worker(Recorder recorder) {
      this.recorder = recorder;
    }

    void oneCase() throws IOException, InterruptedException {
      long start = System.nanoTime();
      String yesterday = LocalDate.now(COUNTY).minusDays(1).toString();
      String caseCode = register();
      task(caseCode, "Task_RecordConsent", Map.of("partiesConsent", "YES"));
      task(
          caseCode,
          "Task_Mediate",
          Map.of(
              "mediationResult",
              "AGREEMENT_WRITTEN",
              "sessionNote",
              "双方达成书面协议",
              "agreementDate",
              yesterday,
              "performanceDueDate",
              yesterday));
      task(caseCode, "Task_DecideConfirmation", Map.of("applyForConfirmation", "YES"));
      callback(caseCode, "confirmation-accepted", Map.of());
      callback(caseCode, "confirmation-ruled", Map.of("ruling", "VALID"));
      task(caseCode, "Task_FollowUpVisit", Map.of("performed", true, "visitNote", "已按协议履行"));
      task(
          caseCode,
          "Task_RecordClosure",
          Map.of("closureReason", "CONFIRMED", "satisfaction", "5", "closureSummary", "办结"));
      awaitClosed(caseCode);
      recorder.caseMillis.add((System.nanoTime() - start) / 1_000_000);
    }

    String register() throws IOException {
      String body;
      synchronized (ThroughputBenchmark.class) {
        // Parties unique to each case: ChainTest's counter is a plain static int, not for threads.
        Map<String, Object> facts = ChainTest.villageNeighbourDispute();
        body = json.writeValueAsString(ChainTest.intakeRequest(facts));
      }
      HttpResponse<String> answer =
          recorder.time("register: POST /api/cases", () -> intake.postJson("/api/cases", body));
      HttpWork.expect(answer, 201);
      return json.readTree(answer.body()).get("caseCode").asText();
    }

    /**
     * The mediator looks at the task list until the task is there (the job executor may still be
     * running the steps before it), claims it, reads its form and submits it, as Tasklist does.
     */
    void task(String caseCode, String taskKey, Map<String, Object> form)
        throws IOException, InterruptedException {
      String query =
          "/engine-rest/task?processInstanceBusinessKey="
              + URLEncoder.encode(caseCode, StandardCharsets.UTF_8)
              + "&taskDefinitionKey="
              + taskKey;
      long deadline = System.currentTimeMillis() + CASE_TIMEOUT_MILLIS;
      long firstLook = System.nanoTime();
      String taskId = null;
      while (taskId == null) {
        HttpResponse<String> list =
            recorder.time("task list lookup: GET /engine-rest/task", () -> mediator.get(query));
        HttpWork.expect(list, 200);
        JsonNode tasks = json.readTree(list.body());
        if (tasks.size() > 0) {
          taskId = tasks.get(0).get("id").asText();
        } else if (System.currentTimeMillis() > deadline) {
          throw new AssertionError(
              "case " + caseCode + ": no " + taskKey + " after " + CASE_TIMEOUT_MILLIS + " ms");
        } else {
          recorder.count("task list lookups that found nothing yet");
          Thread.sleep(POLL_MILLIS);
        }
      }
      recorder.waited(firstLook);
      String path = "/engine-rest/task/" + taskId;
      HttpWork.expect(
          recorder.time(
              "claim: POST /engine-rest/task/{id}/claim",
              () -> mediator.postJson(path + "/claim", "{\"userId\":\"" + MEDIATOR + "\"}")),
          204);
      HttpWork.expect(
          recorder.time(
              "form read: GET /engine-rest/task/{id}/deployed-form",
              () -> mediator.get(path + "/deployed-form")),
          200);
      Map<String, Object> variables = new LinkedHashMap<>();
      form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
      String body = json.writeValueAsString(Map.of("variables", variables));
      HttpWork.expect(
          recorder.time(
              "submit: POST /engine-rest/task/{id}/submit-form",
              () -> mediator.postJson(path + "/submit-form", body)),
          204);
    }

    /**
     * The court's signed answer. Until the job executor has sent the application and the case waits
     * for the answer, our callback says 409 and the court sends it again, as it would.
     */
    void callback(String caseCode, String kind, Map<String, Object> fields)
        throws IOException, InterruptedException {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("callbackId", UUID.randomUUID().toString());
      body.put("caseCode", caseCode);
      body.putAll(fields);
      String text = json.writeValueAsString(body);
      long deadline = System.currentTimeMillis() + CASE_TIMEOUT_MILLIS;
      long firstTry = System.nanoTime();
      while (true) {
        HttpResponse<String> answer =
            recorder.time(
                "callback: POST /api/callbacks/court/*",
                () -> callbacks.post(COURT + kind, courtSecret, text));
        if (answer.statusCode() != 409 || System.currentTimeMillis() > deadline) {
          HttpWork.expect(answer, 200);
          recorder.waited(firstTry);
          return;
        }
        recorder.count("callbacks answered 409 (case not yet waiting), sent again");
        Thread.sleep(POLL_MILLIS);
      }
    }

    /** The closure's last steps run on the job executor; the case is done when its instance is. */
    void awaitClosed(String caseCode) throws InterruptedException {
      RuntimeService runtime = engine.getRuntimeService();
      long deadline = System.currentTimeMillis() + CASE_TIMEOUT_MILLIS;
      while (runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseCode).count()
          > 0) {
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError("case " + caseCode + " still open after closure");
        }
        Thread.sleep(POLL_MILLIS);
      }
    }
  }

  @Test
  void casesPerSecondAndCpuPerCaseAtEachWorkerCount() throws Exception {
    int[] workerCounts =
        Arrays.stream(System.getProperty("load.workers", "1,2,4,8").split(","))
            .map(String::trim)
            .mapToInt(Integer::parseInt)
            .toArray();
    int cases = Integer.getInteger("load.cases", 20);
    int warmup = Integer.getInteger("load.warmup", 10);
    StringBuilder report = new StringBuilder();
    report
        .append("Throughput, agreement path, ")
        .append(cases)
        .append(" cases per worker count after ")
        .append(warmup)
        .append(" warm-up cases; ")
        .append(jobExecutorSettings())
        .append("; connection pool ")
        .append(
            jdbc.getDataSource() instanceof HikariDataSource pool
                ? pool.getMaximumPoolSize()
                : "none")
        .append("; PostgreSQL ")
        .append(jdbc.queryForObject("show server_version", String.class))
        .append("; load average before: ")
        .append(loadAverage())
        .append("\n\n");
    // The JIT compiles the hot paths in the first cases: not what a case costs in a running server.
    run(Arrays.stream(workerCounts).max().orElse(1), warmup, new Recorder());
    for (int workers : workerCounts) {
      Recorder recorder = new Recorder();
      Measured measured = measure(() -> run(workers, cases, recorder));
      report.append(table(workers, cases, recorder, measured));
    }
    System.out.println(report);
    Files.writeString(Path.of("target", "throughput-benchmark.md"), report);
  }

  /** Works {@code cases} cases with {@code workers} threads; the first failure fails the run. */
  private void run(int workers, int cases, Recorder recorder) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      Thread thread =
          new Thread(
              () -> {
                Worker worker = new Worker(recorder);
                try {
                  while (failure.get() == null && next.getAndIncrement() < cases) {
                    worker.oneCase();
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                } finally {
                  driverCpuNanos.addAndGet(threads().getCurrentThreadCpuTime());
                }
              },
              "load-worker-" + i);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (failure.get() != null) {
      throw new AssertionError("a worker failed", failure.get());
    }
  }

  private final AtomicLong driverCpuNanos = new AtomicLong();

  interface Run {
    void run() throws Exception;
  }

  /** Wall time, CPU and job metrics of one measured run. */
  record Measured(
      long wallNanos,
      long processCpuNanos,
      long driverCpuNanos,
      long databaseCpuNanos,
      Map<String, Long> databaseCpuByKind,
      Map<String, Long> threadCpuNanos,
      Map<String, Long> jobMetrics,
      String loadAverage) {}

  private Measured measure(Run run) throws Exception {
    Map<Long, ThreadSample> threadsBefore = threadSample();
    long processBefore = processCpuNanos();
    Map<String, Long> databaseBefore = databaseCpuNanos();
    Map<String, Long> metricsBefore = jobMetrics();
    driverCpuNanos.set(0);
    long start = System.nanoTime();
    run.run();
    long wall = System.nanoTime() - start;
    long processAfter = processCpuNanos();
    Map<String, Long> databaseAfter = databaseCpuNanos();
    Map<String, Long> database = new LinkedHashMap<>();
    databaseAfter.forEach(
        (kind, nanos) -> database.put(kind, nanos - databaseBefore.getOrDefault(kind, 0L)));
    Map<Long, ThreadSample> threadsAfter = threadSample();
    Map<String, Long> metricsAfter = jobMetrics();
    Map<String, Long> metrics = new LinkedHashMap<>();
    metricsAfter.forEach((name, value) -> metrics.put(name, value - metricsBefore.get(name)));
    // Per kind of thread (name without its numbers): where the application's CPU went.
    Map<String, Long> byKind = new HashMap<>();
    threadsAfter.forEach(
        (id, after) -> {
          ThreadSample before = threadsBefore.get(id);
          long delta = after.cpuNanos() - (before == null ? 0 : before.cpuNanos());
          byKind.merge(after.name().replaceAll("\\d+", "#"), delta, Long::sum);
        });
    // The driver's own HTTP clients and the systems at the wire share this JVM: not the
    // application.
    long driver =
        driverCpuNanos.get()
            + byKind.entrySet().stream()
                .filter(e -> e.getKey().startsWith("HttpClient") || e.getKey().startsWith("qtp"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    return new Measured(
        wall,
        processAfter - processBefore,
        driver,
        databaseAfter.isEmpty() ? -1 : database.values().stream().mapToLong(n -> n).sum(),
        database,
        byKind,
        metrics,
        loadAverage());
  }

  private String table(int workers, int cases, Recorder recorder, Measured measured) {
    StringBuilder out = new StringBuilder();
    double seconds = measured.wallNanos() / 1e9;
    double appCpu = (measured.processCpuNanos() - measured.driverCpuNanos()) / 1e9 / cases;
    double dbCpu =
        measured.databaseCpuNanos() < 0 ? Double.NaN : measured.databaseCpuNanos() / 1e9 / cases;
    out.append(
        String.format(
            "### %d worker%s: %.2f closed cases/s (%d cases in %.1f s), CPU per case %.2f s application + %.2f s"
                + " database = %.2f s; case from registration to closure p50 %d ms, p95 %d ms; load average after: %s%n%n",
            workers,
            workers == 1 ? "" : "s",
            cases / seconds,
            cases,
            seconds,
            appCpu,
            dbCpu,
            appCpu + dbCpu,
            percentile(recorder.caseMillis, 50),
            percentile(recorder.caseMillis, 95),
            measured.loadAverage()));
    out.append("| request | per case | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|\n");
    recorder.latencies.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              List<Long> millis = e.getValue().stream().map(n -> n / 1_000_000).toList();
              out.append(
                  String.format(
                      "| %s | %.1f | %d | %d | %d |%n",
                      e.getKey(),
                      (double) millis.size() / cases,
                      percentile(millis, 50),
                      percentile(millis, 95),
                      percentile(millis, 99)));
            });
    out.append("\n");
    recorder.counts.forEach(
        (what, n) ->
            out.append(String.format("- %s: %.1f per case%n", what, (double) n.get() / cases)));
    out.append("- job executor, per case:");
    measured
        .jobMetrics()
        .forEach((name, n) -> out.append(String.format(" %s %.1f;", name, (double) n / cases)));
    out.append(
        String.format(
            "%n- CPU s per case: whole JVM %.2f, of it driver and WireMock %.2f; by thread kind:",
            measured.processCpuNanos() / 1e9 / cases, measured.driverCpuNanos() / 1e9 / cases));
    measured.threadCpuNanos().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(8)
        .forEach(
            e -> out.append(String.format(" %s %.3f;", e.getKey(), e.getValue() / 1e9 / cases)));
    out.append("\n- database CPU s per case by process:");
    measured
        .databaseCpuByKind()
        .forEach(
            (kind, nanos) -> out.append(String.format(" %s %.3f;", kind, nanos / 1e9 / cases)));
    out.append("\n\n");
    return out.toString();
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    if (sorted.isEmpty()) {
      return 0;
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private String jobExecutorSettings() {
    JobExecutor executor =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    return String.format(
        "job executor core-pool-size %s, max-pool-size %s, queue-capacity %s,"
            + " max-jobs-per-acquisition %d, wait-time-in-millis %d, max-wait %d",
        environment.getProperty("camunda.bpm.job-execution.core-pool-size", "?"),
        environment.getProperty("camunda.bpm.job-execution.max-pool-size", "?"),
        environment.getProperty("camunda.bpm.job-execution.queue-capacity", "?"),
        executor.getMaxJobsPerAcquisition(),
        executor.getWaitTimeInMillis(),
        executor.getMaxWait());
  }

  /** The engine's job metrics so far (flushed from memory to the metrics table first). */
  private Map<String, Long> jobMetrics() {
    ManagementService management = engine.getManagementService();
    management.reportDbMetricsNow();
    Map<String, Long> metrics = new LinkedHashMap<>();
    for (String name :
        List.of(
            Metrics.JOB_SUCCESSFUL,
            Metrics.JOB_FAILED,
            Metrics.JOB_ACQUISITION_ATTEMPT,
            Metrics.JOB_ACQUIRED_SUCCESS,
            Metrics.JOB_ACQUIRED_FAILURE,
            Metrics.JOB_EXECUTION_REJECTED,
            Metrics.JOB_LOCKED_EXCLUSIVE)) {
      metrics.put(name, management.createMetricsQuery().name(name).sum());
    }
    return metrics;
  }

  private static ThreadMXBean threads() {
    return ManagementFactory.getThreadMXBean();
  }

  record ThreadSample(String name, long cpuNanos) {}

  private static Map<Long, ThreadSample> threadSample() {
    Map<Long, ThreadSample> sample = new HashMap<>();
    ThreadMXBean bean = threads();
    for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
      if (info != null) {
        long cpu = bean.getThreadCpuTime(info.getThreadId());
        if (cpu >= 0) {
          sample.put(info.getThreadId(), new ThreadSample(info.getThreadName(), cpu));
        }
      }
    }
    return sample;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU of the PostgreSQL server in nanoseconds by kind of process: the connections, the background
   * processes (checkpointer, WAL writer, …) and the postmaster with the children it has reaped
   * (autovacuum workers, mostly), from /proc; empty when the server is not on this machine's /proc
   * (an external one).
   */
  private Map<String, Long> databaseCpuNanos() {
    Map<String, Long> byKind = new LinkedHashMap<>();
    try {
      String dataDirectory = jdbc.queryForObject("show data_directory", String.class);
      long postmaster =
          Long.parseLong(
              Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).trim());
      long nanosPerTick = 1_000_000_000L / clockTicksPerSecond();
      try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
        for (Path process :
            processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
          String[] fields = statFields(process);
          if (fields == null) {
            continue;
          }
          long pid = Long.parseLong(process.getFileName().toString());
          long parent = Long.parseLong(fields[1]);
          long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          if (pid == postmaster) {
            long reaped = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            byKind.merge(
                "postmaster and exited children", (own + reaped) * nanosPerTick, Long::sum);
          } else if (parent == postmaster) {
            byKind.merge(processKind(process), own * nanosPerTick, Long::sum);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      byKind.clear();
    }
    return byKind;
  }

  /** "connections" for the backends of our pool, else the background process's own title. */
  private static String processKind(Path process) {
    try {
      String title = Files.readString(process.resolve("cmdline")).replace('\0', ' ').trim();
      if (title.startsWith("postgres: ")) {
        title = title.substring("postgres: ".length());
      }
      for (String background :
          List.of(
              "checkpointer",
              "background writer",
              "walwriter",
              "autovacuum launcher",
              "autovacuum worker",
              "logical replication launcher",
              "io worker")) {
        if (title.contains(background)) {
          return background;
        }
      }
      return "connections";
    } catch (IOException gone) {
      return "exited";
    }
  }

  /** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, [11] utime, … */
  private static String[] statFields(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException gone) {
      return null;
    }
  }

  private static long clockTicks = 0;

  private static long clockTicksPerSecond() throws IOException {
    if (clockTicks == 0) {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      clockTicks = Long.parseLong(new String(getconf.getInputStream().readAllBytes()).trim());
    }
    return clockTicks;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }
}
