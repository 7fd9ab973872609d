package org.bulwark.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bulwark.model.ContestId;

/**
 * What an audit report says: settings, seed, manifest fingerprint, rounds with the risk measured
 * per contest, discrepancies. Written as CSV here and as a plot of risk against ballots audited
 * (SVG, hand-written: a few lines and points need no library); the command line prints the same
 * content as PDF.
 */
public record AuditReport(String audit, String kind, String authority, String election, String electionFingerprint,
        String seed, Manifest manifest, List<AuditText.ContestSetting> contests, List<Round> rounds, List<Sample> samples,
        List<Discrepancy> discrepancies) {
    public AuditReport {
        contests = List.copyOf(contests);
        rounds = List.copyOf(rounds);
        samples = List.copyOf(samples);
        discrepancies = List.copyOf(discrepancies);
    }

    public record Manifest(String source, String sha256, long ballots) {}

    /**
     * One round: its draws so far (cumulative), the distinct ballots, the risk per contest, and what was decided.
     */
    public record Round(int round, long draws, long ballots, List<RiskLimitingAudit.ContestRisk> risks, String outcome) {
        public Round {
            risks = List.copyOf(risks);
        }
    }

    /**
     * One draw: the round, the sampler's counter, the number drawn and where that is (a manifest
     * place, or a precinct in a Missouri audit).
     */
    public record Sample(int round, long ticket, long drawn, String place) {}

    /** A discrepancy found, where, and whether it was resolved (and how). */
    public record Discrepancy(String key, String description, String resolution) {}

    /** The report as CSV: one section per part, each with its own header row. */
    public String csv() {
        StringBuilder out = new StringBuilder();
        out.append(Csv.row("Section", "Field", "Value"));
        out.append(Csv.row("audit", "name", audit)).append(Csv.row("audit", "kind", kind)).append(Csv.row("audit", "authority", authority))
                .append(Csv.row("audit", "election", election)).append(Csv.row("audit", "election fingerprint", electionFingerprint))
                .append(Csv.row("audit", "seed", seed))
                .append(Csv.row("audit", "manifest", manifest.source())).append(Csv.row("audit", "manifest SHA-256", manifest.sha256()))
                .append(Csv.row("audit", "manifest ballots", manifest.ballots()));
        out.append("\r\n").append(Csv.row("Contest", "Risk limit", "Method"));
        contests.forEach(c -> out.append(Csv.row(c.contest().value(), c.riskLimit(), c.method().label())));
        out.append("\r\n").append(Csv.row("Round", "Draws", "Ballots", "Contest", "Risk", "Risk limit", "Met", "o1", "o2", "u1", "u2", "Outcome"));
        for (Round r : rounds) {
            for (RiskLimitingAudit.ContestRisk c : r.risks()) {
                Discrepancies d = c.discrepancies();
                out.append(Csv.row(r.round(), r.draws(), r.ballots(), c.contest().value(), c.risk(), c.riskLimit(), c.met() ? "yes" : "no",
                        d.o1(), d.o2(), d.u1(), d.u2(), r.outcome()));
            }
        }
        out.append("\r\n").append(Csv.row("Sample round", "Ticket", "Drawn", "Place"));
        samples.forEach(d -> out.append(Csv.row(d.round(), d.ticket(), d.drawn(), d.place())));
        out.append("\r\n").append(Csv.row("Discrepancy", "Description", "Resolution"));
        discrepancies.forEach(d -> out.append(Csv.row(d.key(), d.description(), d.resolution())));
        return out.toString();
    }

    /**
     * Risk (log scale, 1 down to the smallest limit or risk shown) against ballots audited, one line
     * per contest with a point per round and its risk limit as a dashed line.
     */
    public String svgPlot() {
        Map<ContestId, List<double[]>> series = new LinkedHashMap<>();
        Map<ContestId, Double> limits = new LinkedHashMap<>();
        long maxX = 1;
        double minRisk = 0.01;
        for (Round r : rounds) {
            maxX = Math.max(maxX, r.draws());
            for (RiskLimitingAudit.ContestRisk c : r.risks()) {
                series.computeIfAbsent(c.contest(), k -> new ArrayList<>()).add(new double[] {r.draws(), c.risk()});
                limits.put(c.contest(), c.riskLimit());
                minRisk = Math.min(minRisk, Math.max(c.risk(), 1e-6));
                minRisk = Math.min(minRisk, c.riskLimit() / 2);
            }
        }
        int w = 640;
        int h = 400;
        int left = 70;
        int right = 180;
        int top = 40;
        int bottom = 50;
        double decades = Math.ceil(-Math.log10(minRisk));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title>").append(xml("Risk against ballots audited: " + audit)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(left, 20, "Risk against ballots audited: " + audit, "start"));
        int plotW = w - left - right;
        int plotH = h - top - bottom;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>%n", left, top, plotW, plotH));
        for (int d = 0; d <= decades; d++) {
            double y = top + plotH * d / decades;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", left, y, left + plotW, y));
            svg.append(text(left - 6, y + 4, d == 0 ? "1" : "1e-" + d, "end"));
        }
        svg.append(text(left, top + plotH + 18, "0", "middle")).append(text(left + plotW, top + plotH + 18, Long.toString(maxX), "middle"));
        svg.append(text(left + plotW / 2.0, h - 10, "ballots audited (draws)", "middle"));
        String[] colours = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};
        int i = 0;
        for (Map.Entry<ContestId, List<double[]>> e : series.entrySet()) {
            String colour = colours[i % colours.length];
            StringBuilder points = new StringBuilder(String.format(Locale.ROOT, "%d,%d", left, top));
            for (double[] p : e.getValue()) {
                points.append(String.format(Locale.ROOT, " %.1f,%.1f", x(p[0], maxX, left, plotW), y(p[1], decades, top, plotH)));
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"").append(points).append("\"/>\n");
            for (double[] p : e.getValue()) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                        x(p[0], maxX, left, plotW), y(p[1], decades, top, plotH), colour));
            }
            double ly = y(limits.get(e.getKey()), decades, top, plotH);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"6 4\"/>%n",
                    left, ly, left + plotW, ly, colour));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", left + plotW + 12, top + 18 * i, colour));
            svg.append(text(left + plotW + 30, top + 18 * i + 10, e.getKey().value() + " (limit " + limits.get(e.getKey()) + ")", "start"));
            i++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(double draws, long maxX, int left, int plotW) {
        return left + plotW * draws / maxX;
    }

    private static double y(double risk, double decades, int top, int plotH) {
        return top + plotH * Math.min(decades, -Math.log10(Math.max(risk, Math.pow(10, -decades)))) / decades;
    }

    private static String text(double x, double y, String s, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, xml(s));
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
