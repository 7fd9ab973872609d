package org.bulwark.server;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bulwark.custody.AssetHistory;
import org.bulwark.custody.AssetKind;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.CustodyEvent;
import org.bulwark.custody.DeviceReadiness;
import org.bulwark.custody.Incident;
import org.bulwark.custody.ReadinessCheck;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.report.CustodyReports;
import org.bulwark.store.EquipmentRecords;
import org.bulwark.store.EquipmentRecords.DeviceQuery;
import org.bulwark.store.EquipmentRecords.DevicePage;
import org.bulwark.store.EquipmentRecords.DeviceRow;

/**
 * The equipment pages: an authority's devices (and the state's, for the state's roles), one page of
 * a large inventory at a time with filters the database applies; a device's readiness, seal log and
 * custody timeline, oldest first; and the seal log sheet and custody log as the command line prints
 * them (PDF with signature lines, CSV). The bipartisan teams who seal and move the equipment see
 * their authority's pages; audit boards and the public do not.
 */
final class EquipmentPages {
    /** Who sees an authority's equipment, custody timelines, incidents and L&A records. */
    static final Set<Role> VIEWERS = EnumSet.of(Role.STATE_ADMIN, Role.STATE_STAFF, Role.AUTHORITY_ADMIN, Role.AUTHORITY_STAFF,
            Role.BIPARTISAN_TEAM);
    static final int PAGE = 50;

    /** The reports a device page offers: the name in the path, the report, the file type. */
    private enum Download {
        SEAL_LOG_PDF("seal-log.pdf"), SEAL_LOG_CSV("seal-log.csv"), CUSTODY_LOG_PDF("custody-log.pdf"), CUSTODY_LOG_CSV("custody-log.csv");

        final String file;

        Download(String file) {
            this.file = file;
        }

        CustodyReports.Report report(AssetHistory h) {
            return switch (this) {
                case SEAL_LOG_PDF, SEAL_LOG_CSV -> CustodyReports.sealSheet(h);
                case CUSTODY_LOG_PDF, CUSTODY_LOG_CSV -> CustodyReports.custodyLog(h);
            };
        }

        boolean pdf() {
            return file.endsWith(".pdf");
        }
    }

    private EquipmentPages() {}

    static List<Route> routes(PortalContext p) {
        Access viewers = new Access.Roles(VIEWERS, Access.Scope.OWN_AUTHORITY);
        return List.of(
                Route.get("/devices", Access.roles(Access.Scope.ANY, Role.STATE_ADMIN, Role.STATE_STAFF), ctx -> list(p, ctx, Optional.empty())),
                Route.get("/a/{authority}/devices", viewers, ctx -> authority(p, ctx).ifPresent(a -> list(p, ctx, Optional.of(a)))),
                Route.get("/a/{authority}/devices/{tag}", viewers, ctx -> device(p, ctx)),
                Route.get("/a/{authority}/devices/{tag}/{file}", viewers, ctx -> download(p, ctx)));
    }

    /** The election authority of the path, or a 404 page (and empty) when no imported election has it. */
    static Optional<GpUnit> authority(PortalContext p, Context ctx) {
        Optional<GpUnit> a = p.data.snapshot().authority(new GpUnitId(ctx.pathParam("authority")));
        if (a.isEmpty()) {
            Pages.notFound(ctx, "No imported election has an authority " + ctx.pathParam("authority") + ".");
        }
        return a;
    }

    /** What a page does with the authority of its path and the numbered record it shows. */
    interface ItemWork<T> {
        void run(GpUnit authority, T item) throws Exception;
    }

