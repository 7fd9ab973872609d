package org.bulwark.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.custody.Fixtures.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any sequence of seal actions, checked by the rules the way the store applies them: a number is
 * applied once at most, a point holds at most the seal applied last and not broken since, refusals
 * record nothing, and every discrepancy found opens an incident.
 */
class SealRulesPropertyTest {
    record Step(int action, int point, long number, boolean intact) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 1),
                Arbitraries.longs().between(1, 12), Arbitraries.of(true, false)).as(Step::new).list().ofMaxSize(40);
    }

    @Property(tries = 300)
    void sealStateFollowsTheRules(@ForAll("steps") List<Step> steps) {
        List<CustodyEvent> timeline = new ArrayList<>();
        Map<Long, AssetTag> applied = new HashMap<>();
        Map<String, Long> model = new HashMap<>();
        Instant at = LAT_DAY;
        for (Step s : steps) {
            String point = SCANNER.sealPoints().get(s.point());
            AssetHistory h = new AssetHistory(DEVICE, timeline);
            Decision d = switch (s.action()) {
                case 0 -> RULES.apply(h, Optional.of(SCANNER), point, s.number(), new CustodyRules.SealNumberFacts(
                        s.number() > 10 ? Optional.empty() : Optional.of(BOONE), Optional.ofNullable(applied.get(s.number()))), PAIR, at);
                case 1 -> RULES.verify(h, point, s.number(), s.intact(), "Warehouse", true, PAIR, at);
                case 2 -> RULES.breakSeal(h, point, "maintenance", PAIR, at);
                default -> RULES.replace(h, Optional.of(SCANNER), point, s.number(), new CustodyRules.SealNumberFacts(Optional.of(BOONE),
                        Optional.ofNullable(applied.get(s.number()))), "maintenance", PAIR, at);
            };
            switch (d) {
                case Decision.Refused r -> assertThat(r.reason()).isNotBlank();
                case Decision.Accepted a -> {
                    for (CustodyEvent e : a.events()) {
                        switch (e) {
                            case CustodyEvent.SealApplied ap -> {
                                assertThat(applied).doesNotContainKey(ap.number());
                                applied.put(ap.number(), DEVICE.tag());
                                model.put(ap.point(), ap.number());
                            }
                            case CustodyEvent.SealBroken b -> assertThat(model.remove(b.point())).isEqualTo(b.number());
                            case CustodyEvent.SealVerified v -> {
                                assertThat(v.expected()).isEqualTo(model.get(v.point()));
                                long expectedIncidents = (v.expected() != v.observed() ? 1 : 0) + (v.intact() ? 0 : 1);
                                assertThat(a.incidents()).hasSize((int) expectedIncidents);
                            }
                            default -> throw new AssertionError("unexpected " + e);
                        }
                    }
                    timeline.addAll(a.events());
                }
            }
            if (s.action() == 1 && !model.containsKey(point)) {
                assertThat(d).isInstanceOf(Decision.Refused.class);
            }
            at = at.plusSeconds(60);
        }
        Set<String> points = new HashSet<>(SCANNER.sealPoints());
        for (String p : points) {
            assertThat(new AssetHistory(DEVICE, timeline).currentSeal(p).map(CustodyEvent.SealApplied::number)).isEqualTo(Optional.ofNullable(model.get(p)));
        }
    }
}
