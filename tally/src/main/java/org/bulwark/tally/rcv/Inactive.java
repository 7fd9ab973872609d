package org.bulwark.tally.rcv;

/** Why a ballot no longer counts for any candidate (RCTab's ballot statuses). */
public enum Inactive {
    /** The ballot ranks no candidate at all (an undervote). */
    NO_RANKINGS,
    /** An overvote exhausted it under the contest's overvote rule. */
    OVERVOTE,
    /** More consecutive ranks were skipped than the contest allows. */
    SKIPPED_RANKINGS,
    /** None of the candidates it ranks is still continuing. */
    EXHAUSTED_CHOICES,
    /** It ranks a candidate twice and the contest exhausts such ballots. */
    REPEATED_RANKING,
    /** Multi-seat only: the part of a winner's vote left over once every seat is filled. */
    FINAL_ROUND_SURPLUS
}
