package org.bulwark.formats.election;

/** Bulwark's own JSON election definition: what marks a file as one. */
final class BulwarkElectionJson {
    static final String FORMAT_KEY = "format";
    static final String FORMAT = "bulwark-election";
    static final int VERSION = 1;

    private BulwarkElectionJson() {}
}
