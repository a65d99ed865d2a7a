package cn.onedoor.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.support.Browser;
import cn.onedoor.support.EngineClockTestConfiguration;
import cn.onedoor.support.TestResidentIds;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A party looks up their case on the plain Chinese page with the case code and four digits of a
 * mobile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EngineClockTestConfiguration.class)
class PartyStatusPageBrowserTest {

  static Browser chromium;

  @LocalServerPort int port;
  @Autowired Intake intake;
  @Autowired cn.onedoor.casefile.CaseJournal journal;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = Browser.start("zh-CN");
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-03-02T09:00:00+08:00").toInstant()));
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    ClockUtil.reset();
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aPartySeesStageUnitAndDeadlineButNoNames() throws Exception {
    String applicantId = TestResidentIds.forNumber(4242);
    IntakeRequest request =
        IntakeRequests.JSON.treeToValue(
            IntakeRequests.villageWindowCase(
                applicantId, "13966668888", TestResidentIds.forNumber(4243)),
            IntakeRequest.class);
    String caseCode = intake.register(request, null, "intake").caseCode();

    chromium.on(port).open("/status/");
    chromium.waitForText("案件进度查询");
    // the county's name and code come from configuration (onedoor.county), not the page
    chromium.waitForText("渠县社会治理中心");
    assertThat(chromium.driver().findElement(By.id("caseCode")).getAttribute("placeholder"))
        .isEqualTo("如 511725-2026-000123");
    chromium.driver().findElement(By.id("caseCode")).sendKeys(caseCode);
    chromium.driver().findElement(By.id("mobileLast4")).sendKeys("0000");
    chromium.driver().findElement(By.cssSelector("button[type=submit]")).click();
    chromium.waitForText("未查到");

    chromium.driver().findElement(By.id("mobileLast4")).clear();
    chromium.driver().findElement(By.id("mobileLast4")).sendKeys("8888");
    chromium.driver().findElement(By.cssSelector("button[type=submit]")).click();
    chromium.waitForText("承办单位");
    chromium.screenshot("party-status-page");

    assertThat(chromium.driver().findElement(By.id("stage")).getText()).isEqualTo("登记受理");
    assertThat(chromium.driver().findElement(By.id("unit")).getText()).isEqualTo("汇东社区");
    assertThat(chromium.body())
        .contains("诉讼时效", "起中断", "调解程序结束之日起，时效期间重新计算（三年）", "办理中")
        .doesNotContain("张三", applicantId, "13966668888");

    // mediation ends: the party sees when the new limitation period expires (民法典 arts 188, 195)
    journal.mediationEnded(caseCode, "TERMINATED");
    chromium.driver().findElement(By.cssSelector("button[type=submit]")).click();
    chromium.waitForText("届满");
    assertThat(chromium.driver().findElement(By.id("limitation-expiry")).getText())
        .isEqualTo("2029年3月2日");
    assertThat(chromium.driver().findElement(By.id("limitation")).getText())
        .contains("调解程序结束起重新计算", "诉讼时效期间为三年");
  }
}
