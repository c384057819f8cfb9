package dev.copydesk.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import dev.copydesk.support.ChromiumInstalled;

/**
 * One headless Debian Chromium at laptop width, driven through Debian's chromedriver: the paths are
 * given, so Selenium Manager never looks for (or downloads) a browser. Waits are bounded.
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    Browser(int port) {
        System.setProperty("webdriver.chrome.driver", ChromiumInstalled.CHROMEDRIVER.toString());
        try {
            this.profile = Files.createTempDirectory("copydesk-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumInstalled.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumInstalled.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().scriptTimeout(WAIT).pageLoadTimeout(WAIT);
        this.base = "http://localhost:" + port;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Signs in through the login form and waits for the console's navigation. */
    void login(String username, String password) {
        open("/console/login");
        WebElement user = waitFor(By.id("username"));
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        waitFor(By.cssSelector("#nav a"));
        waitUntil(d -> d.findElement(By.id("screen")).getAttribute("aria-busy") == null);
    }

    void logout() {
        driver.findElement(By.cssSelector("#logout-form button")).click();
        waitFor(By.id("login-form"));
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void waitForCount(By by, int count) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.numberOfElementsToBe(by, count));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Keys typed at whatever has the focus, as a person at the keyboard would. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    String status() {
        return driver.findElement(By.id("status")).getText();
    }

    void waitForStatus(String text) {
        waitForText(By.id("status"), text);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Saves the page as {@code target/screenshots/console-<name>.png} and answers the file. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve("console-" + name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's console messages so far (errors of our scripts show up here). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::toString).toList();
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    Map<String, Object> capabilities() {
        return driver.getCapabilities().asMap();
    }

    @Override
    public void close() {
        try {
            consoleMessages().forEach(m -> System.out.println("[browser] " + m));
        } catch (RuntimeException ignored) {
            // the log is a debugging aid only
        }
        driver.quit();
        FileSystemUtils.deleteRecursively(profile.toFile());
    }
}
