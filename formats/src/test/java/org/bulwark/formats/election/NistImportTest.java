package org.bulwark.formats.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.ElectionType;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;
import org.bulwark.model.PartyId;
import org.bulwark.model.ValidationIssue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NistImportTest {
    static Path nist(String election, String file) {
        String dir = file.startsWith("bd-") ? "bd_v1" : "err_v2";
        return Path.of("..", "testdata", "nist-cdf", election, dir, file);
    }

    @ParameterizedTest
    @CsvSource({
        "gen-01, pe-err-gen-01.json, NIST_ERR_JSON",
        "gen-01, pe-err-gen-01.xml, NIST_ERR_XML",
        "gen-01, bd-gen-01.json, NIST_BD_JSON",
        "gen-01, bd-gen-01.xml, NIST_BD_XML",
        "prim-01, pe-err-prim-01.json, NIST_ERR_JSON",
        "prim-01, pe-err-prim-01.xml, NIST_ERR_XML",
        "prim-01, bd-prim-01.json, NIST_BD_JSON",
        "prim-01, bd-prim-01.xml, NIST_BD_XML",
    })
    void everyNistFileImportsWithNoErrorAndIsRecognisedByContent(String election, String file, ElectionFormat format) {
        LoadedElection loaded = ElectionFiles.read(nist(election, file));

        assertThat(loaded.format()).isEqualTo(format);
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.issues()).allMatch(i -> i.severity() == ValidationIssue.Severity.WARNING);
    }

    @ParameterizedTest
    @CsvSource({"gen-01, pe-err-gen-01", "gen-01, bd-gen-01", "prim-01, pe-err-prim-01", "prim-01, bd-prim-01"})
    void jsonAndXmlOfTheSameElectionImportEqual(String election, String base) {
        Election json = ElectionFiles.read(nist(election, base + ".json")).election();
        Election xml = ElectionFiles.read(nist(election, base + ".xml")).election();

        assertThat(xml).isEqualTo(json);
        assertThat(ElectionFingerprint.of(xml)).isEqualTo(ElectionFingerprint.of(json));
    }

    @ParameterizedTest
    @CsvSource({"gen-01", "prim-01"})
    void ballotDefinitionAndElectionReportOfTheSameElectionImportEqual(String election) {
        Election err = ElectionFiles.read(nist(election, "pe-err-" + election + ".json")).election();
        Election bd = ElectionFiles.read(nist(election, "bd-" + election + ".json")).election();

        assertThat(bd).isEqualTo(err);
    }

    @Test
    void gen01KeepsNistIdsAndStructure() {
        Election e = ElectionFiles.read(nist("gen-01", "pe-err-gen-01.json")).election();
        ElectionIndex index = ElectionIndex.of(e);

        assertThat(e.title()).isEqualTo("GEN-01 General Election");
        assertThat(e.type()).isEqualTo(ElectionType.GENERAL);
        assertThat(e.date()).isEqualTo(LocalDate.of(2000, 11, 7));
        assertThat(e.scope()).isEqualTo(new GpUnitId("ru-county-1"));
        assertThat(e.gpUnits()).hasSize(26);
        assertThat(e.parties()).hasSize(3);
        assertThat(e.candidates()).hasSize(37);
        assertThat(e.contests()).hasSize(19);
        assertThat(e.ballotStyles()).extracting(b -> b.id().value())
                .containsExactly("Precinct 1", "Precinct 2a", "Precinct 2b", "Precinct 3");
        assertThat(e.countingGroups()).isEmpty();

        var county = index.gpUnit(new GpUnitId("ru-county-1")).orElseThrow();
        assertThat(county.authority()).isTrue();
        assertThat(county.type()).isEqualTo(GpUnitType.COUNTY);
        // Bulwark order: authority first, then precincts, splits, districts.
        assertThat(e.gpUnits().get(0)).isEqualTo(county);
        assertThat(index.gpUnit(new GpUnitId("prec-2")).orElseThrow().composingUnits())
                .containsExactly(new GpUnitId("ps-2a"), new GpUnitId("ps-2b"));
        assertThat(index.gpUnit(new GpUnitId("ps-2a")).orElseThrow().type()).isEqualTo(GpUnitType.SPLIT_PRECINCT);

        var assessor = (Contest.CandidateContest) index.contest(new ContestId("cc-county-assessor")).orElseThrow();
        assertThat(assessor.votesAllowed()).isEqualTo(2);
        assertThat(assessor.selections()).hasSize(8);
        assertThat(assessor.selections().stream().filter(s -> s instanceof ContestSelection.WriteIn)).hasSize(2);
        assertThat(assessor.isRankedChoice()).isFalse();

        var president = (Contest.CandidateContest) index.contest(new ContestId("cc-president")).orElseThrow();
        assertThat(president.selections().get(0)).isEqualTo(new ContestSelection.CandidateSelection(
                new org.bulwark.model.SelectionId("cs-president-hb"),
                List.of(new org.bulwark.model.CandidateId("can-hb"), new org.bulwark.model.CandidateId("can-jd"))));

        assertThat(index.contest(new ContestId("spc-1")).orElseThrow()).isInstanceOf(Contest.PartyContest.class);
        var proposal = (Contest.BallotMeasureContest) index.contest(new ContestId("bm-proposal-1")).orElseThrow();
        assertThat(proposal.fullText()).isEqualTo("Should Taxes be raised for road improvement?");
        assertThat(proposal.selections()).extracting(s -> ((ContestSelection.BallotMeasureSelection) s).text())
                .containsExactly("YES", "NO");

        var style = index.ballotStyle(new BallotStyleId("Precinct 2b")).orElseThrow();
        assertThat(style.gpUnits()).containsExactly(new GpUnitId("ps-2b"));
        assertThat(style.contests()).hasSize(10).startsWith(new ContestId("spc-1"), new ContestId("cc-president"));
    }

    @Test
    void prim01IsAnOpenPrimaryWithPartyContestsAndHeadersSkipped() {
        Election e = ElectionFiles.read(nist("prim-01", "pe-err-prim-01.xml")).election();
        ElectionIndex index = ElectionIndex.of(e);

        assertThat(e.type()).isEqualTo(ElectionType.PARTISAN_PRIMARY_OPEN);
        assertThat(e.contests()).hasSize(30);
        var president = (Contest.CandidateContest) index.contest(new ContestId("cc-dem-president")).orElseThrow();
        assertThat(president.primaryParties()).containsExactly(new PartyId("par-dem"));
        assertThat(e.ballotStyles()).extracting(b -> b.id().value())
                .containsExactly("Bibb County Court House", "Shelton Road Church");
        assertThat(e.ballotStyles().get(0).contests()).hasSize(30);
    }
}
