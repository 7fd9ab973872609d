package org.bulwark.custody;

import java.util.Optional;

/** Where an asset stands in its life; only assets in service are expected on election day. */
public enum AssetStatus {
    IN_SERVICE("in-service"),
    IN_REPAIR("in-repair"),
    RETIRED("retired"),
    MISSING("missing");

    private final String word;

    AssetStatus(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<AssetStatus> parse(String text) {
        return Words.parse(AssetStatus.class, AssetStatus::word, text);
    }

    public static String words() {
        return Words.list(AssetStatus.class, AssetStatus::word);
    }
}
