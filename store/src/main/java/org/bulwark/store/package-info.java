/**
 * The workspace: where an election office keeps its election definitions, imported CVR files, the
 * CVRs themselves and tabulation results, in a SQLite file or a PostgreSQL database. The entry point
 * is {@link org.bulwark.store.Workspace}; everything else here is a value it takes or returns, or
 * a {@link org.bulwark.store.WorkspaceException} it throws.
 */
package org.bulwark.store;
