package cn.onedoor.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium as a county officer's PC has it: language zh-CN, clock on Asia/Shanghai.
 * Uses Debian's {@code chromium} and {@code chromium-driver} (a browser downloaded by a test tool
 * does not run on this network); screenshots go to {@code target/screenshots/}. Without Chromium a
 * test is skipped, except on CI ({@code CI=true}) where it fails.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final WebDriver driver;
  private final Path profile;
  private int port;

  private Browser(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Call from a static @BeforeAll, so that a machine without Chromium skips before the application
   * starts.
   */
  public static Browser start(String language) throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String missing =
        "Browser tests need Debian's chromium and chromium-driver packages ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "): apt-get install -y chromium chromium-driver fonts-noto-cjk";
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail("CI=true but " + missing);
    }
    Assumptions.assumeTrue(installed, "Skipped: " + missing);

    Path profile = Files.createTempDirectory("onedoor-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--lang=" + language,
        "--window-size=1400,900",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            // The webapps show times in the browser's zone; pin it to the county's, whatever the
            // host runs on.
            .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
            .build();
    Files.createDirectories(SCREENSHOTS);
    return new Browser(new ChromeDriver(service, options), profile);
  }

  public Browser on(int port) {
    this.port = port;
    return this;
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String path) {
    driver.get("http://localhost:" + port + path);
  }

  public void logIn(String user, String password) {
    WebElement name =
        waitUntil(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
    name.clear();
    name.sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("form button[type='submit']")).click();
  }

  /** Apps share the login session, so a later app may open without asking. */
  public void logInIfAsked(String user, String password) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(any -> loginForm().isPresent() || headerText().contains("一扇门"));
    if (loginForm().isPresent()) {
      logIn(user, password);
    }
  }

  public void logOut() {
    driver.manage().deleteAllCookies();
  }

  public void waitForText(String text) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(30)).until(any -> body().contains(text));
    } catch (RuntimeException e) {
      screenshot("failed-waiting-for-" + Integer.toHexString(text.hashCode()));
      throw new AssertionError("page never showed \"" + text + "\"; it shows:\n" + body(), e);
    }
  }

  /**
   * Waits for the condition, looking again when an element it found was replaced meanwhile (a page
   * re-rendering, such as Cockpit after its login, makes elements stale between two calls).
   */
  public <T> T waitUntil(java.util.function.Function<? super WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition);
  }

  public String body() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public String headerText() {
    List<WebElement> headers = driver.findElements(By.cssSelector("[cam-widget-header]"));
    return headers.isEmpty() ? body() : headers.get(0).getText();
  }

  public void screenshot(String name) {
    try {
      Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new AssertionError("cannot save screenshot " + name, e);
    }
  }

  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Optional<WebElement> loginForm() {
    return driver.findElements(By.cssSelector("input[ng-model='username']")).stream()
        .filter(WebElement::isDisplayed)
        .findFirst();
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
    }
  }
}
