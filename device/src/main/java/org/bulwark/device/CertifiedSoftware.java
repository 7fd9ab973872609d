package org.bulwark.device;

import java.util.List;

/**
 * The software fingerprints certified for an election (certified-software.json in the election
 * package): a device whose own fingerprint is not listed refuses the election.
 */
public record CertifiedSoftware(List<String> fingerprints) {
    static final String FILE = "certified-software.json";
    static final String FORMAT = "bulwark-certified-software";

    public CertifiedSoftware {
        fingerprints = List.copyOf(fingerprints);
        for (String f : fingerprints) {
            if (!f.matches("sha256:[0-9a-f]{64}")) {
                throw new IllegalArgumentException("'" + f + "' is not a software fingerprint (sha256: and 64 hex digits)");
            }
        }
    }

    static CertifiedSoftware read(byte[] bytes, String file) {
        SmallJson.Obj o = SmallJson.read(bytes, file).expect(FORMAT, 1);
        List<String> list = o.texts("fingerprints");
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).matches("sha256:[0-9a-f]{64}")) {
                throw o.problem("fingerprints[" + i + "]", "'" + list.get(i) + "' is not sha256: and 64 hex digits");
            }
        }
        return new CertifiedSoftware(list);
    }

    /** The file's bytes, for the authority that builds the election package. */
    public byte[] bytes() {
        return SmallJson.write(g -> {
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            g.writeArrayFieldStart("fingerprints");
            for (String f : fingerprints) {
                g.writeString(f);
            }
            g.writeEndArray();
        });
    }

    /** The file name the device looks for in the election package. */
    public static String fileName() {
        return FILE;
    }
}