    /**
     * Runs {@code work} with the path's authority and its record numbered by the path's {@code id}
     * (an incident, an L&A record), or answers 404 naming {@code what} when the authority has none such.
     */
    static <T> void withItem(PortalContext p, Context ctx, String what, java.util.function.Function<GpUnit, List<T>> records,
            java.util.function.ToLongFunction<T> id, ItemWork<T> work) throws Exception {
        Optional<GpUnit> a = authority(p, ctx);
        if (a.isEmpty()) {
            return;
        }
        Optional<T> item = records.apply(a.get()).stream().filter(x -> Long.toString(id.applyAsLong(x)).equals(ctx.pathParam("id"))).findFirst();
        if (item.isEmpty()) {
            Pages.notFound(ctx, "There is no " + what + " #" + ctx.pathParam("id") + " of " + a.get().name() + ".");
            return;
        }
        work.run(a.get(), item.get());
    }

    /** A device's page; the tag is encoded, as a tag may hold any printable character ("/", "#", "?" included). */
    static String devicePath(GpUnit authority, AssetTag tag) {
        return "/a/" + authority.id().value() + "/devices/" + url(tag.value()).replace("+", "%20");
    }

    /** The failed readiness checks as a query value, for the statewide page's links to the failing devices. */
    static String failingQuery(List<ReadinessCheck> checks) {
        return String.join(",", checks.stream().map(ReadinessCheck::word).toList());
    }

    /** A query parameter that is not what the page understands: a 400 page naming it. */
    private record BadParameter(String name, String problem) {}

    /**
     * The devices list's query as given (to repeat in the form and the page links) and as understood.
     *
     * @param text a part of the tag, serial, model, place or custodian ({@code q})
     * @param kindText {@code kind} as given; {@code kind} as understood
     * @param failsText {@code fails} as given: "any" or readiness check words, comma-separated
     */
    private record Filters(String text, String kindText, Optional<AssetKind> kind, String failsText, Set<ReadinessCheck> fails,
            EquipmentRecords.From from) {
        /** The filters, or every parameter that is wrong and why. */
        static Filters parse(Context ctx, List<BadParameter> bad) {
            String text = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
            String kindText = Optional.ofNullable(ctx.queryParam("kind")).orElse("");
            String failsText = Optional.ofNullable(ctx.queryParam("fails")).orElse("");
            Optional<AssetKind> kind = kindText.isEmpty() ? Optional.empty() : AssetKind.parse(kindText);
            if (!kindText.isEmpty() && kind.isEmpty()) {
                bad.add(new BadParameter("kind", "\"" + kindText + "\" is not a kind of asset; one of "
                        + String.join(", ", Arrays.stream(AssetKind.values()).map(AssetKind::word).toList())));
            }
            Set<ReadinessCheck> fails = new LinkedHashSet<>();
            for (String w : failsText.isEmpty() ? new String[0] : failsText.split(",")) {
                if (w.equals("any")) {
                    fails.addAll(ReadinessCheck.MATRIX);
                } else {
                    ReadinessCheck.MATRIX.stream().filter(m -> m.word().equals(w)).findFirst().ifPresentOrElse(fails::add,
                            () -> bad.add(new BadParameter("fails", "\"" + w + "\" is not a readiness check; one of any, "
                                    + failingQuery(ReadinessCheck.MATRIX))));
                }
            }
            EquipmentRecords.From from = new EquipmentRecords.From.First();
            for (String cursor : List.of("after", "before")) {
                Optional<String> given = Optional.ofNullable(ctx.queryParam(cursor));
                if (given.isPresent()) {
                    Optional<AssetTag> t = tag(given.get());
                    if (t.isEmpty() || !(from instanceof EquipmentRecords.From.First)) {
                        bad.add(new BadParameter(cursor, "\"" + given.get() + "\" is not an asset tag to start a page at (one of after and before)"));
                    } else {
                        from = cursor.equals("after") ? new EquipmentRecords.From.After(t.get()) : new EquipmentRecords.From.Before(t.get());
                    }
                }
            }
            return new Filters(text, kindText, kind, failsText, Set.copyOf(fails), from);
        }

        /** The list's address with these filters and no page cursor. */
        String query(String base) {
            return base + "?q=" + url(text) + "&kind=" + url(kindText) + "&fails=" + url(failsText);
        }
    }

