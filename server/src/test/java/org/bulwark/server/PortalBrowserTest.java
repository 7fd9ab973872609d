package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The portal in a real browser: Debian's Chromium, headless, driven by Selenium through Debian's
 * chromedriver (.ci/run installs both). Screenshots of the pages it passes go to target/screenshots,
 * or to the folder named by -Dbulwark.screenshots (docs/web-portal.md: how docs/img was made).
 */
class PortalBrowserTest {
    @TempDir
    static Path dir;
    static PortalFixture fixture;
    static Chromium chromium;
    static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        fixture = new PortalFixture(dir);
        EquipmentFixture.seed(fixture);
        chromium = Chromium.over(fixture);
        browser = chromium.browser;
    }

    @AfterAll
    static void stop() {
        chromium.close();
    }

    private static void open(String path) {
        chromium.open(path);
    }

    private static void shoot(String name) throws IOException {
        chromium.shoot(name);
    }

    private static void signIn(Role role) {
        chromium.signIn(role);
    }

    @Test
    void anAdministratorSignsInWithTwoFactorsAndSeesTheStatewidePage() throws IOException {
        browser.manage().deleteAllCookies();
        open("/signin");
        shoot("sign-in");
        browser.findElement(By.id("username")).sendKeys("state-admin");
        browser.findElement(By.id("password")).sendKeys("not the password");
        browser.findElement(By.id("sign-in")).click();
        assertThat(browser.findElement(By.id("problem")).getText()).isEqualTo(SignIn.WRONG);

        signIn(Role.STATE_ADMIN);
        assertThat(browser.getCurrentUrl()).endsWith("/state");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Statewide readiness");
        // Three authorities x five checks, every one answered (devices, seals and L&A from the custody records).
        assertThat(browser.findElements(By.cssSelector("#readiness td.open, #readiness td.done"))).hasSize(15);
        assertThat(browser.findElement(By.id("readiness")).getText()).contains("no devices recorded").doesNotContain("not tracked yet");
        shoot("statewide");
    }

    @Test
    void aCountyUploadsAResultsPackageAndThePublicSeesTheResults() throws IOException {
        Path pkg = fixture.goodPackage("precinct-results");
        signIn(Role.AUTHORITY_ADMIN);
        assertThat(browser.getCurrentUrl()).endsWith("/a/" + fixture.authorityA.value());
        browser.findElement(By.linkText("Upload a results package")).click();
        browser.findElement(By.cssSelector("#mode option[value=official]")).click();
        browser.findElement(By.id("package")).sendKeys(pkg.toAbsolutePath().toString());
        shoot("upload");
        browser.findElement(By.id("upload")).click();
        WebElement outcome = waitForOutcome();
        assertThat(outcome.getText()).startsWith("Verified and imported: " + String.format("%,d", fixture.ballotsOf(fixture.authorityA).size()));
        shoot("upload-done");

        // The same package again: refused as a replay, in words.
        open("/a/" + fixture.authorityA.value() + "/upload");
        browser.findElement(By.id("package")).sendKeys(pkg.toAbsolutePath().toString());
        browser.findElement(By.id("upload")).click();
        assertThat(waitForOutcome().getText()).isEqualTo("Refused: " + UploadJobs.Failure.REPLAY.headline);
        shoot("upload-refused");

        open("/results/" + fixture.stored.ref().id());
        assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSizeGreaterThan(1);
        shoot("results");

        browser.manage().deleteAllCookies();
        open("/public");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Public results and log");
        assertThat(browser.getPageSource()).contains(fixture.fingerprint.substring(0, 7));
        shoot("public");
        browser.findElement(By.linkText(fixture.stored.title())).click();
        assertThat(browser.findElement(By.id("ballots-counted")).getText())
                .contains(String.format("%,d", fixture.ballotsOf(fixture.authorityA).size()) + " ballots");
    }

    @Test
    void theLogPageShowsWhoDidWhat() throws IOException {
        signIn(Role.STATE_STAFF);
        open("/log");
        List<WebElement> rows = browser.findElements(By.cssSelector("table tr"));
        assertThat(rows).hasSizeGreaterThan(5);
        assertThat(browser.getPageSource()).contains("Portal sign-in step").contains("state-staff");
        shoot("log");
    }

    @Test
    void staffOpenTheDevicesAndATimelineAndResolveAnIncident() throws IOException {
        signIn(Role.AUTHORITY_STAFF);
        browser.findElement(By.linkText("Devices")).click();
        assertThat(browser.findElement(By.id("count")).getText()).startsWith("3 assets");
        assertThat(browser.findElements(By.cssSelector("#devices td.open"))).isNotEmpty();
        shoot("devices");
        browser.findElement(By.linkText(EquipmentFixture.READY)).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("voting-device " + EquipmentFixture.READY);
        assertThat(browser.findElement(By.id("seal-log")).getText()).contains("seal 1100 applied", "Ann Dee (Democratic)");
        assertThat(browser.findElements(By.cssSelector("#timeline tr"))).hasSize(6); // heading, added to the inventory, L&A, seal applied, transfer, seal checked
        open("/a/" + fixture.authorityA.value() + "/devices/" + EquipmentFixture.READY + "#seals"); // scrolled to the logs
        shoot("custody-timeline");

        open("/a/" + fixture.authorityA.value() + "/incidents");
        browser.findElement(By.linkText("#1")).click();
        browser.findElement(By.id("note")).sendKeys("Re-ran the test deck; the first count was misread.");
        browser.findElement(By.id("resolve")).click();
        waitUntil(() -> browser.findElements(By.id("resolution")).size() == 1, "the incident to show its resolution");
        assertThat(browser.findElement(By.id("resolution")).getText()).contains("Test authority staff (authority-staff)", "misread");
        assertThat(browser.findElements(By.id("resolve-form"))).isEmpty();
    }

    /** The outcome once the upload page stops reloading itself (every 2 s while the work goes on). */
    private static WebElement waitForOutcome() {
        waitUntil(() -> !browser.findElement(By.id("outcome")).getAttribute("class").equals("working"), "the upload to finish");
        return browser.findElement(By.id("outcome"));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) {
        Chromium.waitUntil(condition, what);
    }
}
