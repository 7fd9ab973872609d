package org.bulwark.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Election;

/** A small generated statewide election and its ballots, shared by the store tests. */
final class Fixtures {
    static final StatewideGenerator.Settings SMALL = new StatewideGenerator.Settings(3, 12, 3_000, 11);
    static final Instant NOW = Instant.parse("2026-11-03T20:15:30.123Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String IMPORTER = "clerk (test)";

    private Fixtures() {}

    static StatewideGenerator generator() {
        return StatewideGenerator.create(SMALL);
    }

    static Election election() {
        return generator().election();
    }

    static List<CastVoteRecord> ballots() {
        List<CastVoteRecord> all = new ArrayList<>();
        generator().castVoteRecords(all::add);
        return all;
    }

    /** A definition "file" for the election: the store keeps bytes as given, so any bytes do. */
    static ElectionSource source(Election election, String name) {
        byte[] bytes = ("{\"election\":\"" + election.id() + "\",\"file\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
        return new ElectionSource(name, "Bulwark JSON", bytes, Optional.of(bytes), hex(sha256(bytes)));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
