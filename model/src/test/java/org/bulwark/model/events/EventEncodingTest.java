package org.bulwark.model.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.constraints.IntRange;

class EventEncodingTest {
    @Provide
    Arbitrary<LogEvent> events() {
        return SampleEvents.events();
    }

    @Property(tries = 500)
    void roundTrips(@ForAll("events") LogEvent event) {
        byte[] bytes = EventEncoding.encode(event);
        assertThat(EventEncoding.decode(bytes)).isEqualTo(event);
    }

    @Property(tries = 500)
    void differentEventsEncodeDifferently(@ForAll("events") LogEvent a, @ForAll("events") LogEvent b) {
        assertThat(Arrays.equals(EventEncoding.encode(a), EventEncoding.encode(b))).isEqualTo(a.equals(b));
    }

    @Property(tries = 300)
    void anyMutationIsRefusedOrDecodesToAnotherEvent(@ForAll("events") LogEvent event,
            @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll byte value) {
        byte[] bytes = EventEncoding.encode(event);
        int at = where % bytes.length;
        if (bytes[at] == value) {
            return;
        }
        bytes[at] = value;
        try {
            assertThat(EventEncoding.decode(bytes)).isNotEqualTo(event);
        } catch (EventEncoding.Malformed expected) {
            assertThat(expected.offset()).isBetween(0, bytes.length);
        }
    }

    @Example
    void everyKindHasAUniqueIdAndASample() {
        Set<String> ids = new HashSet<>();
        for (EventKind kind : EventKind.values()) {
            assertThat(ids.add(kind.id())).as(kind.id()).isTrue();
            LogEvent sample = SampleEvents.sample(kind);
            assertThat(sample.kind()).isEqualTo(kind);
            assertThat(EventEncoding.decode(EventEncoding.encode(sample))).isEqualTo(sample);
        }
    }

    @Example
    void truncatedEntryNamesTheProblem() {
        byte[] bytes = EventEncoding.encode(SampleEvents.sample(EventKind.KEY_REVOKED));
        assertThatThrownBy(() -> EventEncoding.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(EventEncoding.Malformed.class)
                .hasMessageContaining("ends early");
        byte[] extra = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> EventEncoding.decode(extra)).hasMessageContaining("1 bytes after the event");
    }

    @Example
    void unknownKindIsNamed() {
        byte[] bytes = EventEncoding.encode(SampleEvents.sample(EventKind.KEY_REVOKED));
        bytes[9] = 'X'; // first letter of "BW-KEY-REVOKED"
        assertThatThrownBy(() -> EventEncoding.decode(bytes)).hasMessageContaining("unknown event kind \"XW-KEY-REVOKED\"");
    }

    @Example
    void detailsRefuseControlCharactersAndOversizedText() {
        assertThatThrownBy(() -> new LogEvent.KeyRevoked(SampleEvents.header(), "k", "a\nb", "state"))
                .hasMessageContaining("control character");
        assertThatThrownBy(() -> new LogEvent.KeyRevoked(SampleEvents.header(), "k", "x".repeat(1025), "state"))
                .hasMessageContaining("at most 1024");
    }
}
