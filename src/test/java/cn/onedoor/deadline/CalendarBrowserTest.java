package cn.onedoor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.support.Browser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The holiday-notice page in a real headless Chromium, in December 2026 while the State Council's
 * 2027 notice is awaited: the administrator sees 2027 provisional, uploads a notice with mistakes
 * and reads each one by its field, then publishes the right notice and sees 2027 published under
 * its title. A county supervisor reaches the page from the Welcome page and sees the years but no
 * way to publish, and goes back and forth to the supervisors' page. Screenshots:
 * target/screenshots/calendar-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(CalendarBrowserTest.MidDecember2026.class)
class CalendarBrowserTest {

  /** "Today" for the application: the 2026 notice is counted with, 2027's is not out yet. */
  @TestConfiguration(proxyBeanMethods = false)
  static class MidDecember2026 {

    @Bean
    @Primary
    Clock midDecember2026() {
      return TestCalendars.fixedAt("2026-12-10T10:00:00");
    }
  }

  /**
   * A 2027 notice as the State Council would plausibly word it under the 2025 rules (春节 from 除夕,
   * 劳动节 two days, 国庆节 three): every statutory day inside a range, no ranges overlapping, make-up
   * days on weekends only.
   */
  static final String NOTICE_2027 =
      """
      {
        "year": 2027,
        "source": {
          "notice": "国务院办公厅关于2027年部分节假日安排的通知",
          "number": null,
          "issued": "2026-11-12",
          "url": null,
          "transcribed": "Test data, not the real notice: statutory days of the 2025 rules, ranges as usual."
        },
        "holidays": [
          { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" },
          { "name": "春节", "from": "2027-02-05", "to": "2027-02-12" },
          { "name": "清明节", "from": "2027-04-03", "to": "2027-04-05" },
          { "name": "劳动节", "from": "2027-05-01", "to": "2027-05-05" },
          { "name": "端午节", "from": "2027-06-09", "to": "2027-06-09" },
          { "name": "中秋节", "from": "2027-09-15", "to": "2027-09-15" },
          { "name": "国庆节", "from": "2027-10-01", "to": "2027-10-07" }
        ],
        "makeUpWorkingDays": [
          { "date": "2027-01-31", "for": "春节" },
          { "date": "2027-02-20", "for": "春节" },
          { "date": "2027-05-08", "for": "劳动节" },
          { "date": "2027-09-26", "for": "国庆节" },
          { "date": "2027-10-09", "for": "国庆节" }
        ]
      }
      """;

  /**
   * The same notice typed in a hurry: 春节 starts a day late (leaves out 除夕, a statutory day), 劳动节
   * still has last year's dates, and the first make-up day falls inside 春节. The make-up day and the
   * dates outside 2027 are caught whichever statutory rules the server knows; the missing 除夕 needs
   * the full lunar rules, so it is not asserted.
   */
  static final String NOTICE_2027_WITH_MISTAKES =
      NOTICE_2027
          .replace("\"from\": \"2027-02-05\"", "\"from\": \"2027-02-06\"")
          .replace(
              "{ \"name\": \"劳动节\", \"from\": \"2027-05-01\", \"to\": \"2027-05-05\" }",
              "{ \"name\": \"劳动节\", \"from\": \"2026-05-01\", \"to\": \"2026-05-05\" }")
          .replace(
              "{ \"date\": \"2027-01-31\", \"for\": \"春节\" }",
              "{ \"date\": \"2027-02-06\", \"for\": \"春节\" }");

  @LocalServerPort int port;

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
  void logOut() {
    chromium.logOut();
  }

