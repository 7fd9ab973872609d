package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver (.ci/run installs
 * both), over one portal: opening its pages, signing in as a fixture's account, screenshots into
 * target/screenshots or the folder named by -Dbulwark.screenshots (docs/web-portal.md).
 */
final class Chromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver browser;
    final Portal portal;
    private final PortalFixture fixture;
    private final Path screenshots;

    /** Starts the fixture's portal and a browser over it; {@link #close} stops both. */
    static Chromium over(PortalFixture fixture) throws IOException {
        Portal portal = fixture.start();
        try {
            return new Chromium(portal, fixture);
        } catch (IOException | RuntimeException | AssertionError e) {
            portal.close();
            throw e;
        }
    }

    private Chromium(Portal portal, PortalFixture fixture) throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does it)").isExecutable();
        assertThat(CHROMEDRIVER).isExecutable();
        this.portal = portal;
        this.fixture = fixture;
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900",
                        "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        screenshots = Files.createDirectories(Path.of(System.getProperty("bulwark.screenshots", "target/screenshots")));
    }

    void open(String path) {
        browser.get(portal.url().resolve(path).toString());
    }

    void shoot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** Signs in as the fixture's account of the role, with the code when the role needs two factors. */
    void signIn(Role role) {
        browser.manage().deleteAllCookies();
        open("/signin");
        browser.findElement(By.id("username")).sendKeys(PortalFixture.username(role));
        browser.findElement(By.id("password")).sendKeys(PortalFixture.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        if (role.administrator()) {
            waitUntil(() -> browser.getCurrentUrl().endsWith("/signin/code"), "the code page");
            fixture.clock.advance(Duration.ofMinutes(1)); // a fresh code for each sign-in
            browser.findElement(By.id("code")).sendKeys(Totp.code(fixture.secrets.get(role), fixture.clock.instant()));
            browser.findElement(By.id("verify-code")).click();
            waitUntil(() -> !browser.getCurrentUrl().endsWith("/signin/code"), "the code to be accepted");
        } else {
            // The click returns before the answer arrives; opening another page at once would abandon the sign-in.
            waitUntil(() -> !browser.getCurrentUrl().endsWith("/signin"), "the sign-in to be accepted");
        }
    }

    static void waitUntil(BooleanSupplier condition, String what) {
        for (int i = 0; i < 150; i++) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (StaleElementReferenceException e) {
                // the page reloaded between finding an element and reading it: look again
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("waited 15 s for " + what);
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            portal.close();
        }
    }
}
