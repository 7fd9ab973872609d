package org.bulwark.store;

import java.time.Instant;

/**
 * Why a workspace operation was refused or could not be done, in words an election official can act
 * on. Database errors never reach users as SQL: they become a {@link WorkspaceUnavailable} whose
 * message says what failed in plain words (the driver's exception stays attached as the cause).
 */
public abstract sealed class WorkspaceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The same CVR file (same SHA-256) or the same election definition (same fingerprint) was
     * imported before; nothing was imported this time.
     */
    public static final class DuplicateImport extends WorkspaceException {
        private static final long serialVersionUID = 1L;
        private final long earlierId;
        private final String earlierSourceName;
        private final Instant earlierImportedAt;

        DuplicateImport(ImportedFile earlier) {
            super("This CVR file was already imported: its SHA-256 " + earlier.sha256() + " matches CVR import #"
                    + earlier.id() + " of \"" + earlier.sourceName() + "\" at " + earlier.importedAt() + " by "
                    + earlier.importedBy() + " (" + earlier.cvrCount() + " CVRs). Nothing was imported.", null);
            this.earlierId = earlier.id();
            this.earlierSourceName = earlier.sourceName();
            this.earlierImportedAt = earlier.importedAt();
        }

        DuplicateImport(StoredElection earlier) {
            super("This election definition was already imported: its fingerprint " + earlier.fingerprint()
                    + " matches " + earlier.ref() + " \"" + earlier.title() + "\", imported from \""
                    + earlier.sourceName() + "\" at " + earlier.importedAt() + " by " + earlier.importedBy()
                    + ". Nothing was imported.", null);
            this.earlierId = earlier.ref().id();
            this.earlierSourceName = earlier.sourceName();
            this.earlierImportedAt = earlier.importedAt();
        }

        /** The id of the earlier CVR import or election. */
        public long earlierId() {
            return earlierId;
        }

        public String earlierSourceName() {
            return earlierSourceName;
        }

        public Instant earlierImportedAt() {
            return earlierImportedAt;
        }
    }

    /** The election named is not in this workspace. */
    public static final class UnknownElection extends WorkspaceException {
        private static final long serialVersionUID = 1L;
        private final ElectionRef election;

        UnknownElection(ElectionRef election, String workspace) {
            super("There is no " + election + " in the workspace " + workspace + ".", null);
            this.election = election;
        }

        public ElectionRef election() {
            return election;
        }
    }

    /** The workspace cannot be opened, read or written; the message names it and says why. */
    public static final class WorkspaceUnavailable extends WorkspaceException {
        private static final long serialVersionUID = 1L;
        private final String workspace;
        private final String reason;

        WorkspaceUnavailable(String workspace, String doing, String reason, Throwable cause) {
            super("Workspace " + workspace + ": could not " + doing + ": " + reason, cause);
            this.workspace = workspace;
            this.reason = reason;
        }

        /** The SQLite path or the PostgreSQL URL (without password). */
        public String workspace() {
            return workspace;
        }

        /** The cause in plain words. */
        public String reason() {
            return reason;
        }
    }

    /** A stored record does not decode: the workspace file was damaged or altered outside Bulwark. */
    public static final class DamagedWorkspace extends WorkspaceException {
        private static final long serialVersionUID = 1L;

        DamagedWorkspace(String workspace, String what, Throwable cause) {
            super("Workspace " + workspace + " is damaged: " + what + ". Restore it from a backup.", cause);
        }
    }
}
