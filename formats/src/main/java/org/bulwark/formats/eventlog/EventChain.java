package org.bulwark.formats.eventlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Bulwark's hash chain over the Events of one NIST SP 1500-101 Device (docs/event-log.md):
 *
 * <pre>
 * H_0 = SHA-256("bulwark/nist-1500-101-event-chain/v1")           (ASCII, no terminator)
 * H_i = SHA-256(H_{i-1} || F(Id) || F(Sequence) || F(TimeStamp) || F(Type) || F(Disposition)
 *               || F(OtherDisposition) || F(UserId) || F(Severity) || F(Description) || F(Details))
 * F(x) = u32 big-endian byte length of x's UTF-8 || those bytes;  F(absent) = 0xFFFFFFFF
 * </pre>
 *
 * Each Event's Hash is H_i in lowercase hex, with the Device's HashType "sha-256". The strings are
 * the element values exactly as written, so any device or reader can compute the chain without
 * Bulwark; Bulwark's export puts an event's typed details into Details, so the chain covers them.
 */
final class EventChain {
    static final String ANCHOR_TEXT = "bulwark/nist-1500-101-event-chain/v1";
    private static final HexFormat HEX = HexFormat.of();

    private byte[] previous;

    EventChain() {
        previous = sha256().digest(ANCHOR_TEXT.getBytes(StandardCharsets.US_ASCII));
    }

    /** Advances the chain over one event and returns its hash in lowercase hex. */
    String next(String id, String sequence, String timeStamp, String type, String disposition,
            Optional<String> otherDisposition, Optional<String> userId, Optional<String> severity,
            Optional<String> description, Optional<String> details) {
        MessageDigest md = sha256();
        md.update(previous);
        field(md, Optional.of(id));
        field(md, Optional.of(sequence));
        field(md, Optional.of(timeStamp));
        field(md, Optional.of(type));
        field(md, Optional.of(disposition));
        field(md, otherDisposition);
        field(md, userId);
        field(md, severity);
        field(md, description);
        field(md, details);
        previous = md.digest();
        return HEX.formatHex(previous);
    }

    String next(DeviceEvent e) {
        return next(e.id(), e.sequence(), e.timeStamp(), e.type(), e.disposition().nist(), e.otherDisposition(),
                e.userId(), e.severity(), e.description(), e.details());
    }

    private static void field(MessageDigest md, Optional<String> value) {
        if (value.isEmpty()) {
            md.update(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            return;
        }
        byte[] b = value.get().getBytes(StandardCharsets.UTF_8);
        md.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8), (byte) b.length});
        md.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
