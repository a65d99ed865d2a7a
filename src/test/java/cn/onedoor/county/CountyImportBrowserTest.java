package cn.onedoor.county;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.support.Browser;
import cn.onedoor.support.Http;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The import page in a real headless Chromium, for a county configured as 大竹县 (511724): the
 * administrator reaches it from the Welcome page, chooses a units file with mistakes and reads each
 * by row and column, then previews the right file (what would be added and removed), loads it,
 * loads it again and is told nothing changed, and loads the staff. A county supervisor sees the
 * page but no way to load. Screenshots: target/screenshots/county-*.png.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"onedoor.county.code=511724", "onedoor.county.name=大竹县"})
@ActiveProfiles("test")
// The administrator's test sees the database before any load; the others load (again) themselves.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CountyImportBrowserTest {

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
  void logOut() {
    chromium.logOut();
  }

  @Test
  @Order(1)
  void theAdministratorPreviewsLoadsAndReloadsTheCountysFiles() throws IOException {
    chromium.on(port).open("/camunda/app/welcome/default/");
    chromium.logIn("admin", "demo");
    chromium.waitForText("单位与人员导入");
    click(By.linkText("单位与人员导入"));
    chromium.waitForText("本县：大竹县（511724）");
    assertThat(chromium.driver().getTitle()).isEqualTo("单位与人员导入 · 一扇门");

    String units = resource("/county/511724-units.csv");
    String wrong =
        units
            .replace("TOWN,511724102,庙坝镇,,35000", "TOWN,51172410X,庙坝镇,,35000")
            .replace(
                "VILLAGE,511724101001,石河村,511724101,3000",
                "HAMLET,511724101001,石河村,511724101,3000");
    chromium.driver().findElement(By.id("units-file")).sendKeys(file("wrong", wrong));
    chromium.waitUntil(driver -> value(By.id("units-text")).contains("HAMLET"));
    assertThat(text(By.id("units-file-name"))).isEqualTo("units.csv");
    click(By.id("units-dry-run"));
    chromium.waitForText("导入文件有误，未导入任何内容");
    assertThat(text(By.id("units-result")))
        .contains("第4行 code 列：乡镇代码应为 511724 加 3 位数字，收到“51172410X”")
        .contains("第7行 kind 列：类别应为 TOWN");
    chromium.screenshot("county-1-mistakes");

    chromium.driver().findElement(By.id("units-file")).sendKeys(file("right", units));
    chromium.waitUntil(driver -> !value(By.id("units-text")).contains("HAMLET"));
    click(By.id("units-dry-run"));
    chromium.waitForText("预演（未改动）");
    String preview = text(By.id("units-result"));
    // new: the county, its towns and villages; its committees and departments keep their codes
    // (the ones routing uses) and move under the new county; 渠县's towns and villages go
    assertThat(preview)
        .contains("预演（未改动）：新增 8，", "乡镇 庙坝镇（511724102）", "村（社区） 东湖社区（511724100001）")
        .contains("将变更", "调委会 县医疗纠纷人民调解委员会（MEDICAL）：上级：511725 → 511724")
        .contains("将删除", "县 渠县（511725）", "乡镇 土溪镇（511725103）");
    chromium.screenshot("county-2-preview");

    click(By.id("units-apply"));
    chromium.waitForText("已导入：新增 8，");
    click(By.id("units-apply"));
    chromium.waitForText("已导入：没有任何改动，未变 17");

    chromium
        .driver()
        .findElement(By.id("staff-file"))
        .sendKeys(file("staff", resource("/county/511724-staff.csv")));
    chromium.waitUntil(driver -> value(By.id("staff-text")).contains("dz-intake"));
    click(By.id("staff-apply"));
    chromium.waitForText("已导入：新增 9");
    assertThat(text(By.id("staff-result")))
        .contains("王大受（dz-intake） intake:county:511724：新账号，初始密码短信发送至 139****0001");
    chromium.screenshot("county-3-loaded");
  }

  @Test
  void aCountySupervisorSeesThePageButCannotLoad() {
    chromium.on(port).open("/county/");
    chromium.waitForText("使用系统管理（Admin）的同一账号");
    type(By.id("username"), "countysupervisor");
    type(By.id("password"), "demo");
    click(By.cssSelector("#login-form button[type='submit']"));
    chromium.waitForText("只有系统管理员可以导入单位与人员。");
    assertThat(chromium.driver().findElement(By.id("forms")).isDisplayed()).isFalse();
  }

  /**
   * A new person logs in to the Welcome page with the first password the SMS told them, changes it
   * under 个人资料 → 修改密码 as the refusal says, and then Tasklist works for them.
   */
  @Test
  void aNewPersonChangesTheFirstPasswordOnTheWelcomePageThenWorksInTasklist() throws IOException {
    Http admin = new Http(port).as("admin", "demo");
    for (String what : new String[] {"units", "staff"}) {
      byte[] csv = resource("/county/511724-" + what + ".csv").getBytes(StandardCharsets.UTF_8);
      assertThat(admin.post("/api/county/" + what, "text/csv", csv).statusCode()).isEqualTo(200);
    }
    String sms =
        jdbc.queryForObject(
            "select text from simulated_sms where notice = 'STAFF_ACCOUNT' and text like ?"
                + " order by id desc limit 1",
            String.class,
            "%账号 dz-townmediator 已开通%");
    Matcher matcher = Pattern.compile("初始密码 ([A-Za-z0-9]+)").matcher(sms);
    assertThat(matcher.find()).as(sms).isTrue();
    String first = matcher.group(1);
    assertThat(new Http(port).as("dz-townmediator", first).get("/api/units").body())
        .contains("请先修改初始密码", "个人资料");

    chromium.on(port).open("/camunda/app/welcome/default/");
    chromium.logIn("dz-townmediator", first);
    chromium.waitForText("修改密码");
    click(By.linkText("修改密码"));
    type(By.id("user-password-current"), first);
    type(By.cssSelector("div[cam-widget-password] input"), "Zhuyang-Own-2026");
    type(By.id("user-password-confirmation"), "Zhuyang-Own-2026");
    chromium.screenshot("county-4-first-password");
    click(By.cssSelector("form.change-password button[type='submit']"));
    chromium.waitForText("密码已修改");

    chromium.open("/camunda/app/tasklist/default/");
    chromium.logInIfAsked("dz-townmediator", "Zhuyang-Own-2026");
    chromium.waitForText("我的待办");
    chromium.screenshot("county-5-tasklist");
    assertThat(
            new Http(port).as("dz-townmediator", "Zhuyang-Own-2026").get("/api/units").statusCode())
        .isEqualTo(200);
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = CountyImportBrowserTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String file(String name, String content) throws IOException {
    Path directory =
        Files.createDirectories(Path.of("target", "county-browser-test", name)).toAbsolutePath();
    Path file = directory.resolve(name.equals("staff") ? "staff.csv" : "units.csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file.toString();
  }

  private String text(By by) {
    return chromium.waitUntil(driver -> driver.findElement(by)).getText();
  }

  private String value(By by) {
    return chromium.waitUntil(driver -> driver.findElement(by)).getAttribute("value");
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
