package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The risk plot is inlined only through an allowlist: nothing in an SVG's text can become script, style or a link. */
class SafeSvgTest {
    @Test
    void scriptsHandlersLinksAndStylesAreDroppedAndTheDrawingIsKept() {
        String hostile = """
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">
                  <script>alert(2)</script>
                  <style>body { display: none }</style>
                  <a href="javascript:alert(3)"><text x="1" y="2">click</text></a>
                  <foreignObject><div>html</div></foreignObject>
                  <rect x="1" y="1" width="5" height="5" fill="red" style="fill: blue" href="https://evil.example/"/>
                  <text x="1" y="9">&lt;img src=x onerror=alert(4)&gt;</text>
                </svg>""";
        String out = SafeSvg.inline(hostile).toString();
        // Attributes come out in the parser's order (by name).
        assertThat(out).startsWith("<svg height=\"10\" width=\"10\" xmlns=\"http://www.w3.org/2000/svg\">")
                .contains("<rect fill=\"red\" height=\"5\" width=\"5\" x=\"1\" y=\"1\"></rect>")
                .contains("&lt;img src=x onerror=alert(4)&gt;")
                .doesNotContain("onload").doesNotContain("<script").doesNotContain("<style").doesNotContain("javascript")
                .doesNotContain("<a ").doesNotContain("foreignObject").doesNotContain("style=").doesNotContain("evil.example")
                .doesNotContain("click");
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityCanReachAFile() {
        assertThatThrownBy(() -> SafeSvg.inline("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg>&x;</svg>"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not well-formed");
    }

    @Property(tries = 200)
    void anyTitleComesOutAsEscapedText(@ForAll String title) {
        String clean = title.codePoints().filter(c -> c == 0x9 || c == 0xA || c >= 0x20 && c < 0xD800 || c >= 0xE000 && c < 0xFFFE)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String xml = clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String out = SafeSvg.inline("<svg><title>" + xml + "</title></svg>").toString();
        assertThat(out).isEqualTo("<svg><title>" + Html.escape(clean.replace("\r", "\n")) + "</title></svg>");
    }
}
