package org.ngms.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of browser tests: the whole service on a random port and headless Chromium driven through WebDriver
 * (Debian's {@code chromium} and {@code chromium-driver}; {@code CHROME_BIN} and {@code CHROMEDRIVER} override the
 * paths). A browser that cannot start fails the test: it never skips. Screenshots go to
 * {@code target/screenshots}.
 */
public abstract class BrowserTestBase extends IntegrationTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriver shared;

    @LocalServerPort
    private int port;

    protected WebDriver browser;

    @BeforeEach
    void browser() {
        if (shared == null) {
            shared = start();
        }
        browser = shared;
        // each test starts as a new visitor: one tab, no stored tokens, no cookies
        List<String> tabs = List.copyOf(browser.getWindowHandles());
        for (String tab : tabs.subList(1, tabs.size())) {
            browser.switchTo().window(tab).close();
        }
        browser.switchTo().window(tabs.get(0));
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url("/app/ngms.css"));
        js("sessionStorage.clear(); localStorage.clear()");
        browser.manage().deleteAllCookies();
        consoleErrors();
    }

    @AfterAll
    static void quit() {
        if (shared != null) {
            shared.quit();
            shared = null;
        }
    }

    private static ChromeDriver start() {
        String binary = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
        String driver = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(binary)) || !Files.isExecutable(Path.of(driver))) {
            throw new AssertionError("browser tests need Chromium at " + binary + " and ChromeDriver at " + driver
                    + " (apt-get install chromium chromium-driver; .ci/run does it)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--lang=en-GB", "--window-size=1280,1000",
                "--user-data-dir=" + temporaryDirectory());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile())
                .usingAnyFreePort().build();
        try {
            return new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            throw new AssertionError("could not start Chromium through ChromeDriver: " + e.getMessage(), e);
        }
    }

    private static String temporaryDirectory() {
        try {
            return Files.createTempDirectory("ngms-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens {@code path} of the service and waits until the page has loaded its modules. */
    protected void open(String path) {
        browser.get(url(path));
        waitUntil(d -> "complete".equals(js("return document.readyState")));
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    protected <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    protected WebElement visible(By by) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element {@code by} holds {@code text}, and returns the element. */
    protected WebElement textIn(By by, String text) {
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return browser.findElement(by);
    }

    /** The text of the element {@code by}, read again if the page re-rendered it meanwhile. */
    protected String textOf(By by) {
        return waitUntil(d -> d.findElement(by).getText());
    }

    /** Types {@code text} into the field {@code by}, replacing its value; again if the page re-rendered it. */
    protected void type(By by, String text) {
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    WebElement field = d.findElement(by);
                    if (!field.isDisplayed()) {
                        return false;
                    }
                    field.clear();
                    field.sendKeys(text);
                    return text.equals(field.getDomProperty("value"));
                });
    }

    /** Chooses the option {@code value} of the select {@code by}, once it has it; again if the page re-rendered it. */
    protected void select(By by, String value) {
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> {
                    new org.openqa.selenium.support.ui.Select(d.findElement(by)).selectByValue(value);
                    return value.equals(d.findElement(by).getDomProperty("value"));
                });
    }

    /** Clicks {@code by} once it can be clicked, finding it again if the page re-rendered it meanwhile. */
    protected void click(By by) {
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .until(d -> {
                    WebElement target = d.findElement(by);
                    if (!target.isDisplayed() || !target.isEnabled()) {
                        return false;
                    }
                    js("arguments[0].scrollIntoView({block: 'center'})", target);
                    target.click();
                    return true;
                });
    }

    /** The browser console's errors since the last call (CSP violations, failed requests, uncaught exceptions). */
    protected List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Drains the console, which must hold only errors containing {@code expected} (a refusal the test caused). */
    protected void expectConsoleErrors(String expected) {
        assertThat(consoleErrors()).as("console errors other than the expected " + expected)
                .allSatisfy(e -> assertThat(e).contains(expected));
    }

    protected void assertNoConsoleErrors(String page) {
        assertThat(consoleErrors()).as("console errors on " + page).isEmpty();
    }

    /** Writes a screenshot of the current page to target/screenshots/{name}.png. */
    protected Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * At 390 px wide (a phone), the page must not scroll sideways: wide tables scroll inside their own region.
     * Takes a screenshot {@code name}-390 and restores the desktop size.
     */
    protected void assertFitsPhoneWidth(String name) {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            waitUntil(d -> ((Number) js("return window.innerWidth")).intValue() <= 390);
            Map<?, ?> sizes = (Map<?, ?>) js("return {scroll: document.documentElement.scrollWidth, "
                    + "inner: document.documentElement.clientWidth}");
            Object wide = js("const w = document.documentElement.clientWidth; return [...document.querySelectorAll("
                    + "'body *')].filter(e => e.getBoundingClientRect().right > w + 1"
                    + ").slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' '"
                    + " + Math.round(e.getBoundingClientRect().right)).join(', ')");
            assertThat(((Number) sizes.get("scroll")).intValue()).as(name + " at 390 px: page width; too wide: " + wide)
                    .isLessThanOrEqualTo(((Number) sizes.get("inner")).intValue());
            screenshot(name + "-390");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    /**
     * Presses Tab from the top of the page until {@code target} has the focus (at most 80 times), checks that the
     * focused element shows a visible focus indicator, and returns it; fails if the keyboard cannot reach it.
     */
    protected WebElement tabTo(By target) {
        WebElement wanted = visible(target);
        js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
        new Actions(browser).moveToElement(browser.findElement(By.tagName("body")), 0, 0).click().perform();
        for (int i = 0; i < 80; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            if (focused.equals(wanted)) {
                String outline = (String) js("const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' '"
                        + " + s.boxShadow + ' ' + s.backgroundColor", focused);
                assertThat(outline).as("focus indicator of " + target).isNotEqualTo("none none rgba(0, 0, 0, 0)");
                return focused;
            }
        }
        throw new AssertionError("the keyboard (Tab) never reaches " + target);
    }
}
