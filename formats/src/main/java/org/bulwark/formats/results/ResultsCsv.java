package org.bulwark.formats.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.SelectionId;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.model.results.NotTabulated;
import org.bulwark.model.results.ResultLabels;

/**
 * Results as one CSV row per contest, unit and selection, plus rows for write-in names, overvotes,
 * undervotes and ballots cast. Units are the election scope and each precinct or split, with
 * count_type "total"; the scope is repeated per counting group (count_type election-day, absentee,
 * ...). Contests not tabulated get one row saying why. Every row says whether the ballots were test
 * ballots, so a test export can never pass for an official one.
 */
final class ResultsCsv {
    static final String[] HEADER = {
        "mode", "contest_id", "contest_name", "unit_id", "unit_name", "count_type", "item", "selection_id",
        "selection_name", "count"
    };

    private final ElectionIndex index;
    private final ElectionResults results;
    private final String mode;

    ResultsCsv(ElectionIndex index, ElectionResults results, boolean test) {
        this.index = index;
        this.results = results;
        this.mode = test ? "test" : "official";
    }

    void write(OutputStream out) throws IOException {
        // Buffered as characters: each value is appended in pieces, and each append straight to the encoder
        // would wrap and encode a few characters at a time (a third of the CSV's cost for a statewide election).
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        CsvRows csv = new CsvRows(writer);
        csv.printRecord((Object[]) HEADER);
        for (ContestResult contest : results.contests()) {
            Rows rows = new Rows(csv, contest);
            rows.write(results.scope(), "total", contest.counts().total());
            for (Map.Entry<GpUnitId, ContestCounts> e : contest.counts().byUnit().entrySet()) {
                rows.write(e.getKey(), "total", e.getValue());
            }
            for (Map.Entry<CountingGroup, ContestCounts> e : contest.counts().byCountingGroup().entrySet()) {
                rows.write(results.scope(), e.getKey().nist(), e.getValue());
            }
        }
        for (NotTabulated n : results.notTabulated()) {
            csv.printRecord(mode, n.contest().value(), contestName(n.contest()), results.scope().value(),
                    ResultLabels.unit(index, results.scope()), "total", "not tabulated", "", n.reason(), "");
        }
        writer.flush(); // not closed: the caller owns the stream
    }

    private String contestName(ContestId id) {
        return index.contest(id).map(Contest::name).orElse(id.value());
    }

    /**
     * One contest's rows, for the scope, every unit and every counting group: the contest's name and its
     * selections' labels are looked up once, not once per unit (thousands of units in a statewide election).
     */
    private final class Rows {
        private final CsvRows csv;
        private final String id;
        private final String name;
        private final Map<SelectionId, String> labels = new HashMap<>();

        Rows(CsvRows csv, ContestResult contest) {
            this.csv = csv;
            this.id = contest.contest().value();
            this.name = contestName(contest.contest());
            index.contest(contest.contest()).ifPresent(c ->
                    c.selections().forEach(s -> labels.putIfAbsent(s.id(), ResultLabels.selection(index, s))));
        }

        void write(GpUnitId unit, String countType, ContestCounts c) throws IOException {
            String unitName = ResultLabels.unit(index, unit);
            for (Map.Entry<SelectionId, Long> v : c.votes().entrySet()) {
                String label = labels.getOrDefault(v.getKey(), v.getKey().value());
                csv.printRecord(mode, id, name, unit.value(), unitName, countType, "votes", v.getKey().value(), label, v.getValue());
            }
            for (Map.Entry<String, Long> w : c.writeInNames().entrySet()) {
                csv.printRecord(mode, id, name, unit.value(), unitName, countType, "write-in name", "", w.getKey(), w.getValue());
            }
            csv.printRecord(mode, id, name, unit.value(), unitName, countType, "overvotes", "", "", c.overvotes());
            csv.printRecord(mode, id, name, unit.value(), unitName, countType, "undervotes", "", "", c.undervotes());
            csv.printRecord(mode, id, name, unit.value(), unitName, countType, "ballots cast", "", "", c.ballotsCast());
        }
    }
}
