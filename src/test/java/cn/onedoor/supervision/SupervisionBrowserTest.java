package cn.onedoor.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.chain.ChainTest;
import cn.onedoor.organisation.RealTowns;
import cn.onedoor.support.Browser;
import cn.onedoor.support.Cases;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A county supervisor at the supervisors' page in a real headless Chromium: logs in with the
 * webapps' user, sees the overdue count move when the consent deadline's timer fires, opens an
 * overdue case from the list behind the figure and issues a supervision order that reaches the
 * village mediators; then sees the same clocks painted on the mediation diagram in Cockpit; and
 * sees which cases wait for a node that died to be taken over. Screenshots:
 * target/screenshots/supervision-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionBrowserTest extends ChainTest {

  private static final OffsetDateTime FRIDAY = OffsetDateTime.parse("2026-03-06T10:00:00+08:00");

  @LocalServerPort int port;

  @Autowired JdbcTemplate jdbc;

  static Browser chromium;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = Browser.start("zh-CN");
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @AfterEach
  void forgetTheCases() {
    chromium.logOut();
    Cases.forgetAll(runtimeService, jdbc);
  }

  @Test
  void aCountySupervisorSeesACaseGoOverdueOpensItAndIssuesASupervisionOrder() {
    String first = register(villageNeighbourDispute());
    String second = register(villageNeighbourDispute());

    chromium.on(port).open("/supervision/");
    chromium.waitForText("督办员登录");
    chromium.screenshot("supervision-0-login");
    type(By.id("username"), "countysupervisor");
    type(By.id("password"), "demo");
    chromium.driver().findElement(By.cssSelector("#login-form button[type='submit']")).click();
    chromium.waitForText("在办案件");
    waitForFigure("open", "2");
    assertThat(figure("overdue")).isEqualTo("0");
    chromium.waitUntil(
        driver -> !driver.findElements(By.cssSelector("#chart-channel canvas")).isEmpty());
    chromium.screenshot("supervision-1-board");

    // The grid has a cell for every one of the county's 37 towns, townships and subdistricts, and
    // the two cases sit in 三汇镇's.
    List<WebElement> cells = chromium.driver().findElements(By.cssSelector("#grid .cell"));
    assertThat(cells)
        .extracting(
            cell ->
                cell.getAttribute("data-unit")
                    + " "
                    + cell.findElement(By.cssSelector(".name")).getText())
        .containsExactlyElementsOf(
            RealTowns.all().stream().map(town -> town.code() + " " + town.name()).toList());
    assertThat(
            chromium
                .driver()
                .findElement(By.cssSelector("#grid .cell[data-unit='511725104']"))
                .getText())
        .contains("三汇镇", "在办 2");
    // Across the page's width, several a row, not in a column two cells wide.
    assertThat(
            cells.stream()
                .filter(cell -> cell.getLocation().getY() == cells.get(0).getLocation().getY()))
        .hasSizeGreaterThan(4);

    // Thursday's consent deadline passes; the timer fires and the ladder chases the town
    // supervisor.
    moveClockTo(FRIDAY);
    chromium.open("/supervision/");
    waitForFigure("overdue", "2");
    chromium.screenshot("supervision-2-overdue");

    click(By.cssSelector("[data-kpi='overdue']"));
    chromium.waitUntil(
        driver -> "2".equals(driver.findElement(By.id("list-total")).getAttribute("data-total")));
    // The list may be drawn again by a load still answering (its rows then go stale): read it
    // until it stands with the two cases.
    chromium.waitUntil(
        driver -> {
          List<String> listed =
              driver.findElements(By.cssSelector("#list tbody tr.case-row")).stream()
                  .map(row -> row.getAttribute("data-case"))
                  .toList();
          return listed.size() == 2 && listed.containsAll(List.of(first, second));
        });
    chromium.waitForText("确认当事人调解意愿");
    chromium.screenshot("supervision-3-overdue-list");

    click(By.cssSelector("#list tbody tr[data-case='" + first + "']"));
    chromium.waitForText("案件 " + first);
    chromium.waitForText("催办");
    chromium.screenshot("supervision-4-case");

    type(By.id("order-text"), "请于三个工作日内组织双方调解并报告进展");
    click(By.id("order-submit"));
    chromium.waitForText("已下发督办令");
    chromium.screenshot("supervision-5-order-issued");
    assertThat(candidateGroups(task(first, "Task_AnswerSupervisionOrder")))
        .containsExactly("mediator:village:511725104001");

    click(By.id("case-close"));
    waitForFigure("openOrders", "1");
    chromium.screenshot("supervision-6-board-after-order");
  }

  @Test
  void theBoardNamesTheCasesWhoseJobsANodeThatDiedStillHolds() {
    String held = register(villageNeighbourDispute());
    register(villageNeighbourDispute());
    Instant now = ClockUtil.getCurrentTime().toInstant();
    int jobs = Cases.lockJobs(jdbc, held, "node-a", now.minusSeconds(5));
    assertThat(jobs).isPositive();

    chromium.on(port).open("/supervision/");
    chromium.waitForText("督办员登录");
    type(By.id("username"), "countysupervisor");
    type(By.id("password"), "demo");
    chromium.driver().findElement(By.cssSelector("#login-form button[type='submit']")).click();
    chromium.waitForText("由已停止响应的节点 node-a 持有");
    WebElement notice = chromium.driver().findElement(By.id("stalled"));
    assertThat(notice.getText())
        .startsWith(jobs + " 个后台步骤由已停止响应的节点 node-a 持有，锁已于 ")
        .contains("到期，将由其他节点接手");
    assertThat(notice.findElements(By.cssSelector("a[data-case]")))
        .extracting(link -> link.getAttribute("data-case"))
        .containsExactly(held);
    chromium.screenshot("supervision-8-stalled-jobs");
    click(By.cssSelector("#stalled a[data-case='" + held + "']"));
    chromium.waitForText("案件 " + held);

    // node-b takes the jobs over: the notice goes.
    Cases.lockJobs(jdbc, held, "node-b", now.plusSeconds(30));
    chromium.open("/supervision/");
    waitForFigure("open", "2");
    chromium.waitUntil(
        driver -> driver.findElement(By.id("stalled")).getAttribute("data-as-of") != null);
    assertThat(chromium.driver().findElement(By.id("stalled")).isDisplayed()).isFalse();
  }

  @Test
  void cockpitPaintsEachActivityByTheStateOfItsClocks() {
    register(villageNeighbourDispute());
    register(villageNeighbourDispute());
    moveClockTo(FRIDAY);
    register(villageNeighbourDispute());

    chromium.on(port).open("/camunda/app/cockpit/default/");
    chromium.logIn("countysupervisor", "demo");
    // the header reads 流程监控 on the login page too: wait until the login form has gone, or Cockpit's
    // first
    // requests race the login and show "session expired" on the next page
    chromium.waitUntil(
        driver ->
            driver.findElements(By.cssSelector("input[ng-model='username']")).stream()
                .noneMatch(WebElement::isDisplayed));
    chromium.waitForText("流程监控");
    String mediation = repositoryDefinitionId("mediation");
    chromium.open("/camunda/app/cockpit/default/#/process-definition/" + mediation + "/runtime");
    // textContent, not getText(): while Cockpit still fits the diagram into view, its overlays are
    // not displayed yet
    String badge =
        chromium.waitUntil(
            driver ->
                driver
                    .findElements(
                        By.cssSelector(".onedoor-sla[data-activity='Task_RecordConsent']"))
                    .stream()
                    .map(element -> element.getAttribute("textContent"))
                    .filter(text -> text != null && text.contains("按期"))
                    .findFirst()
                    .orElse(null));
    assertThat(badge).contains("按期 1").contains("逾期 2");
    assertThat(chromium.driver().findElements(By.cssSelector(".djs-element.onedoor-sla-overdue")))
        .isNotEmpty();
    chromium.screenshot("supervision-7-cockpit-sla-overlay");
  }

  private String repositoryDefinitionId(String key) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(key)
        .list()
        .get(0)
        .getProcessDefinitionId();
  }

  private void waitForFigure(String key, String value) {
    try {
      chromium.waitUntil(driver -> value.equals(figure(key)));
    } catch (RuntimeException notThere) {
      chromium.screenshot("supervision-failed-" + key);
      throw new AssertionError(
          "figure " + key + " never showed " + value + "; shows " + figure(key), notThere);
    }
  }

  private String figure(String key) {
    List<WebElement> cards =
        chromium.driver().findElements(By.cssSelector("[data-kpi='" + key + "'] .value"));
    return cards.isEmpty() ? null : cards.get(0).getText().replaceAll("[^0-9.%]", "");
  }

  private void click(By by) {
    chromium.waitUntil(driver -> driver.findElement(by)).click();
  }

  private void type(By by, String text) {
    WebElement field = chromium.waitUntil(driver -> driver.findElement(by));
    field.clear();
    field.sendKeys(text);
  }
}
