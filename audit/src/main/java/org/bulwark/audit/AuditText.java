package org.bulwark.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.model.ContestId;
import org.bulwark.model.SelectionId;

/**
 * The plain-text forms in which audit settings, readings, hand counts and draws are entered on the
 * command line and kept in the workspace. Plain text so that an auditor can read the stored rows
 * and type the same thing: {@code mayor=alice|bob;council=} for marks, {@code alice=10,bob=4} for
 * counts, {@code mayor:0.1:bravo} for a contest's settings, {@code 17:905} for a draw.
 * Separators cannot occur inside ids: ids with them are refused with a message naming the id.
 */
public final class AuditText {
    private static final String NOT_FOUND = "not-found:";

    private AuditText() {}

    /** A contest of a risk-limiting audit as configured: its id, risk limit and method. */
    public record ContestSetting(ContestId contest, double riskLimit, RlaMethod method) {
        public ContestSetting {
            Bravo.requireRiskLimit(riskLimit);
        }
    }

    public static String settings(List<ContestSetting> contests) {
        List<String> lines = new ArrayList<>();
        for (ContestSetting c : contests) {
            lines.add(id(c.contest().value()) + ":" + c.riskLimit() + ":" + c.method().label());
        }
        return String.join("\n", lines);
    }

    /** Reads settings written by {@link #settings(List)} or typed as {@code contest:limit:method}. */
    public static List<ContestSetting> parseSettings(String text) {
        List<ContestSetting> contests = new ArrayList<>();
        for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
            contests.add(parseSetting(line));
        }
        return contests;
    }

    public static ContestSetting parseSetting(String text) {
        String[] parts = text.strip().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("\"" + text + "\" is not CONTEST:RISK-LIMIT:METHOD (for example mayor:0.1:bravo)");
        }
        double limit;
        try {
            limit = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + parts[1] + "\" in \"" + text + "\" is not a risk limit (a fraction: 0.1 for 10%)");
        }
        RlaMethod method = RlaMethod.byLabel(parts[2]).orElseThrow(() -> new IllegalArgumentException("\"" + parts[2]
                + "\" is not a method: use bravo, alpha-polling, kaplan-markov, alpha-comparison or batch-comparison"));
        return new ContestSetting(new ContestId(parts[0]), limit, method);
    }

    /** A reading as text: marks per contest, or "not-found:" and the board's note. */
    public static String reading(PaperReading reading) {
        return switch (reading) {
            case PaperReading.Marks m -> marks(m.marked());
            case PaperReading.Decoded d -> marks(BallotVotes.all(d.record()));
            case PaperReading.NotFound n -> NOT_FOUND + n.note();
        };
    }

    private static String marks(Map<ContestId, Set<SelectionId>> marked) {
        List<String> parts = new ArrayList<>();
        marked.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(ContestId::value))).forEach(e ->
                parts.add(id(e.getKey().value()) + "=" + String.join("|", e.getValue().stream().map(s -> id(s.value())).sorted().toList())));
        return String.join(";", parts);
    }

    /** Reads a reading: {@code not-found:NOTE} or marks {@code contest=sel|sel;contest=}. */
    public static PaperReading parseReading(String text) {
        if (text.startsWith(NOT_FOUND)) {
            return new PaperReading.NotFound(text.substring(NOT_FOUND.length()));
        }
        Map<ContestId, Set<SelectionId>> marked = new HashMap<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("\"" + part + "\" is not CONTEST=SELECTION|SELECTION (empty after = for no mark)");
            }
            Set<SelectionId> selections = new LinkedHashSet<>();
            for (String s : part.substring(eq + 1).split("\\|")) {
                if (!s.isBlank()) {
                    selections.add(new SelectionId(s.strip()));
                }
            }
            if (marked.put(new ContestId(part.substring(0, eq).strip()), selections) != null) {
                throw new IllegalArgumentException("contest " + part.substring(0, eq).strip() + " is given twice");
            }
        }
        return new PaperReading.Marks(marked);
    }

    /** Counts as {@code sel=n,sel=n}. */
    public static String counts(Map<SelectionId, Long> votes) {
        return String.join(",", votes.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(SelectionId::value)))
                .map(e -> id(e.getKey().value()) + "=" + e.getValue()).toList());
    }

    public static Map<SelectionId, Long> parseCounts(String text) {
        Map<SelectionId, Long> votes = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            long n;
            try {
                n = eq > 0 ? Long.parseLong(part.substring(eq + 1).strip()) : -1;
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0) {
                throw new IllegalArgumentException("\"" + part + "\" is not SELECTION=VOTES with a count of 0 or more");
            }
            if (votes.put(new SelectionId(part.substring(0, eq).strip()), n) != null) {
                throw new IllegalArgumentException("selection " + part.substring(0, eq).strip() + " is counted twice");
            }
        }
        return votes;
    }

    public static String draw(Sampler.Draw d) {
        return d.ticket() + ":" + d.pick();
    }

    public static Sampler.Draw parseDraw(String text) {
        int colon = text.indexOf(':');
        return new Sampler.Draw(Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
    }

    /** Risks measured in a round: {@code contest|risk|limit|sampled|o1|o2|u1|u2} joined by ";". */
    public static String risks(List<RiskLimitingAudit.ContestRisk> risks) {
        return String.join(";", risks.stream().map(r -> String.join("|", id(r.contest().value()), Double.toString(r.risk()),
                Double.toString(r.riskLimit()), Long.toString(r.sampled()), Long.toString(r.discrepancies().o1()),
                Long.toString(r.discrepancies().o2()), Long.toString(r.discrepancies().u1()), Long.toString(r.discrepancies().u2()))).toList());
    }

    public static List<RiskLimitingAudit.ContestRisk> parseRisks(String text) {
        List<RiskLimitingAudit.ContestRisk> risks = new ArrayList<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] f = part.split("\\|");
            risks.add(new RiskLimitingAudit.ContestRisk(new ContestId(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Long.parseLong(f[3]), new Discrepancies(Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]))));
        }
        return risks;
    }

    /** A decision as the round's outcome text; {@link #escalationTarget} reads an escalation back. */
    public static String outcome(RiskLimitingAudit.Decision decision) {
        return switch (decision) {
            case RiskLimitingAudit.Decision.Stop s -> "stop: every contest met its risk limit";
            case RiskLimitingAudit.Decision.Escalate e -> "escalate to " + e.totalDraws() + " draws";
            case RiskLimitingAudit.Decision.FullHandCount f -> "full hand count of "
                    + String.join(", ", f.contests().stream().map(ContestId::value).toList());
        };
    }

    public static java.util.OptionalLong escalationTarget(String outcome) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^escalate to (\\d+) draws$").matcher(outcome);
        return m.matches() ? java.util.OptionalLong.of(Long.parseLong(m.group(1))) : java.util.OptionalLong.empty();
    }

    private static String id(String id) {
        if (id.matches(".*[;=|,:\\n].*")) {
            throw new IllegalArgumentException("the id \"" + id + "\" contains one of ; = | , : which audit entries use as separators");
        }
        return id;
    }
}
