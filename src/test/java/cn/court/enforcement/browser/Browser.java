package cn.court.enforcement.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium with a Chinese user, driven through Debian's chromedriver (so
 * Selenium never reaches for the network). Screenshots go under target/browser/.
 */
public final class Browser implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private Path screenshots;
  private int shot;

  public Browser(String name) {
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      throw new IllegalStateException("Browser tests need Debian's Chromium: "
          + "apt-get install -y chromium chromium-driver fonts-noto-cjk (.ci/run installs them)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--lang=zh-CN", "--window-size=1400,1000",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
        .withEnvironment(Map.of("TZ", "Asia/Shanghai")).build(); // a clerk's PC in Henan
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    screenshots = Path.of("target", "browser", name);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement await(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Present in the page, visible or not (form-js hides some of its inputs). */
  public WebElement awaitPresent(By by) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(by));
  }

  /**
   * Clicks like a person after scrolling the element to the middle; when a notification or
   * the footer lies over it, clicks it through the DOM (what a person does after moving the
   * page a little).
   */
  public void click(WebElement element) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    try {
      element.click();
    } catch (org.openqa.selenium.ElementClickInterceptedException e) {
      driver.executeScript("arguments[0].click()", element);
    }
  }

  public void awaitText(String text) {
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  /** Waits up to {@code timeout} for the text; false when it does not appear. */
  public boolean awaitText(String text, Duration timeout) {
    try {
      new WebDriverWait(driver, timeout).until(d -> d.findElement(By.tagName("body")).getText().contains(text));
      return true;
    } catch (org.openqa.selenium.TimeoutException e) {
      return false;
    }
  }

  /** Screenshots from now on go to target/browser/{@code name}/, numbered from 1. */
  public void folder(String name) {
    screenshots = Path.of("target", "browser", name);
    shot = 0;
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /** Saves a numbered screenshot, e.g. target/browser/tasklist/03-task-opened.png. */
  public Path screenshot(String step) {
    try {
      Files.createDirectories(screenshots);
      Path file = screenshots.resolve(String.format("%02d-%s.png", ++shot, step));
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves the page's HTML beside the screenshots, to see why a step failed. */
  public void savePage(String step) {
    try {
      Files.createDirectories(screenshots);
      Files.writeString(screenshots.resolve(String.format("%02d-%s.html", shot, step)), driver.getPageSource());
      StringBuilder console = new StringBuilder();
      driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
          .forEach(entry -> console.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n'));
      Files.writeString(screenshots.resolve(String.format("%02d-%s-console.txt", shot, step)), console);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
