package cn.onedoor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.casefile.CaseStage;
import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.support.Browser;
import cn.onedoor.support.EngineClockTestConfiguration;
import cn.onedoor.support.TestResidentIds;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A case as the people at the county's doors handle it, in Tasklist and nothing else: the window
 * officer registers it on the start form, the village mediator finds it in the group's list, claims
 * it, records the parties' consent and the outcome, and closes it. The job executor runs as in
 * production. Screenshots of every form go to target/screenshots/tasklist-case-*.png.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles("test")
@Import(EngineClockTestConfiguration.class)
class TasklistCaseBrowserTest {

  @LocalServerPort int port;

  @Autowired HistoryService historyService;

  @Autowired CaseJournal journal;

  static Browser chromium;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = Browser.start("zh-CN");
    // Every clock of the case stays inside the years the working-day calendar knows, whatever today
    // is.
    ClockUtil.setCurrentTime(Date.from(ChainTest.MONDAY_MORNING.toInstant()));
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    ClockUtil.reset();
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aWindowOfficerRegistersAndAVillageMediatorSettlesTheCaseInTasklist() {
    chromium.on(port).open("/camunda/app/tasklist/default/");
    chromium.logIn("intake", "demo");
    chromium.waitForText("发起流程");
    click(By.cssSelector("li.start-process-action a"));
    chromium.waitForText("矛盾纠纷案件");
    click(By.xpath("//a[normalize-space(.)='矛盾纠纷案件']"));
    chromium.waitForText("受理层级");

    select("level", "村（社区）");
    select("townCode", "三汇镇");
    type("villageCode", "511725104001");
    radio("applicantKind", "自然人");
    type("applicantName", "王大春");
    String applicantId = TestResidentIds.forNumber(77);
    String wrongCheckDigit =
        applicantId.substring(0, 17) + (applicantId.charAt(17) == '1' ? "2" : "1");
    type("applicantIdNumber", wrongCheckDigit);
    type("applicantMobile", "13912345678");
    radio("respondentKind", "自然人");
    type("respondentName", "李二娃");
    type("respondentIdNumber", TestResidentIds.forNumber(78));
    chromium.screenshot("tasklist-case-0-registration-parties");
    select("disputeType", "邻里纠纷");
    type("occurredOn-date", "02/27/2026");
    type("summary", "两户因院坝通行发生争执，申请调解。");
    type("amount", "3000");
    type("partyCount", "2");
    select("acceptedElsewhere", "未被其他机关受理");
    radio("consentToMediation", "同意调解");
    chromium.screenshot("tasklist-case-1-registration");
    click(By.cssSelector("button[ng-click='startProcessInstance()']"));

    // The start form goes through the intake's validation: a wrong check digit is named in Chinese,
    // nothing stored.
    chromium.waitForText("申请人身份证号码");
    chromium.screenshot("tasklist-case-1b-registration-refused");
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessModels.DISPUTE_CASE)
                .count())
        .isZero();
    WebElement idField =
        chromium.waitUntil(
            driver ->
                driver.findElement(By.xpath("//input[contains(@id,'Field_applicantIdNumber')]")));
    idField.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    type("applicantIdNumber", applicantId);
    click(By.cssSelector("button[ng-click='startProcessInstance()']"));

    String caseCode = awaitCaseCode();
    assertThat(caseCode).matches("511725-\\d{4}-\\d{6}");
    // The parties live in the registry; the process knows the case by its code and never saw the ID
    // number.
    assertThat(historyService.createHistoricVariableInstanceQuery().list())
        .noneMatch(
            variable -> String.valueOf(variable.getValue()).contains(applicantId.substring(6)))
        .noneMatch(variable -> String.valueOf(variable.getValue()).contains("13912345678"));

    chromium.logOut();
    chromium.open("/camunda/app/tasklist/default/");
    chromium.logIn("villagemediator", "demo");
    chromium.waitForText("发起流程");
    openGroupTask("确认当事人调解意愿");
    claim();
    chromium.waitForText(caseCode);
    radio("partiesConsent", "双方同意调解");
    chromium.screenshot("tasklist-case-2-consent");
    complete();

    openGroupTask("开展调解");
    claim();
    select("mediationResult", "当场履行完毕");
    type("sessionNote", "双方当场达成一致，对方已当场赔付。");
    chromium.screenshot("tasklist-case-3-session");
    complete();

    openGroupTask("结案登记");
    claim();
    select("closureReason", "履行完毕");
    select("satisfaction", "非常满意");
    type("closureSummary", "当场调解成功并履行完毕。");
    chromium.screenshot("tasklist-case-4-closure");
    complete();

    // The stage reads CLOSED from the moment the closure task opens; the case is closed once the
    // closure's steps
    // towards the other systems (now HTTP calls, run by the job executor) are done and closedAt is
    // written.
    chromium.waitUntil(driver -> journal.progress(caseCode).closedAt() != null);
    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.CLOSED);
    assertThat(journal.progress(caseCode).closureReason()).isEqualTo("PERFORMED");
  }

  /**
   * The start form sends no business key; the case code is drawn at registration and is the
   * instance's key.
   */
  private String awaitCaseCode() {
    return chromium.waitUntil(
        driver -> {
          List<HistoricProcessInstance> cases =
              historyService
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionKey(ProcessModels.DISPUTE_CASE)
                  .list();
          return cases.isEmpty() ? null : cases.get(0).getBusinessKey();
        });
  }

  /** Jobs run in the background; reload the group's list until the task is there. */
  private void openGroupTask(String taskName) {
    chromium.waitUntil(
        driver -> {
          chromium.open("/camunda/app/tasklist/default/");
          chromium.waitForText("本组待认领");
          click(By.xpath("//a[contains(normalize-space(.),'本组待认领')]"));
          Browser.pause(Duration.ofSeconds(1));
          List<WebElement> tasks =
              driver.findElements(
                  By.xpath(
                      "//a[contains(@class,'task') or ancestor::li]"
                          + "[normalize-space(.)='"
                          + taskName
                          + "']"));
          if (tasks.isEmpty()) {
            return null;
          }
          tasks.get(0).click();
          return true;
        });
    chromium.waitForText("认领");
  }

  private void claim() {
    click(By.xpath("//button[normalize-space(.)='认领']"));
    chromium.waitUntil(driver -> !driver.findElements(By.cssSelector(".fjs-form")).isEmpty());
    Browser.pause(Duration.ofMillis(500));
  }

  private void complete() {
    click(By.xpath("//button[normalize-space(.)='完成']"));
    Browser.pause(Duration.ofSeconds(1));
  }

  private void select(String key, String label) {
    click(
        By.xpath(
            "//label[contains(@for,'Field_"
                + key
                + "')]/following-sibling::div[contains(@class,'fjs-input-group')]"));
    click(
        By.xpath(
            "//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='"
                + label
                + "']"));
  }

  private void type(String key, String text) {
    WebElement field =
        chromium.waitUntil(
            driver ->
                driver.findElement(
                    By.xpath(
                        "//*[(self::input or self::textarea) and contains(@id,'Field_"
                            + key
                            + "')]")));
    field.sendKeys(text);
    field.sendKeys(Keys.TAB);
  }

  private void radio(String key, String label) {
    click(
        By.xpath(
            "//label[contains(@for,'Field_" + key + "-')][normalize-space(.)='" + label + "']"));
  }

  private void click(By by) {
    chromium
        .waitUntil(
            driver -> {
              WebElement element = driver.findElement(by);
              return element.isDisplayed() && element.isEnabled() ? element : null;
            })
        .click();
  }
}
