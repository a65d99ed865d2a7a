package cn.onedoor.designer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.support.Browser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The what-if page in a real headless Chromium: the designer logs in with the webapps' account,
 * uploads the routing table with the village rule sending cases to the town, and sees the case it
 * would move (by its code, 村人民调解 → 乡镇人民调解) and the summary by channel; then a file with a broken
 * rule, and reads the rule's id. Nothing is deployed. Screenshots:
 * target/screenshots/what-if-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WhatIfBrowserTest {

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;

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
  void theDesignerUploadsAChangedRoutingTableAndSeesTheCasesItWouldMove() throws IOException {
    String neighbourCase = WhatIfApiTest.register(port, "NEIGHBOUR");
    String medicalCase = WhatIfApiTest.register(port, "MEDICAL");
    WhatIfApiTest.runAsyncSteps(managementService);
    long deployments = repositoryService.createDeploymentQuery().count();
    Path changed = Files.createTempFile("channel-routing-", ".dmn");
    Files.writeString(changed, WhatIfApiTest.villageRuleGoesToTown(), StandardCharsets.UTF_8);
    Path broken = Files.createTempFile("channel-routing-broken-", ".dmn");
    Files.writeString(
        broken,
        WhatIfApiTest.brokenVillageRule(WhatIfApiTest.villageRuleGoesToTown()),
        StandardCharsets.UTF_8);

    chromium.on(port).open("/designer/what-if/");
    chromium.waitForText("使用任务清单、流程监控的同一账号");
    type(By.id("username"), "designer");
    type(By.id("password"), "demo");
    click(By.cssSelector("#login-form button[type='submit']"));
    chromium.waitForText("推演不部署任何内容");

    chromium.driver().findElement(By.id("what-if-file")).sendKeys(changed.toString());
    chromium.waitForText(changed.getFileName().toString());
    click(By.id("what-if-submit"));
    chromium.waitUntil(driver -> driver.findElement(By.id("answer")).isDisplayed());
    chromium.screenshot("what-if-1-changed-table");

    WebElement row =
        chromium.waitUntil(
            driver ->
                driver.findElement(
                    By.cssSelector("#changes tr[data-case='" + neighbourCase + "']")));
    assertThat(row.getText()).contains(neighbourCase, "channel", "PEOPLES_VILLAGE", "PEOPLES_TOWN");
    assertThat(row.findElement(By.cssSelector("td.old")).getText()).contains("PEOPLES_VILLAGE");
    assertThat(row.findElement(By.cssSelector("td.new")).getText()).contains("PEOPLES_TOWN");
    assertThat(
            chromium
                .driver()
                .findElements(By.cssSelector("#changes tr[data-case='" + medicalCase + "']")))
        .isEmpty();
    String village =
        chromium
            .driver()
            .findElement(By.cssSelector("#by-channel tr[data-channel='PEOPLES_VILLAGE']"))
            .getText();
    assertThat(village).startsWith("村人民调解").contains("−");
    assertThat(
            chromium
                .driver()
                .findElement(By.cssSelector("#by-channel tr[data-channel='PEOPLES_TOWN']"))
                .getText())
        .startsWith("乡镇人民调解")
        .contains("+");
    assertThat(text(By.id("what-if-result"))).containsPattern("\\d+ 个案件、\\d+ 次评估结果会不同");

    chromium.driver().findElement(By.id("what-if-file")).sendKeys(broken.toString());
    chromium.waitForText(broken.getFileName().toString());
    click(By.id("what-if-submit"));
    chromium.waitForText("决策表规则有误");
    assertThat(text(By.id("what-if-result"))).contains("Rule_CR_PeoplesVillage", "来源渠道");
    chromium.screenshot("what-if-2-broken-rule");

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aMediatorReachingThePageIsToldItIsForDesigners() throws IOException {
    Path changed = Files.createTempFile("channel-routing-", ".dmn");
    Files.writeString(changed, WhatIfApiTest.villageRuleGoesToTown(), StandardCharsets.UTF_8);

    chromium.on(port).open("/designer/what-if/");
    type(By.id("username"), "townmediator");
    type(By.id("password"), "demo");
    click(By.cssSelector("#login-form button[type='submit']"));
    chromium.waitForText("推演不部署任何内容");
    chromium.driver().findElement(By.id("what-if-file")).sendKeys(changed.toString());
    chromium.waitForText(changed.getFileName().toString());
    click(By.id("what-if-submit"));

    chromium.waitForText("只有流程设计员和系统管理员可以推演决策表");
    assertThat(chromium.driver().findElement(By.id("answer")).isDisplayed()).isFalse();
  }

  private static String text(By by) {
    return chromium.waitUntil(driver -> driver.findElement(by)).getText();
  }

  private static void click(By by) {
    chromium.waitUntil(driver -> driver.findElement(by)).click();
  }

  private static void type(By by, String text) {
    WebElement field = chromium.waitUntil(driver -> driver.findElement(by));
    field.clear();
    field.sendKeys(text);
  }
}
