package org.bulwark.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.bulwark.model.CountingGroup;
import picocli.CommandLine;

/** Counting groups as NIST spells them: election-day, absentee, early, provisional. */
final class CountingGroupConverter implements CommandLine.ITypeConverter<CountingGroup> {
    static final String NAMES = Arrays.stream(CountingGroup.values()).map(CountingGroup::nist).collect(Collectors.joining(", "));

    @Override
    public CountingGroup convert(String value) {
        return CountingGroup.fromNist(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "'" + value + "' is not a counting group: use one of " + NAMES));
    }
}
