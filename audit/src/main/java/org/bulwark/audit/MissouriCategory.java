package org.bulwark.audit;

import java.util.Locale;
import java.util.Optional;
import org.bulwark.model.Contest;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnitType;

/**
 * The contest categories of 15 CSR 30-10.110: one contest is drawn from each of the first four,
 * at least three local contests (all when there are three or fewer).
 */
public enum MissouriCategory {
    FEDERAL_OR_STATEWIDE_CANDIDATE("federal or statewide candidates"),
    STATEWIDE_ISSUE("statewide ballot issues"),
    HOUSE_AND_GENERAL_ASSEMBLY("U.S. House and General Assembly"),
    JUDGES_AND_RETENTION("judges and retention"),
    LOCAL("local contests");

    private final String description;

    MissouriCategory(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The label used in commands: "statewide-issue". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<MissouriCategory> byLabel(String label) {
        for (MissouriCategory c : values()) {
            if (c.label().equals(label)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The category a contest falls in, by the type of the district it is held in: state-wide
     * candidates and questions, congressional and legislative districts, judicial districts, and
     * everything else local. Straight-party contests are not audited (their marks are counted in
     * the contests they select), so they have none.
     */
    public static Optional<MissouriCategory> of(Contest contest, ElectionIndex election) {
        GpUnitType type = election.gpUnit(contest.district()).map(u -> u.type()).orElse(GpUnitType.OTHER);
        return switch (contest) {
            case Contest.PartyContest p -> Optional.empty();
            case Contest.CandidateContest c -> Optional.of(switch (type) {
                case STATE -> FEDERAL_OR_STATEWIDE_CANDIDATE;
                case CONGRESSIONAL, STATE_SENATE, STATE_HOUSE -> HOUSE_AND_GENERAL_ASSEMBLY;
                case JUDICIAL -> JUDGES_AND_RETENTION;
                default -> LOCAL;
            });
            case Contest.BallotMeasureContest m -> Optional.of(switch (type) {
                case STATE -> STATEWIDE_ISSUE;
                case JUDICIAL -> JUDGES_AND_RETENTION;
                default -> LOCAL;
            });
        };
    }
}
