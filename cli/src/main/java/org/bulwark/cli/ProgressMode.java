package org.bulwark.cli;

/** How long work shows its progress on stderr. */
enum ProgressMode {
    /** A bar redrawn in place when stderr is a terminal, plain lines now and then otherwise. */
    AUTO,
    /** Always the bar, even when stderr is not a terminal. */
    BAR,
    /** A plain line every few seconds, for logs. */
    LINES,
    /** Nothing. */
    NONE
}
