package org.bulwark.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Invented place and person names. Every name is fictional on purpose, so that synthetic results can
 * never be mistaken for those of a real county or a real candidate.
 */
final class Names {
    private static final String[] PLACE_STARTS = {
        "Ash", "Birch", "Cedar", "Elm", "Fox", "Glen", "Hawk", "Iron", "Kings", "Lake", "Maple", "Oak", "Pine",
        "Red", "Stone", "Willow", "Clear", "Deer", "Eagle", "Green", "High", "Long", "Mill", "North", "Rock",
        "Salt", "Silver", "South", "Spring", "West", "Bear", "Bright", "Crane", "Dover", "Fair", "Gold", "Hazel",
        "Laurel", "Marsh", "Wolf"
    };
    private static final String[] PLACE_ENDS = {
        "field", "ford", "ton", "wood", "dale", "ridge", "ville", "brook", "land", "mont", "haven", "view", "burg",
        "port"
    };
    private static final String[] FIRST = {
        "Abigail", "Adrian", "Alma", "Amos", "Anita", "Arthur", "Beatrice", "Benjamin", "Bernice", "Calvin", "Carmen",
        "Cecil", "Clara", "Cyrus", "Daisy", "Delia", "Dorothy", "Edgar", "Edith", "Elias", "Elena", "Esther", "Felix",
        "Flora", "Gideon", "Grace", "Harriet", "Homer", "Ida", "Ira", "Irene", "Jasper", "Josephine", "Julian",
        "Leona", "Lionel", "Lucille", "Mabel", "Marcus", "Mae", "Miriam", "Nathaniel", "Nora", "Oscar", "Opal",
        "Percy", "Priscilla", "Quentin", "Rosalind", "Rufus", "Ruth", "Silas", "Stella", "Tobias", "Ursula",
        "Vernon", "Viola", "Walter", "Wilma", "Zeke"
    };
    private static final String[] LAST = {
        "Abernathy", "Ainsley", "Barlow", "Beckett", "Blakely", "Brannock", "Calloway", "Carrow", "Chilcott",
        "Colfax", "Dabney", "Delacroix", "Dunmore", "Eckhart", "Ellery", "Farrow", "Fenwick", "Galloway", "Garrick",
        "Hadley", "Hallorann", "Hathaway", "Ingram", "Jessup", "Kendrick", "Kilbride", "Lachlan", "Larkin",
        "Lockwood", "Mallory", "Marchetti", "Merriweather", "Nakamura", "Nettleton", "Okonkwo", "Ormsby", "Pemberton",
        "Prescott", "Quimby", "Radcliffe", "Ramirez", "Rowntree", "Sandoval", "Selwyn", "Sheridan", "Soto",
        "Tillman", "Treadwell", "Underhill", "Valdez", "Vance", "Wainwright", "Whitcombe", "Winslow", "Yarborough",
        "Zeller", "Ashcroft", "Bramwell", "Castellanos", "Delgado", "Everhart", "Fairbanks", "Goodnight", "Holloway",
        "Iverson", "Jablonski", "Kowalczyk", "Lindqvist", "Montague", "Novak", "Oyelaran", "Pritchard", "Quintero",
        "Rasmussen", "Stroud", "Thibodeaux", "Umberger", "Vasquez", "Whitlock", "Yoder"
    };
    private static final String MIDDLE_INITIALS = "ABCDEFGHJKLMNPRSTW";

    private final List<String> places;
    private int nextPlace;
    private final Set<String> people = new HashSet<>();
    private final Rng rng;

    Names(Rng rng) {
        this.rng = rng;
        List<String> all = new ArrayList<>();
        for (String start : PLACE_STARTS) {
            for (String end : PLACE_ENDS) {
                all.add(start + end);
            }
        }
        // Fisher-Yates with our own generator: the order is part of what the seed fixes.
        for (int i = all.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            String t = all.get(i);
            all.set(i, all.get(j));
            all.set(j, t);
        }
        this.places = all;
    }

    /** A place name not handed out before (numbered once the list runs out). */
    String place() {
        int n = nextPlace++;
        String base = places.get(n % places.size());
        return n < places.size() ? base : base + " " + (n / places.size() + 1);
    }

    /** A person's name not handed out before by this instance. */
    String person() {
        String first = FIRST[rng.nextInt(FIRST.length)];
        String last = LAST[rng.nextInt(LAST.length)];
        String name = first + " " + last;
        if (!people.add(name)) {
            name = first + " " + MIDDLE_INITIALS.charAt(rng.nextInt(MIDDLE_INITIALS.length())) + ". " + last;
            for (int n = 2; !people.add(name); n++) {
                name = first + " " + last + " " + n;
            }
        }
        return name;
    }

    /** A person's name for a write-in: may repeat, as real write-ins do. */
    static String writeIn(Rng rng) {
        return FIRST[rng.nextInt(FIRST.length)] + " " + LAST[rng.nextInt(LAST.length)];
    }
}