    private static void list(PortalContext p, Context ctx, Optional<GpUnit> authority) {
        List<BadParameter> bad = new ArrayList<>();
        Filters f = Filters.parse(ctx, bad);
        String title = authority.map(a -> "Devices of " + a.name()).orElse("Devices statewide");
        if (!bad.isEmpty()) {
            ctx.status(400);
            Pages.send(ctx, title, new Html().el("p", "This list cannot be shown: " + String.join("; ",
                    bad.stream().map(b -> b.name() + ": " + b.problem()).toList()) + ".", "class", "problem", "id", "problem"));
            return;
        }
        Set<String> names = authority.map(PortalData.Snapshot::custodyNames).orElse(Set.of());
        DevicePage found = p.workspace.equipmentRecords().devices(new DeviceQuery(names, f.text(), f.kind(), f.fails(), f.from(), PAGE));
        String base = authority.map(a -> "/a/" + a.id().value() + "/devices").orElse("/devices");
        Html h = new Html();
        filterForm(h, base, f);
        h.el("p", String.format("%,d", found.total()) + (found.total() == 1 ? " asset" : " assets") + (f.fails().isEmpty() ? "" : " failing "
                + String.join(" or ", ReadinessCheck.MATRIX.stream().filter(f.fails()::contains).map(ReadinessCheck::heading).toList())) + (found.rows().isEmpty() ? "." : "; showing "
                + found.rows().getFirst().asset().tag() + " to " + found.rows().getLast().asset().tag() + " (" + PAGE + " a page, by tag)."),
                "id", "count");
        h.open("table", "id", "devices").open("tr").el("th", "Asset tag").el("th", "Serial").el("th", "Kind").el("th", "Model / version");
        if (authority.isEmpty()) {
            h.el("th", "Authority");
        }
        h.el("th", "Status").el("th", "Location").el("th", "Custodian");
        ReadinessCheck.MATRIX.forEach(c -> h.el("th", c.heading()));
        h.close("tr");
        for (DeviceRow r : found.rows()) {
            var a = r.asset();
            Optional<GpUnit> home = authority.or(() -> p.data.snapshot().authorityNamed(a.authority().value()));
            h.open("tr").open("td", "class", "nowrap");
            if (home.isPresent()) {
                h.a(devicePath(home.get(), a.tag()), a.tag().value());
            } else {
                h.text(a.tag().value());
            }
            h.close("td").el("td", a.serial()).el("td", a.kind().word()).el("td", a.model() + a.version().map(v -> " " + v).orElse(""));
            if (authority.isEmpty()) {
                h.el("td", a.authority().value());
            }
            h.el("td", a.status().word()).el("td", a.location()).el("td", a.custodian());
            for (ReadinessCheck c : ReadinessCheck.MATRIX) {
                if (r.failed().isEmpty()) {
                    h.el("td", "-", "title", "only voting devices in service are checked");
                } else if (r.failed().get().contains(c)) {
                    h.el("td", "fail", "class", "open");
                } else {
                    h.el("td", "pass", "class", "done");
                }
            }
            h.close("tr");
        }
        h.close("table");
        pager(h, f.query(base), found);
        Pages.send(ctx, title, h);
    }

    private static void filterForm(Html h, String base, Filters f) {
        String kind = f.kindText();
        String fails = f.failsText();
        h.open("form", "method", "get", "action", base, "class", "filter", "id", "filter")
                .open("label", "for", "q").text("Tag, serial, model, place or custodian contains ").close("label")
                .open("input", "id", "q", "name", "q", "value", f.text())
                .open("label", "for", "kind").text(" Kind ").close("label").open("select", "id", "kind", "name", "kind");
        option(h, "", "any", kind);
        for (AssetKind k : AssetKind.values()) {
            option(h, k.word(), k.word(), kind);
        }
        h.close("select").open("label", "for", "fails").text(" Readiness ").close("label").open("select", "id", "fails", "name", "fails");
        option(h, "", "all", fails);
        option(h, "any", "not ready (any check)", fails);
        List<String> offered = new ArrayList<>(List.of("", "any"));
        for (ReadinessCheck c : ReadinessCheck.MATRIX) {
            option(h, c.word(), "fails: " + c.heading(), fails);
            offered.add(c.word());
        }
        if (!offered.contains(fails)) {
            option(h, fails, "fails: " + fails.replace(",", " or "), fails); // a combination the statewide page links to
        }
        h.close("select").open("button", "type", "submit").text("Show").close("button").close("form");
    }

