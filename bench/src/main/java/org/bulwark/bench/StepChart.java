package org.bulwark.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A horizontal bar chart of step times as a small PNG, drawn with the JDK alone (headless). */
final class StepChart {
    record Bar(String label, double seconds) {}

    private static final int WIDTH = 760;
    private static final int ROW = 34;
    private static final int LEFT = 150;
    private static final int TOP = 40;

    private StepChart() {}

    static void write(Path png, String title, List<Bar> bars) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int height = TOP + ROW * bars.size() + 30;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, 10, 22);
            double max = bars.stream().mapToDouble(Bar::seconds).max().orElse(1);
            int span = WIDTH - LEFT - 90;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.get(i);
                int y = TOP + i * ROW;
                int w = (int) Math.max(1, Math.round(b.seconds() / max * span));
                g.setColor(Color.BLACK);
                g.drawString(b.label(), 10, y + 18);
                g.setColor(new Color(70, 110, 170));
                g.fillRect(LEFT, y + 4, w, ROW - 10);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, "%.1f s", b.seconds()), LEFT + w + 6, y + 18);
            }
            g.setStroke(new BasicStroke(1));
            g.drawLine(LEFT, TOP, LEFT, TOP + ROW * bars.size());
        } finally {
            g.dispose();
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(image, "png", png.toFile());
    }
}
