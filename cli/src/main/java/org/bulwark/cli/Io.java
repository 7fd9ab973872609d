package org.bulwark.cli;

import java.io.PrintWriter;
import java.time.Clock;

/**
 * Where a command writes and what it may assume about the terminal: results and reports to
 * {@code out}, messages and progress to {@code err}, so progress never garbles output piped on.
 *
 * @param errIsTerminal whether stderr is a terminal, where progress bars may be redrawn in place
 * @param clock the time source for progress rates and intervals
 */
record Io(PrintWriter out, PrintWriter err, boolean errIsTerminal, Clock clock) {}
