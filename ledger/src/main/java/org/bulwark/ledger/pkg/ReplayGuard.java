package org.bulwark.ledger.pkg;

/** Knows which packages were already imported; the workspace implements it. */
public interface ReplayGuard {
    boolean alreadyImported(PackageId id);
}
