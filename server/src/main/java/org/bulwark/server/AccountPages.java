package org.bulwark.server;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bulwark.model.GpUnitId;
import org.bulwark.store.PortalAccount;

/**
 * Accounts: a state administrator creates accounts of any role; an authority administrator those
 * of its own authority, of the authority's roles. Each creation is logged with who did it.
 */
final class AccountPages {
    private AccountPages() {}

    static List<Route> routes(PortalContext p) {
        Access admins = Access.roles(Access.Scope.ANY, Role.STATE_ADMIN, Role.AUTHORITY_ADMIN);
        return List.of(
                Route.get("/users", admins, ctx -> page(p, ctx, new Html())),
                Route.post("/users", admins, ctx -> create(p, ctx)));
    }

    /** The roles an administrator may give. */
    static Set<Role> grantable(User admin) {
        return switch (admin.role().reach()) {
            case STATE -> EnumSet.complementOf(EnumSet.of(Role.PUBLIC));
            case AUTHORITY -> EnumSet.of(Role.AUTHORITY_ADMIN, Role.AUTHORITY_STAFF, Role.AUDIT_BOARD, Role.BIPARTISAN_TEAM);
            case NONE -> EnumSet.noneOf(Role.class);
        };
    }

    private static void page(PortalContext p, Context ctx, Html top) {
        User admin = PortalContext.requireUser(ctx);
        Html h = new Html().add(top);
        h.open("table", "id", "accounts").open("tr").el("th", "Username").el("th", "Name").el("th", "Role").el("th", "Authority")
                .el("th", "Failed sign-ins").close("tr");
        for (PortalAccount a : p.workspace.portalAccounts().list()) {
            if (admin.role().reach() == Role.Reach.STATE || a.authority().equals(admin.authority().map(GpUnitId::value))) {
                h.open("tr").el("td", a.username()).el("td", a.displayName()).el("td", a.role())
                        .el("td", a.authority().orElse("(state)")).el("td", a.failedAttempts(), "class", "num").close("tr");
            }
        }
        h.close("table").el("h2", "New account");
        h.form("/users", PortalContext.session(ctx).orElseThrow().csrf(), "class", "card")
                .open("label", "for", "username").text("Username").close("label").open("input", "id", "username", "name", "username", "required", "required")
                .open("label", "for", "name").text("Full name").close("label").open("input", "id", "name", "name", "name", "required", "required")
                .open("label", "for", "role").text("Role").close("label").open("select", "id", "role", "name", "role");
        for (Role r : Arrays.stream(Role.values()).filter(grantable(admin)::contains).toList()) {
            h.el("option", r.word(), "value", r.name());
        }
        h.close("select");
        if (admin.role().reach() == Role.Reach.STATE) {
            h.open("label", "for", "authority").text("Authority (GpUnit id; empty for the state's roles)").close("label")
                    .open("input", "id", "authority", "name", "authority");
        }
        h.open("label", "for", "password").text("Initial password (at least " + Passwords.MIN_LENGTH + " characters)").close("label")
                .open("input", "id", "password", "name", "password", "type", "password", "autocomplete", "new-password", "required", "required")
                .open("button", "type", "submit", "id", "create").text("Create account").close("button").close("form");
        Pages.send(ctx, "Accounts", h);
    }

    private static void create(PortalContext p, Context ctx) {
        User admin = PortalContext.requireUser(ctx);
        Optional<Role> role = Arrays.stream(Role.values()).filter(r -> r.name().equals(ctx.formParam("role"))).findFirst();
        if (role.isEmpty()) {
            ctx.status(400);
            page(p, ctx, new Html().el("p", "Not created: choose a role.", "class", "problem", "id", "problem"));
            return;
        }
        if (!grantable(admin).contains(role.get())) {
            ctx.status(403);
            page(p, ctx, new Html().el("p", "You may not create an account of that role.", "class", "problem", "id", "problem"));
            return;
        }
        Optional<String> authority = admin.role().reach() == Role.Reach.STATE
                ? Optional.ofNullable(ctx.formParam("authority")).map(String::strip).filter(s -> !s.isEmpty())
                : admin.authority().map(GpUnitId::value);
        PortalUsers.NewUser user = new PortalUsers.NewUser(Optional.ofNullable(ctx.formParam("username")).orElse("").strip(),
                Optional.ofNullable(ctx.formParam("name")).orElse(""), role.get(), authority,
                Optional.ofNullable(ctx.formParam("password")).orElse(""));
        switch (PortalUsers.create(p.workspace, user, admin.actor(), p.random)) {
            case PortalUsers.Creation.Refused r -> {
                ctx.status(400);
                page(p, ctx, new Html().el("p", "Not created: " + r.problem() + ".", "class", "problem", "id", "problem"));
            }
            case PortalUsers.Creation.Created c -> page(p, ctx, new Html()
                    .el("p", "Created " + c.account().username() + " (" + c.account().role() + "). Give them their password and "
                            + "this two-factor secret in person; it is shown only now.", "class", "ok", "id", "created")
                    .open("p").text("Secret: ").el("code", c.totpSecret(), "id", "totp-secret").close("p")
                    .open("p").text("Authenticator URI: ").el("code", c.otpauthUri()).close("p"));
        }
    }
}