  @Test
  void theAdministratorIsToldWhatIsWrongWithANoticeThenPublishesTheRightOne() throws IOException {
    assertThat(NOTICE_2027_WITH_MISTAKES)
        .contains("2027-02-06\", \"for\"", "2026-05-01", "\"from\": \"2027-02-06\"");

    chromium.on(port).open("/calendar/");
    chromium.waitForText("使用任务清单、流程监控的同一账号");
    chromium.screenshot("calendar-0-login");
    type(By.id("username"), "admin");
    type(By.id("password"), "demo");
    click(By.cssSelector("#login-form button[type='submit']"));

    chromium.waitForText("各年节假日安排");
    chromium.waitForText("0 个进行中的期限为暂定");
    assertThat(yearRow(2027)).contains("2027年（明年）", "暂定（按法定节假日推算）");
    assertThat(yearRow(2026)).contains("已公布", "国务院办公厅关于2026年部分节假日安排的通知");
    assertThat(yearRow(2008)).contains("已公布", "国务院办公厅关于2008年部分节假日安排的通知");
    // next year is shown first while its notice is awaited: only the statutory days, no make-up
    // days
    waitForYear(2027, "2027年 · 暂定（按法定节假日推算）");
    assertThat(text(By.id("year"))).contains("国庆节", "暂定年份不含调休上班日");
    assertThat(chromium.driver().findElement(By.id("publish-form")).isDisplayed()).isTrue();
    chromium.screenshot("calendar-1-years");

    click(By.cssSelector("#years tr[data-year='2026']"));
    waitForYear(2026, "2026年 · 已公布");
    assertThat(text(By.id("year"))).contains("春节", "2月15日（周日） 至 2月23日（周一）", "9天", "2月14日（周六） 上班");
    chromium.screenshot("calendar-2-year-2026");

    // the notice with mistakes, from a file as it would come from whoever typed it
    chromium
        .driver()
        .findElement(By.id("publish-file"))
        .sendKeys(file("wrong", NOTICE_2027_WITH_MISTAKES));
    chromium.waitUntil(driver -> value(By.id("publish-text")).contains("2026-05-01"));
    assertThat(value(By.id("publish-year"))).isEqualTo("2027");
    assertThat(text(By.id("publish-file-name"))).isEqualTo("cn-2027.json");
    click(By.id("publish-submit"));
    chromium.waitForText("节假日安排有误，未公布");
    String problems = text(By.id("publish-result"));
    assertThat(problems)
        .contains("makeUpWorkingDays[0].date（调休上班第1项“春节”的日期）：2027-02-06是节假日（春节），不能同时是调休上班日")
        .contains("holidays[3].from（放假第4项“劳动节”的起始日期）：日期2026-05-01不在2027年内")
        .contains("holidays（放假安排）：缺少法定节假日2027-05-01（劳动节");
    scrollIntoView(By.id("publish-result"));
    chromium.screenshot("calendar-3-mistakes");
    // nothing published, and the text stays to be corrected
    assertThat(value(By.id("publish-text"))).isEqualTo(NOTICE_2027_WITH_MISTAKES);
    chromium.open("/calendar/");
    chromium.waitForText("各年节假日安排");
    assertThat(yearRow(2027)).contains("暂定（按法定节假日推算）").doesNotContain("已公布");

    // the right notice, pasted
    WebElement box = chromium.waitUntil(driver -> driver.findElement(By.id("publish-text")));
    box.clear();
    box.sendKeys(NOTICE_2027);
    click(By.id("publish-submit"));
    chromium.waitForText("已公布2027年节假日安排；重新计算 0 件案件，调整 0 个期限");
    chromium.waitUntil(driver -> yearRow(2027).contains("已公布"));
    assertThat(yearRow(2027)).contains("已公布", "国务院办公厅关于2027年部分节假日安排的通知").doesNotContain("暂定");
    waitForYear(2027, "2027年 · 已公布");
    assertThat(text(By.id("year")))
        .contains(
            "依据：国务院办公厅关于2027年部分节假日安排的通知",
            "2月5日（周五） 至 2月12日（周五）",
            "8天",
            "1月31日（周日） 上班",
            "10月9日（周六） 上班");
    chromium.screenshot("calendar-4-published");

    // the same notice again changes nothing
    chromium.waitUntil(driver -> driver.findElement(By.id("publish-text"))).sendKeys(NOTICE_2027);
    click(By.id("publish-submit"));
    chromium.waitForText("与已公布的2027年安排相同，未作改动");
  }

  @Test
  void aCountySupervisorFindsThePageOnTheWelcomePageAndCannotPublish() {
    chromium.on(port).open("/camunda/app/welcome/default/");
    chromium.logIn("countysupervisor", "demo");
    chromium.waitForText("督办一屏");
    chromium.waitForText("节假日安排");
    chromium.screenshot("calendar-5-welcome-links");
    click(By.linkText("节假日安排"));

    // the webapps' session carries over: no second login
    chromium.waitForText("各年节假日安排");
    assertThat(chromium.driver().getTitle()).isEqualTo("节假日安排 · 一扇门");
    assertThat(yearRow(2026)).contains("已公布");
    assertThat(chromium.body()).contains("只有系统管理员可以公布节假日安排");
    assertThat(chromium.driver().findElement(By.id("publish")).isDisplayed()).isFalse();
    assertThat(
            chromium.driver().findElements(By.cssSelector("#publish-form button")).stream()
                .filter(WebElement::isDisplayed)
                .toList())
        .isEmpty();
    chromium.screenshot("calendar-6-not-administrator");

    // to the supervisors' page and back through its header
    click(By.linkText("督办一屏"));
    chromium.waitForText("在办案件");
    click(By.linkText("节假日安排"));
    chromium.waitForText("各年节假日安排");
  }

  private String yearRow(int year) {
    List<WebElement> rows =
        chromium.driver().findElements(By.cssSelector("#years tr[data-year='" + year + "']"));
    return rows.isEmpty() ? "" : rows.get(0).getText();
  }

  private void waitForYear(int year, String title) {
    chromium.waitUntil(
        driver ->
            String.valueOf(year).equals(driver.findElement(By.id("year")).getAttribute("data-year"))
                && driver.findElement(By.id("year-title")).getText().equals(title));
  }

  private static String file(String name, String content) throws IOException {
    Path directory =
        Files.createDirectories(Path.of("target", "calendar-browser-test", name)).toAbsolutePath();
    Path file = directory.resolve("cn-2027.json");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file.toString();
  }

  private String text(By by) {
    return chromium.waitUntil(driver -> driver.findElement(by)).getText();
  }

  private String value(By by) {
    return chromium.waitUntil(driver -> driver.findElement(by)).getAttribute("value");
  }

  private void scrollIntoView(By by) {
    ((org.openqa.selenium.JavascriptExecutor) chromium.driver())
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center'})", chromium.driver().findElement(by));
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
