package org.bulwark.model.events;

import org.bulwark.model.GpUnitId;

/** Where the event belongs: a geopolitical unit of the election, or a jurisdiction named in words. */
public sealed interface Jurisdiction {
    String value();

    record Unit(GpUnitId id) implements Jurisdiction {
        public Unit {
            Text.check("jurisdiction unit id", id.value(), Text.SHORT);
        }

        @Override
        public String value() {
            return id.value();
        }
    }

    record Named(String value) implements Jurisdiction {
        public Named {
            Text.check("jurisdiction", value, Text.SHORT);
        }
    }
}
