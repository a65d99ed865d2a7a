package cn.onedoor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.intake.CaseStatuses;
import cn.onedoor.intake.IntakeRequest;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 只进一扇门: a case from every door (window, grid, hotline, online, court, police, petition) is
 * registered the same way and waits, with its code, in the Tasklist of the unit the routing chose,
 * for a person of that unit.
 */
class EveryDoorTest extends ChainTest {

  @Autowired CaseStatuses statuses;

  @ParameterizedTest(name = "{0} → {1} sees the case")
  @CsvSource({
    "WINDOW,   villagemediator, mediator:village:511725104001",
    "GRID,     villagemediator, mediator:village:511725104001",
    "HOTLINE,  villagemediator, mediator:village:511725104001",
    "ONLINE,   villagemediator, mediator:village:511725104001",
    "COURT,    countymediator,  mediator:county:511725",
    "POLICE,   villagemediator, mediator:village:511725104001",
    "PETITION, petitionliaison, liaison:department:PETITION"
  })
  void everyDoorLeadsToTheRightUnitsTasklist(String source, String person, String group) {
    IntakeRequest template = intakeRequest(villageNeighbourDispute());
    boolean window = "WINDOW".equals(source);
    IntakeRequest request =
        new IntakeRequest(
            source,
            window ? null : source.toLowerCase() + "-2026-0001",
            template.level(),
            template.townCode(),
            template.villageCode(),
            window ? "intake" : source.toLowerCase() + "-system",
            template.disputeType(),
            template.summary(),
            template.amount(),
            template.occurredOn(),
            template.partyCount(),
            template.consentToMediation(),
            template.flags(),
            template.parties());

    String caseCode = intake.register(request, null, "gateway").caseCode();
    runJobs();

    Task waiting =
        taskService
            .createTaskQuery()
            .taskCandidateUser(person)
            .processInstanceBusinessKey(caseCode)
            .singleResult();
    assertThat(waiting)
        .as(
            "a task of %s for %s; waiting for %s",
            caseCode,
            person,
            taskService.createTaskQuery().processInstanceBusinessKey(caseCode).list().stream()
                .map(this::candidateGroups)
                .toList())
        .isNotNull();
    assertThat(candidateGroups(waiting)).containsExactly(group);
    assertThat(runtimeService.getVariable(waiting.getProcessInstanceId(), "caseCode"))
        .isEqualTo(caseCode);
    CaseStatuses.StaffView status = statuses.staffView(caseCode);
    assertThat(status.source()).isEqualTo(source);
    assertThat(status.responsibleUnit().code())
        .isEqualTo(group.substring(group.lastIndexOf(':') + 1));
    assertThat(status.openClocks())
        .extracting(CaseStatuses.OpenClock::candidateGroup)
        .contains(group);
  }

  /**
   * A court's transfer reported at a village is routed to the county centre: a hand-over from the
   * village, open (the window officer stays first-responsible) until a county mediator takes the
   * case up (the court's entrusted mediation, 委派).
   */
  @org.junit.jupiter.api.Test
  void aHandOverIsAcceptedByWhoeverOfTheReceivingUnitTakesUpTheCase() {
    IntakeRequest template = intakeRequest(villageNeighbourDispute());
    IntakeRequest transfer =
        new IntakeRequest(
            "COURT",
            "court-2026-0077",
            template.level(),
            template.townCode(),
            template.villageCode(),
            "court-system",
            template.disputeType(),
            template.summary(),
            template.amount(),
            template.occurredOn(),
            template.partyCount(),
            true,
            template.flags(),
            template.parties());
    String caseCode = intake.register(transfer, null, "court-system").caseCode();
    runJobs();

    CaseStatuses.StaffView routed = statuses.staffView(caseCode);
    assertThat(routed.handOvers())
        .singleElement()
        .satisfies(
            handOver -> {
              assertThat(handOver.fromUnit()).isEqualTo("511725104001");
              assertThat(handOver.toUnit()).isEqualTo("511725");
              assertThat(handOver.answer()).isNull();
            });
    assertThat(routed.responsibleOfficer())
        .as("a transfer from a system has no officer yet")
        .isNull();

    Task entrusted = task(caseCode, "Task_PreFilingMediation");
    taskService.claim(entrusted.getId(), "countymediator");
    taskService.complete(
        entrusted.getId(), Map.of("entrustedResult", "REFUSED", "mediationNote", "当事人拒绝调解"));

    CaseStatuses.StaffView takenUp = statuses.staffView(caseCode);
    assertThat(takenUp.handOvers())
        .singleElement()
        .satisfies(
            handOver -> {
              assertThat(handOver.answer()).isEqualTo("ACCEPTED");
              assertThat(handOver.answeredBy()).isEqualTo("countymediator");
            });
    assertThat(takenUp.responsibleOfficer()).isEqualTo("countymediator");
    assertThat(takenUp.responsibleUnit().name()).isEqualTo("渠县");
  }
}
