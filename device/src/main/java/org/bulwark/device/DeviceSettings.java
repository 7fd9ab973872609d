package org.bulwark.device;

import java.util.Arrays;

/**
 * The election's settings for devices (device-settings.json in the election package, optional):
 * what a scanner does with an overvoted ballot. A ballot-marking device never accepts one.
 */
record DeviceSettings(ScannerOvervotes scannerOvervotes) {
    static final String FILE = "device-settings.json";
    static final String FORMAT = "bulwark-device-settings";
    static final DeviceSettings DEFAULT = new DeviceSettings(ScannerOvervotes.RETURN);

    enum ScannerOvervotes {
        /** The ballot goes back to the voter to be corrected (HAVA 301(a)(1)(A)(iii) notice). */
        RETURN("return"),
        /** The ballot is taken; the overvoted contest counts no vote. */
        ACCEPT("accept");

        private final String word;

        ScannerOvervotes(String word) {
            this.word = word;
        }

        String word() {
            return word;
        }
    }

    static DeviceSettings read(byte[] bytes, String file) {
        SmallJson.Obj o = SmallJson.read(bytes, file).expect(FORMAT, 1);
        String word = o.text("scannerOvervotes");
        return new DeviceSettings(Arrays.stream(ScannerOvervotes.values()).filter(v -> v.word().equals(word)).findFirst()
                .orElseThrow(() -> o.problem("scannerOvervotes", "must be \"return\" or \"accept\", not \"" + word + "\"")));
    }

    byte[] bytes() {
        return SmallJson.write(g -> {
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            g.writeStringField("scannerOvervotes", scannerOvervotes.word());
        });
    }
}
