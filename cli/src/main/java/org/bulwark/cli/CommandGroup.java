package org.bulwark.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups others ({@code bulwark election}, {@code bulwark ledger}, ...): alone, it shows its usage. */
abstract class CommandGroup implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(Bulwark.of(spec).io().out());
    }
}
