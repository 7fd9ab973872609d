package org.bulwark.audit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rivest's SHA-256 sampler, the public-drawing sampler used across US audits: draw k picks
 * {@code a + (SHA-256(seed + "," + k) mod (b - a + 1))}. Anyone with the seed can repeat a drawing
 * with nothing but a SHA-256 tool, which is why its exact rules matter more than speed. Escalation
 * continues the same counter, so a longer sample always begins with the shorter one.
 */
public final class Sampler {
    private final byte[] prefix;
    private final long from;
    private final BigInteger size;
    private final long sizeLong;
    private final boolean withoutReplacement;
    private final Set<Long> drawn = new HashSet<>();
    private final MessageDigest sha256;
    private long counter;

    private Sampler(String seed, long from, long to, boolean withoutReplacement) {
        if (to < from) {
            throw new IllegalArgumentException("the range " + from + ".." + to + " is empty");
        }
        this.prefix = (normalizeSeed(seed) + ",").getBytes(StandardCharsets.UTF_8);
        this.from = from;
        this.sizeLong = Math.subtractExact(to, from) + 1;
        this.size = BigInteger.valueOf(sizeLong);
        this.withoutReplacement = withoutReplacement;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A sampler over {@code from..to} (both included) that draws with or without replacement. */
    public static Sampler over(String seed, long from, long to, boolean withoutReplacement) {
        return new Sampler(seed, from, to, withoutReplacement);
    }

    /** The first {@code count} picks, in draw order. */
    public static List<Long> draw(String seed, long from, long to, int count, boolean withoutReplacement) {
        return over(seed, from, to, withoutReplacement).next(count).stream().map(Draw::pick).toList();
    }

    /**
     * The seed as the sampler hashes it: each line stripped, lines joined with no separator, so
     * that a seed typed over several lines or with stray spaces draws the same sample. It is never
     * read as a number: "0" and "0000000000" are different seeds.
     */
    public static String normalizeSeed(String seed) {
        StringBuilder joined = new StringBuilder();
        seed.lines().forEach(line -> joined.append(line.strip()));
        return joined.toString();
    }

    /**
     * The next {@code count} picks. Without replacement a pick already drawn is skipped but uses up
     * its counter value, as Rivest's reference does.
     */
    public List<Draw> next(int count) {
        if (withoutReplacement && count > sizeLong - drawn.size()) {
            throw new IllegalArgumentException("cannot draw " + count + " more without replacement: only "
                    + (sizeLong - drawn.size()) + " of " + sizeLong + " are left");
        }
        List<Draw> picks = new ArrayList<>(count);
        while (picks.size() < count) {
            counter++;
            long pick = pick(counter);
            if (withoutReplacement && !drawn.add(pick)) {
                continue;
            }
            picks.add(new Draw(counter, pick));
        }
        return picks;
    }

    private long pick(long k) {
        sha256.update(prefix);
        byte[] hash = sha256.digest(Long.toString(k).getBytes(StandardCharsets.US_ASCII));
        if (sizeLong <= SMALL_RANGE) {
            // h mod n over 32-bit limbs, most significant first: the remainder times 2^32 plus a limb stays
            // below 2^63, so long arithmetic gives exactly what BigInteger does, without allocating.
            long r = 0;
            for (int i = 0; i < hash.length; i += 4) {
                long limb = ((hash[i] & 0xFFL) << 24) | ((hash[i + 1] & 0xFFL) << 16) | ((hash[i + 2] & 0xFFL) << 8) | (hash[i + 3] & 0xFFL);
                r = ((r << 32) | limb) % sizeLong;
            }
            return from + r;
        }
        return from + new BigInteger(1, hash).mod(size).longValueExact();
    }

    /** Ranges up to 2^31 take the long-arithmetic path of {@link #pick}. */
    private static final long SMALL_RANGE = 1L << 31;

    /**
     * One pick and the counter value that produced it, so that an observer can recompute it.
     *
     * @param ticket the counter k hashed for this pick
     */
    public record Draw(long ticket, long pick) {}
}
