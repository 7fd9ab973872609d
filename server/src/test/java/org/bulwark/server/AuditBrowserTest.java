package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.model.SelectionId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Audits in a real browser (issue 7 item 6): an audit board member signs in and enters a sampled
 * ballot; an administrator sees what blocks certification and certifies. Screenshots of the audit
 * pages go where {@link Chromium} puts them (docs/img for the docs).
 */
class AuditBrowserTest {
    @TempDir
    static Path dir;
    static PortalFixture fixture;
    static AuditFixture audit;
    static Portal portal;
    static Chromium chromium;
    static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        fixture = new PortalFixture(dir);
        audit = AuditFixture.addTo(fixture, true);
        portal = fixture.start();
        chromium = new Chromium(portal, fixture);
        browser = chromium.browser;
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void anAuditBoardMemberSignsInAndEntersASampledBallot() throws IOException {
        // Round 1 was entered and closed (its risk is plotted); round 2 is drawn and open.
        Map<Long, Set<SelectionId>> drawn = audit.drawnWithVotes(fixture);
        List<Long> ballots = List.copyOf(drawn.keySet());
        int entered = (int) AuditFixture.DRAWS;
        chromium.signIn(Role.AUDIT_BOARD);
        browser.findElement(By.linkText("Audits")).click();
        browser.findElement(By.linkText(AuditFixture.AUDIT)).click();
        assertThat(browser.findElement(By.id("audit-status")).getText()).contains("round 2 is open");
        assertThat(browser.findElement(By.id("rounds")).getText()).contains(entered + " of " + ballots.size());
        assertThat(browser.findElements(By.cssSelector("#risk-plot svg polyline"))).hasSize(1);
        browser.findElement(By.id("enter")).click();
        chromium.shoot("audit-drawn-ballots");

        // The first ballot, as its paper shows it (the votes its CVR counts): no discrepancy.
        long first = ballots.get(entered);
        browser.findElement(By.id("ballot-" + first)).click();
        browser.findElement(By.id("member1")).sendKeys("Ann Lee");
        browser.findElement(By.id("member2")).sendKeys("Bo Diaz");
        for (SelectionId s : drawn.get(first)) {
            browser.findElement(By.id("c0-" + s.value())).click();
        }
        chromium.shoot("audit-entry");
        browser.findElement(By.id("submit-entry")).click();
        assertThat(browser.findElement(By.id("entered")).getText())
                .isEqualTo("Ballot " + first + " entered: it agrees with its cast vote record in every audited contest.");

        // The next one, read differently from its CVR: the discrepancy is shown at once.
        browser.findElement(By.id("next")).click();
        long second = ballots.get(entered + 1);
        browser.findElement(By.id("member1")).sendKeys("Ann Lee");
        browser.findElement(By.id("member2")).sendKeys("Bo Diaz");
        if (drawn.get(second).isEmpty()) {
            browser.findElement(By.id("c0-" + fixture.index.contest(audit.contest).orElseThrow().selections().getFirst().id().value())).click();
        }
        browser.findElement(By.id("submit-entry")).click();
        assertThat(browser.findElement(By.id("entered")).getText()).contains("It differs from its cast vote record");
        assertThat(browser.findElement(By.id("found")).getText()).contains("ballot " + second, "contest " + audit.contest.value());
        chromium.shoot("audit-discrepancy");

        chromium.open("/a/" + fixture.authorityA.value() + "/audits/" + AuditFixture.AUDIT);
        assertThat(browser.findElement(By.id("rounds")).getText()).contains((entered + 2) + " of " + ballots.size());
        assertThat(browser.findElement(By.id("discrepancies")).getText()).contains("OPEN");
        chromium.shoot("audit");
    }

    @Test
    void anAdministratorSeesWhatBlocksCertificationAndCertifiesAnotherAuthority() throws IOException {
        chromium.signIn(Role.STATE_ADMIN);
        chromium.open("/a/" + fixture.authorityA.value() + "/certification");
        assertThat(browser.findElement(By.id("blockers")).getText()).contains(AuditFixture.AUDIT + " is not finished");
        assertThat(browser.findElements(By.id("certify"))).isEmpty();
        chromium.shoot("certification-blocked");

        chromium.open("/a/" + fixture.authorityB.value() + "/certification");
        browser.findElement(By.id("certify")).click();
        assertThat(browser.findElement(By.id("outcome")).getText()).isEqualTo("Certified. The certification is in the tamper-evident log.");
        assertThat(browser.findElement(By.id("certified")).getText()).startsWith("Certified by Test state administrator");

        browser.manage().deleteAllCookies();
        chromium.open("/public");
        browser.findElement(By.linkText(AuditFixture.AUDIT)).click();
        assertThat(browser.findElement(By.id("seed")).getText()).contains(AuditFixture.SEED);
        chromium.shoot("public-audit");
    }
}
