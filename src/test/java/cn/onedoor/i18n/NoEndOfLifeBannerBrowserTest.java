package cn.onedoor.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.support.Browser;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Camunda 7.24 CE prints a red end-of-life banner ("是时候迁移到 Camunda 8 了 …") above the header of
 * every webapp page, with no setting to turn it off. County staff cannot act on it, so our
 * user-styles.css hide it (docs/operations.md says what it means, for the operators). Looks at the
 * login page and the pages an officer opens first in each app, in Chinese and in English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NoEndOfLifeBannerBrowserTest {

  /** What the banner says, in our zh.json and in Camunda's en.json. */
  static final List<String> BANNER_WORDS =
      List.of("迁移到 Camunda 8", "Camunda 7 社区版的最后一个版本", "migrate to Camunda 8", "Camunda 7 CE");

  static final Map<String, String> PAGES =
      Map.of(
          "tasklist", "/camunda/app/tasklist/default/",
          "cockpit", "/camunda/app/cockpit/default/#/processes",
          "admin", "/camunda/app/admin/default/#/users",
          "welcome", "/camunda/app/welcome/default/");

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

  @Test
  void loginPageShowsNoBanner() {
    chromium.on(port).logOut();
    chromium.open("/camunda/app/tasklist/default/");
    chromium.waitUntil(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("input[ng-model='username']")));
    Browser.pause(Duration.ofSeconds(1)); // the header renders the banner late
    chromium.screenshot("no-banner-login");
    assertNoBanner("login page");
  }

  @Test
  void noAppShowsTheBannerToALoggedInOfficer() {
    chromium.on(port);
    PAGES.forEach(
        (app, path) -> {
          chromium.open(path);
          appLoaded();
          chromium.logInIfAsked("admin", "demo");
          chromium.waitUntil(driver -> chromium.headerText().contains("一扇门"));
          Browser.pause(Duration.ofSeconds(1)); // the header renders the banner late
          chromium.screenshot("no-banner-" + app);
          assertNoBanner(app);
        });
  }

  @Test
  void anEnglishBrowserSeesNoBannerEither() throws IOException {
    try (Browser english = Browser.start("en-US")) {
      english.on(port).open("/camunda/app/cockpit/default/");
      english.logInIfAsked("admin", "demo");
      english.waitForText("Processes");
      Browser.pause(Duration.ofSeconds(1));
      assertThat(english.body()).doesNotContain(BANNER_WORDS);
      assertThat(english.driver().findElements(By.cssSelector(".ce-eol-banner")))
          .noneMatch(WebElement::isDisplayed);
    }
  }

  /**
   * An app's first load on a busy machine (2 shared cores) can outlast Browser's 30 s: wait longer
   * for its login form or its header before looking.
   */
  private void appLoaded() {
    new WebDriverWait(chromium.driver(), Duration.ofSeconds(120))
        .until(
            driver ->
                !driver.findElements(By.cssSelector("input[ng-model='username']")).isEmpty()
                    || chromium.headerText().contains("一扇门"));
  }

  private void assertNoBanner(String where) {
    assertThat(chromium.body()).as(where).doesNotContain(BANNER_WORDS);
    assertThat(chromium.driver().findElements(By.cssSelector(".ce-eol-banner")))
        .as(where + ": a visible .ce-eol-banner")
        .noneMatch(WebElement::isDisplayed);
  }
}
