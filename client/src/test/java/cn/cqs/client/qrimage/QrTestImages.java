package cn.cqs.client.qrimage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Test helper: pages with QR codes, noise and text drawn on them. */
final class QrTestImages {

    private QrTestImages() {
    }

    /** A white "page" of the given size. */
    static BufferedImage page(int width, int height) {
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return page;
    }

    static void draw(BufferedImage page, BufferedImage image, int x, int y) {
        Graphics2D g = page.createGraphics();
        g.drawImage(image, x, y, null);
        g.dispose();
    }

    /** Text and lines that look like a document but contain no code. */
    static BufferedImage documentWithoutCode() {
        BufferedImage page = page(800, 600);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        for (int i = 0; i < 20; i++) {
            g.drawString("Concrete cube compressive strength 36.4 MPa, line " + i, 40, 40 + i * 25);
            g.drawLine(30, 45 + i * 25, 770, 45 + i * 25);
        }
        g.fillRect(600, 400, 60, 60);
        g.dispose();
        return page;
    }

    static BufferedImage inverted(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(x, y, ~image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return out;
    }
}
