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
    static Chromium chromium;

    @BeforeAll
    static void start() throws IOException {
        fixture = new PortalFixture(dir);
        audit = AuditFixture.addTo(fixture, true);
        chromium = Chromium.over(fixture);
    }

    @AfterAll
    static void stop() {
        chromium.close();
    }

    @Test
    void anAuditBoardMemberSignsInAndEntersASampledBallot() throws IOException {
        // Round 1 was entered and closed (its risk is plotted); round 2 is drawn and open.
        Map<Long, Set<SelectionId>> drawn = audit.drawnWithVotes(fixture);
        List<Long> ballots = List.copyOf(drawn.keySet());
        int entered = (int) AuditFixture.DRAWS;
        chromium.signIn(Role.AUDIT_BOARD);
        chromium.browser.findElement(By.linkText("Audits")).click();
        chromium.browser.findElement(By.linkText(AuditFixture.AUDIT)).click();
        assertThat(chromium.browser.findElement(By.id("audit-status")).getText()).contains("round 2 is open");
        assertThat(chromium.browser.findElement(By.id("rounds")).getText()).contains(entered + " of " + ballots.size());
        assertThat(chromium.browser.findElements(By.cssSelector("#risk-plot svg polyline"))).hasSize(1);
        chromium.browser.findElement(By.id("enter")).click();
        chromium.shoot("audit-drawn-ballots");

        // The first ballot, as its paper shows it (the votes its CVR counts): no discrepancy.
        long first = ballots.get(entered);
        chromium.browser.findElement(By.id("ballot-" + first)).click();
        chromium.browser.findElement(By.id("member1")).sendKeys("Ann Lee");
        chromium.browser.findElement(By.id("member2")).sendKeys("Bo Diaz");
        for (SelectionId s : drawn.get(first)) {
            chromium.browser.findElement(By.id("c0-" + s.value())).click();
        }
        chromium.shoot("audit-entry");
        chromium.browser.findElement(By.id("submit-entry")).click();
        assertThat(chromium.browser.findElement(By.id("entered")).getText())
                .isEqualTo("Ballot " + first + " entered: it agrees with its cast vote record in every audited contest.");

        // The next one, read differently from its CVR: the discrepancy is shown at once.
        chromium.browser.findElement(By.id("next")).click();
        long second = ballots.get(entered + 1);
        chromium.browser.findElement(By.id("member1")).sendKeys("Ann Lee");
        chromium.browser.findElement(By.id("member2")).sendKeys("Bo Diaz");
        if (drawn.get(second).isEmpty()) {
            chromium.browser.findElement(By.id("c0-" + fixture.index.contest(audit.contest).orElseThrow().selections().getFirst().id().value())).click();
        }
        chromium.browser.findElement(By.id("submit-entry")).click();
        assertThat(chromium.browser.findElement(By.id("entered")).getText()).contains("It differs from its cast vote record");
        assertThat(chromium.browser.findElement(By.id("found")).getText()).contains("ballot " + second, "contest " + audit.contest.value());
        chromium.shoot("audit-discrepancy");

        chromium.open("/a/" + fixture.authorityA.value() + "/audits/" + AuditFixture.AUDIT);
        assertThat(chromium.browser.findElement(By.id("rounds")).getText()).contains((entered + 2) + " of " + ballots.size());
        assertThat(chromium.browser.findElement(By.id("discrepancies")).getText()).contains("OPEN");
        chromium.shoot("audit");
    }

    @Test
    void anAdministratorSeesWhatBlocksCertificationAndCertifiesAnotherAuthority() throws IOException {
        chromium.signIn(Role.STATE_ADMIN);
        chromium.open("/a/" + fixture.authorityA.value() + "/certification");
        assertThat(chromium.browser.findElement(By.id("blockers")).getText()).contains(AuditFixture.AUDIT + " is not finished");
        assertThat(chromium.browser.findElements(By.id("certify"))).isEmpty();
        chromium.shoot("certification-blocked");

        chromium.open("/a/" + fixture.authorityB.value() + "/certification");
        chromium.browser.findElement(By.id("certify")).click();
        assertThat(chromium.browser.findElement(By.id("outcome")).getText()).isEqualTo("Certified. The certification is in the tamper-evident log.");
        assertThat(chromium.browser.findElement(By.id("certified")).getText()).startsWith("Certified by Test state administrator");

        chromium.browser.manage().deleteAllCookies();
        chromium.open("/public");
        chromium.browser.findElement(By.linkText(AuditFixture.AUDIT)).click();
        assertThat(chromium.browser.findElement(By.id("seed")).getText()).contains(AuditFixture.SEED);
        chromium.shoot("public-audit");
    }
}
