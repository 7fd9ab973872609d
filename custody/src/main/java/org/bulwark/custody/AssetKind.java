package org.bulwark.custody;

import java.util.Optional;

/** What an inventoried asset is. Voting devices and workstations run certified versions; the rest do not. */
public enum AssetKind {
    VOTING_DEVICE("voting-device"),
    WORKSTATION("workstation"),
    MEMORY_CARD("memory-card"),
    USB_DRIVE("usb-drive"),
    BALLOT_CONTAINER("ballot-container");

    private final String word;

    AssetKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Whether the asset runs a certified version that the registry must list. */
    public boolean runsCertifiedVersion() {
        return this == VOTING_DEVICE || this == WORKSTATION;
    }

    /** Memory cards and USB drives: every access to them is logged. */
    public boolean isMemory() {
        return this == MEMORY_CARD || this == USB_DRIVE;
    }

    public static Optional<AssetKind> parse(String text) {
        return Words.parse(AssetKind.class, AssetKind::word, text);
    }

    public static String words() {
        return Words.list(AssetKind.class, AssetKind::word);
    }
}
