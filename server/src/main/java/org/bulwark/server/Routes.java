package org.bulwark.server;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The portal's whole route table, each route with the roles and the jurisdiction rule it allows
 * (docs/web-portal.md shows it as a matrix; PortalAccessMatrixTest asserts every cell).
 */
final class Routes {
    /** Who may upload results packages for an authority. */
    static final Set<Role> UPLOADERS = EnumSet.of(Role.STATE_ADMIN, Role.AUTHORITY_ADMIN, Role.AUTHORITY_STAFF);

    private Routes() {}

    static List<Route> all(PortalContext p) {
        List<Route> all = new ArrayList<>();
        all.addAll(PublicPages.routes(p));
        all.addAll(SignInPages.routes(p));
        all.addAll(DashboardPages.routes(p));
        all.addAll(ResultsPages.routes(p));
        all.addAll(UploadPages.routes(p));
        all.addAll(LogPages.routes(p));
        all.addAll(AccountPages.routes(p));
        all.addAll(AuditPages.routes(p));
        all.addAll(CertificationPages.routes(p));
        all.addAll(EquipmentPages.routes(p));
        all.addAll(IncidentPages.routes(p));
        all.addAll(LatPages.routes(p));
        return all;
    }
}
