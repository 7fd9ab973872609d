package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void textAndAttributeValuesAreEscaped() {
        String h = new Html().el("p", "<script>alert('x')</script> & \"q\"", "title", "\"><img src=x onerror=alert(1)>").toString();
        assertThat(h).isEqualTo("<p title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">&lt;script&gt;alert(&#39;x&#39;)"
                + "&lt;/script&gt; &amp; &quot;q&quot;</p>");
    }

    @Test
    void onlyPlainNamesCanBeTagsOrAttributes() {
        assertThatThrownBy(() -> new Html().open("p onclick=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Html().open("p", "on click", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Html().open("p", "title")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void escapedTextNeverHoldsMarkupCharacters(@ForAll String text) {
        String escaped = Html.escape(text);
        assertThat(escaped).doesNotContain("<", ">", "\"", "'");
        assertThat(escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&")).isEqualTo(text);
    }

    @Test
    void aFormCarriesTheCsrfToken() {
        assertThat(new Html().form("/users", "tok\"en").close("form").toString())
                .isEqualTo("<form method=\"post\" action=\"/users\"><input type=\"hidden\" name=\"csrf\" value=\"tok&quot;en\"></form>");
    }
}
