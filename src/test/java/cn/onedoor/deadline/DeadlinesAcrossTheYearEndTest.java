package cn.onedoor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.chain.ChainTest;
import cn.onedoor.deadline.CalendarPublication.Published;
import cn.onedoor.intake.CaseStatuses;
import cn.onedoor.intake.CaseStatuses.OpenClock;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case started in late December counts its mediation days into a year whose holiday notice is not
 * out yet; the work goes on, the days say 暂定, and publishing the notice moves them everywhere they
 * are shown, once.
 */
class DeadlinesAcrossTheYearEndTest extends ChainTest {

  private static final OffsetDateTime DECEMBER_20 =
      OffsetDateTime.parse("2026-12-20T09:00:00+08:00");
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Autowired CalendarPublication publication;
  @Autowired WorkingDayCalendar calendar;
  @Autowired CaseStatuses statuses;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @BeforeEach
  void december20() {
    ClockUtil.setCurrentTime(Date.from(DECEMBER_20.toInstant()));
  }

  @AfterEach
  void withdrawTheNotice() {
    CalendarTestSupport.withdraw(calendar, jdbc, 2027);
  }

  @Test
  void aNoticePublishedWhileTheCaseRunsMovesItsProvisionalDayEverywhereOnce() {
    String caseCode = register(villageNeighbourDispute());
    complete(
        caseCode,
        "Task_RecordConsent",
        "mediator:village:511725104001",
        Map.of("partiesConsent", "YES"));

    // 30 days from 2026-12-20 end on Tuesday 2027-01-19, a working day by the statutory rules
    // alone.
    var mediate = task(caseCode, "Task_Mediate");
    assertThat(mediate.getDueDate()).isEqualTo(endOf("2027-01-19"));
    assertThat(mediate.getDescription()).startsWith("暂定：2027年节假日安排尚未公布");
    assertThat(clock(caseCode, "开展调解").provisional()).isTrue();
    assertThat(clock(caseCode, "开展调解").provisionalYear()).isEqualTo(2027);
    CaseStatuses.PartyView party = statuses.partyView(caseCode, mobileLast4(caseCode));
    assertThat(party.nextDeadline()).isEqualTo(endOf("2027-01-19").toInstant());
    assertThat(party.nextDeadlineProvisional()).isTrue();
    assertThat(party.provisionalNote()).contains("2027年节假日安排尚未公布", "自动重新计算");
    assertThat(timerDue(caseCode, "BoundaryEvent_MediateOverdue")).isEqualTo(endOf("2027-01-19"));
    assertThat(timerDue(caseCode, "BoundaryEvent_MediationExpired")).isEqualTo(endOf("2027-02-18"));

    Published published = publish();

    assertThat(published.changed()).isTrue();
    assertThat(published.cases()).isEqualTo(1);
    // 2027-01-19..22 are now days off and Saturday 01-23 is worked: the period ends on 01-23.
    mediate = task(caseCode, "Task_Mediate");
    assertThat(mediate.getDueDate()).isEqualTo(endOf("2027-01-23"));
    assertThat(mediate.getDescription()).isNull();
    assertThat(timerDue(caseCode, "BoundaryEvent_MediateOverdue")).isEqualTo(endOf("2027-01-23"));
    assertThat(timerDue(caseCode, "BoundaryEvent_MediationExpired"))
        .as("the local overrun follows the period")
        .isEqualTo(endOf("2027-02-22"));
    OpenClock clock = clock(caseCode, "开展调解");
    assertThat(clock.dueAt()).isEqualTo(endOf("2027-01-23").toInstant());
    assertThat(clock.provisional()).isFalse();
    party = statuses.partyView(caseCode, mobileLast4(caseCode));
    assertThat(party.nextDeadline()).isEqualTo(endOf("2027-01-23").toInstant());
    assertThat(party.nextDeadlineProvisional()).isFalse();
    assertThat(party.provisionalNote()).isNull();
    assertThat(journalLines(caseCode))
        .containsExactly(
            "开展调解、调解到期 届满日由 2027-01-19 改为 2027-01-23：节假日安排公布（2027年）",
            "调解期限届满 届满日由 2027-02-18 改为 2027-02-22：节假日安排公布（2027年）");
    runJobs();
    assertThat(smsAboutTheMove(caseCode))
        .singleElement()
        .satisfies(sms -> assertThat(sms.payload()).contains("因2027年节假日安排公布", "调整为2027年1月23日"));

    Published again = publish();

    assertThat(again.changed()).isFalse();
    assertThat(again.clocksMoved()).isZero();
    runJobs();
    assertThat(journalLines(caseCode)).hasSize(2);
    assertThat(smsAboutTheMove(caseCode)).hasSize(1);
    assertThat(task(caseCode, "Task_Mediate").getDueDate()).isEqualTo(endOf("2027-01-23"));
  }

