package org.bulwark.server;

import java.util.List;

/**
 * Bar charts as SVG drawn on the server: no chart library, no script, readable without colour
 * (each bar carries its number). Colours are SVG attributes, which the CSP allows, not inline styles.
 */
final class Charts {
    record Bar(String label, long value) {}

    private static final int LABEL_WIDTH = 260;
    private static final int BAR_WIDTH = 360;
    private static final int ROW = 22;
    private static final String[] COLOURS = {"#1f5fa8", "#b5452b", "#2e7d4f", "#7a4fa0", "#a07a1f", "#3f7f8f"};

    private Charts() {}

    static Html horizontalBars(String title, List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        long total = bars.stream().mapToLong(Bar::value).sum();
        int height = ROW * bars.size() + 8;
        int width = LABEL_WIDTH + BAR_WIDTH + 140;
        Html svg = new Html().open("svg", "xmlns", "http://www.w3.org/2000/svg", "role", "img", "class", "chart",
                "width", String.valueOf(width), "height", String.valueOf(height),
                "viewBox", "0 0 " + width + " " + height, "aria-label", title);
        svg.el("title", title);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 4 + i * ROW;
            long length = Math.round((double) b.value() * BAR_WIDTH / max);
            svg.el("text", clip(b.label()), "x", String.valueOf(LABEL_WIDTH - 6), "y", String.valueOf(y + 15),
                    "text-anchor", "end", "font-size", "13", "fill", "#222");
            svg.open("rect", "x", String.valueOf(LABEL_WIDTH), "y", String.valueOf(y + 3), "width", String.valueOf(length),
                    "height", String.valueOf(ROW - 6), "fill", COLOURS[i % COLOURS.length]).close("rect");
            String share = total == 0 ? "" : String.format(" (%.1f%%)", 100.0 * b.value() / total);
            svg.el("text", String.format("%,d", b.value()) + share, "x", String.valueOf(LABEL_WIDTH + length + 6),
                    "y", String.valueOf(y + 15), "font-size", "13", "fill", "#222");
        }
        return svg.close("svg");
    }

    private static String clip(String label) {
        return label.length() <= 38 ? label : label.substring(0, 36) + "...";
    }
}