    private static void option(Html h, String value, String label, String current) {
        if (value.equals(current)) {
            h.el("option", label, "value", value, "selected", "selected");
        } else {
            h.el("option", label, "value", value);
        }
    }

    private static void pager(Html h, String query, DevicePage page) {
        if (page.rows().isEmpty() || !page.earlier() && !page.later()) {
            return;
        }
        h.open("p", "class", "pager", "id", "pager");
        if (page.earlier()) {
            h.a(query + "&before=" + url(page.rows().getFirst().asset().tag().value()), "Previous page", "rel", "prev").text(" ");
        }
        if (page.later()) {
            h.a(query + "&after=" + url(page.rows().getLast().asset().tag().value()), "Next page", "rel", "next");
        }
        h.close("p");
    }

    private static String url(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The asset of the path, if it is in the inventory and belongs to the path's authority; else a 404 page and empty. */
    private static Optional<AssetHistory> history(PortalContext p, Context ctx, GpUnit authority) {
        Optional<AssetHistory> h = tag(ctx.pathParam("tag")).flatMap(t -> p.workspace.custody().timeline(t))
                .filter(x -> PortalData.Snapshot.names(authority, x.current().authority().value()));
        if (h.isEmpty()) {
            Pages.notFound(ctx, "There is no asset " + ctx.pathParam("tag") + " of " + authority.name() + " in the custody records.");
        }
        return h;
    }

    private static Optional<AssetTag> tag(String text) {
        try {
            return Optional.of(new AssetTag(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a tag the inventory could hold: the page says it is not there
        }
    }

    private static void device(PortalContext p, Context ctx) {
        Optional<GpUnit> authority = authority(p, ctx);
        Optional<AssetHistory> found = authority.flatMap(a -> history(p, ctx, a));
        if (found.isEmpty()) {
            return;
        }
        GpUnit a = authority.get();
        AssetHistory h = found.get();
        var asset = h.current();
        Html out = new Html();
        out.open("table", "id", "asset").open("tr").el("th", "Serial").el("td", asset.serial()).close("tr")
                .open("tr").el("th", "Kind").el("td", asset.kind().word()).close("tr")
                .open("tr").el("th", "Model / version").el("td", asset.model() + asset.version().map(v -> " " + v).orElse("")).close("tr")
                .open("tr").el("th", "Status").el("td", asset.status().word()).close("tr")
                .open("tr").el("th", "Location").el("td", asset.location()).close("tr")
                .open("tr").el("th", "Custodian").el("td", asset.custodian()).close("tr")
                .open("tr").el("th", "Authority").open("td").a("/a/" + a.id().value(), a.name()).close("td").close("tr").close("table");
        if (asset.kind() == AssetKind.VOTING_DEVICE) {
            Optional<DeviceReadiness> r = p.workspace.custody().readiness(asset.tag(), Optional.empty());
            out.el("h2", "Readiness").open("ul", "class", "checks", "id", "readiness");
            for (ReadinessCheck c : ReadinessCheck.MATRIX) {
                Optional<String> why = r.flatMap(x -> Optional.ofNullable(x.failed().get(c)));
                out.el("li", c.heading() + ": " + why.map(w -> "fails (" + w + ")").orElse("passes"), "class", why.isPresent() ? "open" : "done");
            }
            out.close("ul");
        }
        out.el("h2", "Reports").open("p", "id", "downloads");
        for (Download d : Download.values()) {
            out.a(devicePath(a, asset.tag()) + "/" + d.file, (d.file.startsWith("seal") ? "Seal log sheet" : "Custody log")
                    + (d.pdf() ? " (PDF)" : " (CSV)")).text(" ");
        }
        out.close("p");
        List<Incident> incidents = IncidentPages.of(p, a).stream().filter(i -> i.asset().equals(Optional.of(asset.tag()))).toList();
        List<Line> recorded = h.timeline().stream().map(Line::of).toList();
        List<Line> all = new ArrayList<>(recorded);
        for (Incident i : incidents) {
            all.add(new Line(i.opened(), "incident #" + i.id() + " opened", i.kind().meaning() + ": " + i.description(), true,
                    Optional.of(IncidentPages.path(a, i))));
            i.resolution().ifPresent(r -> all.add(new Line(r.at(), "incident #" + i.id() + " resolved", "by " + r.by() + ": " + r.note(), false,
                    Optional.of(IncidentPages.path(a, i)))));
        }
        out.el("h2", "Seal log", "id", "seals");
        timeline(out, "seal-log", recorded.stream().filter(l -> l.event().filter(CustodyReports::sealEntry).isPresent()).toList(),
                "No seal has been applied to " + asset.tag() + ".");
        out.el("h2", "Custody timeline (oldest first)");
        timeline(out, "timeline", all, "Nothing has been recorded for " + asset.tag() + " since it was added.");
        out.el("h2", "Incidents about this asset");
        IncidentPages.table(out, a, incidents, "None.");
        Pages.send(ctx, asset.kind().word() + " " + asset.tag(), out);
    }

    /**
     * A line of a device's timeline: a custody record, or an incident about the device opened or
     * resolved (linked to its page); {@code wrong} marks what needs attention.
     */
    private record Line(Instant at, String entry, String details, boolean wrong, Optional<String> link, Optional<CustodyEvent> event) {
        Line(Instant at, String entry, String details, boolean wrong, Optional<String> link) {
            this(at, entry, details, wrong, link, Optional.empty());
        }

        static Line of(CustodyEvent e) {
            return new Line(e.at(), CustodyReports.kind(e), e.describe(), e instanceof CustodyEvent.SealVerified v && !v.good(),
                    Optional.empty(), Optional.of(e));
        }
    }

    /** The lines by the time each happened (a stable sort): an entry made later from paper (--at) takes its place in time. */
    private static void timeline(Html out, String id, List<Line> lines, String none) {
        if (lines.isEmpty()) {
            out.el("p", none);
            return;
        }
        out.open("table", "id", id).open("tr").el("th", "Time (UTC)").el("th", "Entry").el("th", "Details").close("tr");
        for (Line l : lines.stream().sorted(java.util.Comparator.comparing(Line::at)).toList()) {
            out.open("tr", "class", l.wrong() ? "open" : "entry").el("td", l.at().toString(), "class", "nowrap").open("td");
            l.link().ifPresentOrElse(href -> out.a(href, l.entry()), () -> out.text(l.entry()));
            out.close("td").el("td", l.details()).close("tr");
        }
        out.close("table");
    }

    private static void download(PortalContext p, Context ctx) throws IOException {
        Optional<Download> d = Arrays.stream(Download.values()).filter(x -> x.file.equals(ctx.pathParam("file"))).findFirst();
        if (d.isEmpty()) {
            Pages.notFound(ctx, "A device offers " + String.join(", ", Arrays.stream(Download.values()).map(x -> x.file).toList())
                    + ", not " + ctx.pathParam("file") + ".");
            return;
        }
        Optional<AssetHistory> h = authority(p, ctx).flatMap(a -> history(p, ctx, a));
        if (h.isEmpty()) {
            return;
        }
        CustodyReports.Report report = d.get().report(h.get());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (d.get().pdf()) {
            report.writePdf(p.clock, bytes);
        } else {
            report.writeCsv(bytes);
        }
        sendFile(ctx, d.get().pdf(), d.get().file.replace(".", "-" + h.get().current().tag().value() + "."), bytes.toByteArray());
    }

    /** A report file as a download: its type, a safe file name, no caching. */
    static void sendFile(Context ctx, boolean pdf, String name, byte[] bytes) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(pdf ? "application/pdf" : "text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        ctx.result(bytes);
    }
}
