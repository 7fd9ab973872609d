package org.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bulwark.model.ContestId;
import org.junit.jupiter.api.Test;

class ReportsTest {
    @Test
    void retrievalListPullsEachBallotOnceSortedForThePeopleWhoPullThem() {
        BallotManifest m = ManifestReader.read("m.csv", """
                Container,Tabulator,Batch,Ballots
                Box 2,T1,B1,10
                Box 1,T2,B7,10
                Box 1,T1,B9,10
                """.getBytes(StandardCharsets.UTF_8));
        List<Sampler.Draw> round1 = List.of(new Sampler.Draw(1, 5), new Sampler.Draw(2, 25), new Sampler.Draw(3, 12), new Sampler.Draw(4, 5));
        List<Sampler.Draw> round2 = List.of(new Sampler.Draw(5, 21));
        List<RetrievalList.Pull> pulls = RetrievalList.of(m, List.of(round1, round2));
        assertThat(pulls).extracting(p -> p.batch().describe() + " #" + p.position() + " ballot " + p.ballot() + " tickets " + p.tickets() + " round " + p.firstRound())
                .containsExactly("container Box 1, tabulator T1, batch B9 #1 ballot 21 tickets [5] round 2",
                        "container Box 1, tabulator T1, batch B9 #5 ballot 25 tickets [2] round 1",
                        "container Box 1, tabulator T2, batch B7 #2 ballot 12 tickets [3] round 1",
                        "container Box 2, tabulator T1, batch B1 #5 ballot 5 tickets [1, 4] round 1");
        assertThat(RetrievalList.csv(pulls)).startsWith("Container,Tabulator,Batch,Position,Ballot,Tickets,Round,Pulled,Returned\r\n"
                + "Box 1,T1,B9,1,21,5,2,,\r\n").contains("Box 2,T1,B1,5,5,1 4,1,,\r\n");
    }

    @Test
    void reportCsvAndPlotCarryEveryPart() {
        ContestId mayor = new ContestId("mayor");
        AuditReport report = new AuditReport("rla-1", "risk-limiting audit", "County A", "General", "ab".repeat(32), "12345678901234567890",
                new AuditReport.Manifest("manifest.csv", "cd".repeat(32), 1000),
                List.of(new AuditText.ContestSetting(mayor, 0.1, new RlaMethod.KaplanMarkov(KaplanMarkov.DEFAULT_GAMMA))),
                List.of(new AuditReport.Round(1, 27, 27, List.of(new RiskLimitingAudit.ContestRisk(mayor, 0.2, 0.1, 27, new Discrepancies(1, 0, 0, 0))),
                                "escalate to 54 draws"),
                        new AuditReport.Round(2, 54, 53, List.of(new RiskLimitingAudit.ContestRisk(mayor, 0.01, 0.1, 54, new Discrepancies(1, 0, 0, 0))),
                                "stop: every contest met its risk limit")),
                List.of(new AuditReport.Sample(1, 1, 905, "batch B1, position 5")),
                List.of(new AuditReport.Discrepancy("ballot 7/mayor", "ballot 7: one-vote overstatement", "=misread (Clerk)")));
        String csv = report.csv();
        assertThat(csv).contains("audit,seed,12345678901234567890\r\n", "audit,manifest SHA-256," + "cd".repeat(32),
                "mayor,0.1,kaplan-markov", "1,27,27,mayor,0.2,0.1,no,1,0,0,0,escalate to 54 draws", "2,54,53,mayor,0.01,0.1,yes",
                "ballot 7/mayor,ballot 7: one-vote overstatement,'=misread (Clerk)",
                "Sample round,Ticket,Drawn,Place\r\n1,1,905,\"batch B1, position 5\"\r\n");
        String svg = report.svgPlot();
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n")
                .contains("<polyline", "mayor (limit 0.1)", "stroke-dasharray").doesNotContain("NaN");
        assertThat(svg.split("<circle", -1)).hasSize(3);
    }
}
