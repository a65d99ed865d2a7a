package cn.onedoor.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.support.Browser;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a county mediator sees: the webapps in a real headless Chromium whose language is zh-CN and
 * whose clock is on Asia/Shanghai, logged in as admin. Uses Debian's {@code chromium} and {@code
 * chromium-driver} packages (a browser downloaded by a tool does not run on this network);
 * screenshots go to {@code target/screenshots/}. Without Chromium the test is skipped, except on CI
 * ({@code CI=true}) where it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebappsChineseBrowserTest {

  /**
   * A date as zh.json's dateLocales render it in lists: 2026年11月29日 14:05 (Cockpit adds seconds).
   */
  static final Pattern CHINESE_DATE_TIME =
      Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");

  @LocalServerPort int port;

  @Autowired TaskService taskService;

  @Autowired RepositoryService repositoryService;

  static Browser chromium;
  static WebDriver browser;

  /** Static, so that a machine without Chromium skips before the application context is started. */
  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = Browser.start("zh-CN");
    browser = chromium.driver();
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  @Order(1)
  void browserAsksForChinese() {
    open("/camunda/app/welcome/default/");
    Object languages = ((JavascriptExecutor) browser).executeScript("return navigator.languages");
    assertThat(languages).asString().startsWith("[zh-CN");
    Object zone =
        ((JavascriptExecutor) browser)
            .executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone");
    assertThat(zone).isEqualTo("Asia/Shanghai");
  }

  @Test
  @Order(2)
  void tasklistLoginAndHeaderAreChinese() {
    open("/camunda/app/tasklist/default/");
    WebElement userName =
        new WebDriverWait(browser, Duration.ofSeconds(30))
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("input[ng-model='username']")));
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(driver -> "用户名".equals(userName.getAttribute("placeholder")));
    assertThat(
            browser
                .findElement(By.cssSelector("input[ng-model='password']"))
                .getAttribute("placeholder"))
        .isEqualTo("密码");
    assertThat(browser.findElement(By.cssSelector("form button[type='submit']")).getText())
        .isEqualTo("登录");
    screenshot("tasklist-login");
    logIn("admin", "demo");

    waitForText("发起流程");
    String header = headerText();
    assertThat(header).contains("一扇门", "任务清单", "发起流程", "新建任务");
    assertThat(header).doesNotContain("Start process", "Create task", "Tasklist");
    assertThat(browser.getTitle()).isEqualTo("一扇门 任务清单");
    waitForText("日期和时间按本机时区显示");
    assertThat(body()).contains("Asia/Shanghai");
    screenshot("tasklist");
  }

  @Test
  @Order(3)
  void tasklistShowsTaskDatesInChinese() {
    Task task = taskService.newTask();
    task.setName("调解邻里纠纷");
    task.setAssignee("admin");
    // 2030-03-15 09:30 in the county; shown as the browser's (Asia/Shanghai) local time.
    task.setDueDate(
        java.util.Date.from(
            java.time.ZonedDateTime.of(
                    2030, 3, 15, 9, 30, 0, 0, java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant()));
    taskService.saveTask(task);
    try {
      open("/camunda/app/tasklist/default/#/?task=" + task.getId());
      logInIfAsked("admin", "demo");
      waitForText("调解邻里纠纷");
      // The list says when in words (到期 3 年后, 创建时间 几秒前); the tooltip gives the full date.
      WebElement due =
          new WebDriverWait(browser, Duration.ofSeconds(30))
              .until(
                  driver ->
                      driver.findElements(By.cssSelector(".due-date span[uib-tooltip]")).stream()
                          .filter(span -> span.getAttribute("uib-tooltip").contains("2030"))
                          .findFirst()
                          .orElse(null));
      assertThat(due.getAttribute("uib-tooltip")).isEqualTo("2030年3月15日 星期五 09:30");
      new Actions(browser).moveToElement(due).perform();
      waitForText("2030年3月15日 星期五 09:30");
      assertThat(body())
          .contains("到期", "年后", "几秒前")
          .doesNotContain("ago", "Due", "March", "Friday");
      screenshot("tasklist-task");

      // The date picker: Chinese month title and weekdays, weeks from Monday.
      browser.findElement(By.xpath("//*[normalize-space(text())='设置跟进日期']")).click();
      WebElement picker =
          new WebDriverWait(browser, Duration.ofSeconds(10))
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("[uib-datepicker], .uib-daypicker")));
      screenshot("tasklist-datepicker");
      assertThat(picker.getText())
          .containsPattern("\\d{4}年\\d{1,2}月")
          .contains("周一", "周日")
          .doesNotContain("Mon", "Sun");
      List<String> weekdays =
          picker.findElements(By.cssSelector("thead th small")).stream()
              .map(WebElement::getText)
              .filter(text -> !text.isBlank())
              .toList();
      assertThat(weekdays).startsWith("周一");
    } finally {
      taskService.deleteTask(task.getId(), true);
    }
  }

  @Test
  @Order(4)
  void cockpitNavigationIsChinese() {
    open("/camunda/app/cockpit/default/");
    logInIfAsked("admin", "demo");

    waitForText("运行中的流程实例");
    String header = headerText();
    assertThat(header).contains("一扇门", "流程监控", "流程", "决策", "人工任务", "更多");
    assertThat(header).doesNotContain("Processes", "Decisions", "Human Tasks", "More");
    screenshot("cockpit-dashboard");

    // The application switcher behind the house icon names the other apps in Chinese too.
    browser.findElement(By.cssSelector("li.app-switch a.dropdown-toggle")).click();
    WebElement apps =
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("li.app-switch .dropdown-menu")));
    assertThat(apps.getText()).contains("任务清单", "系统管理").doesNotContain("Tasklist", "Admin");
    screenshot("cockpit-app-switch");
    browser.findElement(By.cssSelector("li.app-switch a.dropdown-toggle")).click();
  }

  @Test
  @Order(5)
  void cockpitShowsDeploymentTimesInChineseFormat() {
    open("/camunda/app/cockpit/default/#/repository");
    logInIfAsked("admin", "demo");
    waitForText("部署");
    try {
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(driver -> CHINESE_DATE_TIME.matcher(body()).find());
    } finally {
      screenshot("cockpit-deployments");
    }
  }

  @Test
  @Order(6)
  void adminAndWelcomeAreChinese() {
    open("/camunda/app/admin/default/");
    logInIfAsked("admin", "demo");
    waitForText("用户组");
    assertThat(headerText()).contains("一扇门", "系统管理", "用户", "用户组", "授权", "系统");
    screenshot("admin");

    open("/camunda/app/welcome/default/");
    logInIfAsked("admin", "demo");
    waitForText("应用");
    assertThat(body()).contains("任务清单", "流程监控", "系统管理");
    screenshot("welcome");
  }

  /** English stays available: a browser that asks for en-US gets Camunda's English texts. */
  @Test
  @Order(8)
  void englishBrowserStillGetsEnglish() throws IOException {
    try (Browser english = Browser.start("en-US")) {
      english.on(port).open("/camunda/app/tasklist/default/");
      WebElement userName =
          english.waitUntil(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("input[ng-model='username']")));
      english.waitUntil(driver -> "Username".equals(userName.getAttribute("placeholder")));
      assertThat(
              english.driver().findElement(By.cssSelector("form button[type='submit']")).getText())
          .isEqualTo("Log in");
    }
  }

  /** More screens, for the eye: each screenshot is in target/screenshots/ after the run. */
  @Test
  @Order(7)
  void moreScreensForReview() {
    Map<String, String> screens = new java.util.LinkedHashMap<>();
    screens.put("cockpit-processes", "/camunda/app/cockpit/default/#/processes");
    screens.put(
        "cockpit-process-definition",
        "/camunda/app/cockpit/default/#/process-definition/"
            + repositoryService.createProcessDefinitionQuery().latestVersion().list().get(0).getId()
            + "/runtime");
    screens.put("cockpit-decisions", "/camunda/app/cockpit/default/#/decisions");
    screens.put("cockpit-human-tasks", "/camunda/app/cockpit/default/#/tasks");
    screens.put("cockpit-batches", "/camunda/app/cockpit/default/#/batch");
    screens.put("admin-users", "/camunda/app/admin/default/#/users");
    screens.put("admin-authorizations", "/camunda/app/admin/default/#/authorization?resource=0");
    screens.put(
        "admin-system", "/camunda/app/admin/default/#/system?section=system-settings-general");
    screens.forEach(
        (name, path) -> {
          open(path);
          logInIfAsked("admin", "demo");
          new WebDriverWait(browser, Duration.ofSeconds(30))
              .until(driver -> headerText().contains("一扇门"));
          sleepQuietly(Duration.ofSeconds(2)); // let the page's own requests render
          screenshot(name);
        });

    open("/camunda/app/tasklist/default/");
    logInIfAsked("admin", "demo");
    waitForText("发起流程");
    browser.findElement(By.cssSelector("li.start-process-action a")).click();
    waitForText("点击要发起的流程");
    screenshot("tasklist-start-process");
  }

  private static void sleepQuietly(Duration duration) {
    Browser.pause(duration);
  }

  private void open(String path) {
    chromium.on(port).open(path);
  }

  private void logInIfAsked(String user, String password) {
    chromium.logInIfAsked(user, password);
  }

  private void logIn(String user, String password) {
    chromium.logIn(user, password);
  }

  private void waitForText(String text) {
    chromium.waitForText(text);
  }

  private String body() {
    return chromium.body();
  }

  private String headerText() {
    return chromium.headerText();
  }

  private void screenshot(String name) {
    chromium.screenshot(name);
  }
}
