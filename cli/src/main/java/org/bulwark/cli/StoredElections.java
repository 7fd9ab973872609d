package org.bulwark.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.formats.election.LoadedElection;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.store.ElectionRef;
import org.bulwark.store.ElectionSource;
import org.bulwark.store.StoredElection;
import org.bulwark.store.Workspace;

/** Elections in a workspace, as commands import, pick and read them. */
final class StoredElections {
    private StoredElections() {}

    /** Imports a definition read from {@code bytes}, keeping the file as given and Bulwark JSON beside it. */
    static StoredElection importElection(Workspace workspace, String name, byte[] bytes, PrintWriter err) {
        LoadedElection loaded = Elections.usable(ElectionFiles.read(bytes, name), name, err);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ElectionFiles.writeBulwarkJson(loaded.election(), json);
        return workspace.importElection(loaded.election(), new ElectionSource(name, loaded.format().description(), bytes,
                Optional.of(json.toByteArray()), ElectionFingerprint.of(loaded.election()).sha256()));
    }

    /** The election named by {@code --election}, or the workspace's only one. */
    static StoredElection pick(Workspace workspace, Optional<Long> id) {
        if (id.isPresent()) {
            return workspace.election(new ElectionRef(id.get()));
        }
        List<StoredElection> all = workspace.listElections();
        if (all.size() == 1) {
            return all.get(0);
        }
        String where = workspace.location().describe();
        if (all.isEmpty()) {
            throw new BadInputException(where, "workspace", "it holds no election yet; import one with: ./bulwark import election FILE");
        }
        StringBuilder list = new StringBuilder();
        for (StoredElection e : all) {
            list.append(System.lineSeparator()).append("  ").append(e.ref().id()).append("  ").append(e.title())
                    .append(" (").append(e.date()).append(", fingerprint ").append(e.fingerprint(), 0, 7).append(')');
        }
        throw new BadInputException(where, "workspace", "it holds " + all.size() + " elections; say which with --election ID:" + list);
    }
}
