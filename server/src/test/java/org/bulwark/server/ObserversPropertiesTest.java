package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.bulwark.custody.Person;

/** The observers field of the L&A certificate form: any text gives people or problems with their lines, never an exception. */
class ObserversPropertiesTest {
    @Property(tries = 500)
    void anyTextIsReadOrRefusedLineByLine(@ForAll @StringLength(max = 400) String text) {
        LatPages.Observers o = LatPages.Observers.parse(text);
        assertThat(o.people().size() + o.problems().size()).isLessThanOrEqualTo(text.split("\\R", -1).length + 1);
        assertThat(o.problems()).allMatch(p -> p.startsWith("observers"));
    }

    @Property(tries = 200)
    void namedPeopleReadBackInOrder(@ForAll("people") List<Person> people) {
        String text = String.join("\n", people.stream().map(p -> "  " + p.name() + " : " + p.party()).toList());
        LatPages.Observers o = LatPages.Observers.parse(text);
        assertThat(o.problems()).isEmpty();
        assertThat(o.people()).isEqualTo(people);
    }

    @Provide
    Arbitrary<List<Person>> people() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '.', '-').ofMinLength(1).ofMaxLength(30)
                .map(String::strip).filter(w -> !w.isEmpty());
        return net.jqwik.api.Combinators.combine(word, word).as(Person::new).list().ofMaxSize(Math.min(10, LatPages.Observers.MAX));
    }
}