  @Test
  void aDayThatWouldAlreadyHaveFiredFiresAtOnceAndTheEscalationStarts() {
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-12-31T10:00:00+08:00").toInstant()));
    String caseCode = register(villageNeighbourDispute());
    // Three working days after 2026-12-31 by the statutory rules: 01-04, 01-05, 01-06.
    assertThat(task(caseCode, "Task_RecordConsent").getDueDate()).isEqualTo(endOf("2027-01-06"));

    // The notice comes late: on 2027-01-06 it makes Saturday 01-02 a working day, so the day was
    // 01-05, now past.
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2027-01-06T09:00:00+08:00").toInstant()));
    publish();
    assertThat(task(caseCode, "Task_RecordConsent").getDueDate()).isEqualTo(endOf("2027-01-05"));
    runJobs();

    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("escalation-ladder")
                .processInstanceBusinessKey(caseCode)
                .count())
        .as("the overdue timer fired on publication")
        .isEqualTo(1);
    assertThat(journalLines(caseCode))
        .containsExactly("确认当事人调解意愿、确认调解意愿到期 届满日由 2027-01-06 改为 2027-01-05：节假日安排公布（2027年）");
  }

  @Test
  void aLadderAlreadyClimbingOnTheOldDayKeepsItsDistanceFromTheNewOne() {
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-12-31T10:00:00+08:00").toInstant()));
    String caseCode = register(villageNeighbourDispute());
    assertThat(task(caseCode, "Task_RecordConsent").getDueDate()).isEqualTo(endOf("2027-01-06"));
    // 2027-01-07: the consent day has passed by the statutory rules, the ladder climbs and chases
    // the unit.
    moveClockTo(OffsetDateTime.parse("2027-01-07T09:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).contains("Task_AcknowledgeEscalation");

    // The notice makes 01-04..06 a bridge after 元旦: the third working day after 12-31 is 01-11,
    // five days later.
    publication.publish(
        2027,
        CalendarTestSupport.notice2027("2027-01-04", "2027-01-06", "2027-01-16", "2027-01-17")
            .getBytes(StandardCharsets.UTF_8),
        "admin");
    assertThat(task(caseCode, "Task_RecordConsent").getDueDate()).isEqualTo(endOf("2027-01-11"));

    // The next rung (升级督办, 5 days after the chase-up) is counted from the moved day.
    taskService.complete(
        task(caseCode, "Task_AcknowledgeEscalation").getId(), Map.of("escalationAction", "已电话催办"));
    runJobs();
    Date nextRung =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey("escalation-rung")
            .processInstanceBusinessKey(caseCode)
            .list()
            .stream()
            .flatMap(
                rung ->
                    managementService
                        .createJobQuery()
                        .processInstanceId(rung.getId())
                        .timers()
                        .list()
                        .stream())
            .map(Job::getDuedate)
            .findFirst()
            .orElseThrow();
    assertThat(nextRung)
        .isEqualTo(Date.from(OffsetDateTime.parse("2027-01-17T09:00:00+08:00").toInstant()));
  }

  @Test
  void aRecalculationCutShortFinishesOnTheNextRunAndMovesNothingTwice() throws Exception {
    List<String> cases =
        List.of(
            register(villageNeighbourDispute()),
            register(villageNeighbourDispute()),
            register(villageNeighbourDispute()));
    for (String caseCode : cases) {
      complete(
          caseCode,
          "Task_RecordConsent",
          "mediator:village:511725104001",
          Map.of("partiesConsent", "YES"));
    }
    Published cutShort;
    // The second case is busy (its clock row locked by another transaction) while the notice is
    // published: its
    // recalculation fails after waiting and rolls back whole, as a crash in the middle of it would.
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock =
          other.prepareStatement(
              "select * from case_clock where case_code = ? and ended_at is null for update")) {
        lock.setString(1, cases.get(1));
        lock.executeQuery().close();
      }
      cutShort = publish();
      other.rollback();
    }
    assertThat(cutShort.casesFailed()).isEqualTo(1);
    assertThat(task(cases.get(0), "Task_Mediate").getDueDate()).isEqualTo(endOf("2027-01-23"));
    assertThat(task(cases.get(1), "Task_Mediate").getDueDate())
        .as("left on the old day, whole")
        .isEqualTo(endOf("2027-01-19"));
    assertThat(clock(cases.get(1), "开展调解").dueAt()).isEqualTo(endOf("2027-01-19").toInstant());
    assertThat(clock(cases.get(1), "开展调解").provisional()).isTrue();
    assertThat(timerDue(cases.get(1), "BoundaryEvent_MediateOverdue"))
        .isEqualTo(endOf("2027-01-19"));
    assertThat(journalLines(cases.get(1))).isEmpty();
    assertThat(task(cases.get(2), "Task_Mediate").getDueDate()).isEqualTo(endOf("2027-01-23"));

    Published resumed = publish();

    assertThat(resumed.changed()).isFalse();
    assertThat(resumed.cases()).isEqualTo(1);
    for (String caseCode : cases) {
      assertThat(task(caseCode, "Task_Mediate").getDueDate()).isEqualTo(endOf("2027-01-23"));
      assertThat(timerDue(caseCode, "BoundaryEvent_MediateOverdue")).isEqualTo(endOf("2027-01-23"));
      assertThat(clock(caseCode, "开展调解").provisional()).isFalse();
      assertThat(journalLines(caseCode)).as("moved once").hasSize(2);
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from provisional_deadline where provisional_year = 2027",
                Integer.class))
        .isZero();
  }

  private Published publish() {
    return publication.publish(
        2027, CalendarTestSupport.notice2027().getBytes(StandardCharsets.UTF_8), "admin");
  }

  private static Date endOf(String day) {
    return Date.from(LocalDateTime.parse(day + "T23:59:59").atZone(BEIJING).toInstant());
  }

  private OpenClock clock(String caseCode, String name) {
    return statuses.staffView(caseCode).openClocks().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private Date timerDue(String caseCode, String activityId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseCode)
        .list()
        .stream()
        .flatMap(
            instance ->
                managementService
                    .createJobQuery()
                    .processInstanceId(instance.getId())
                    .timers()
                    .activityId(activityId)
                    .list()
                    .stream())
        .map(Job::getDuedate)
        .findFirst()
        .orElseThrow();
  }

  private String mobileLast4(String caseCode) {
    String mobile =
        jdbc.queryForObject(
            "select mobile from case_party where case_code = ? and mobile is not null",
            String.class,
            caseCode);
    return mobile.substring(mobile.length() - 4);
  }

  private List<String> journalLines(String caseCode) {
    return jdbc.queryForList(
        "select detail from case_event where case_code = ? and kind = 'CLOCK_RECALCULATED'"
            + " order by id",
        String.class,
        caseCode);
  }

  private List<OutboundRequests.Request> smsAboutTheMove(String caseCode) {
    return outbound.forCase(caseCode).stream()
        .filter(r -> r.step().equals("SMS_DEADLINE_MOVED"))
        .toList();
  }
}
