package org.bulwark.custody;

/** The bipartisan pair who witness and sign a seal action or a custody transfer. */
public record TwoPeople(Person first, Person second) {
    public TwoPeople {
        java.util.Objects.requireNonNull(first, "first");
        java.util.Objects.requireNonNull(second, "second");
    }

    @Override
    public String toString() {
        return first + " and " + second;
    }
}
