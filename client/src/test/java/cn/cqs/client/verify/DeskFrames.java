package cn.cqs.client.verify;

import cn.cqs.client.qrimage.QrCodes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Camera-like frames of a paper held up to the desk's webcam: a 1280×720 picture of a desk with a
 * sheet, slightly turned, carrying the QR codes of real tokens (and text lines as a report has).
 */
final class DeskFrames {
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    private DeskFrames() {
    }

    /** A frame with {@code payloads} side by side on the sheet, turned by {@code degrees}. */
    static BufferedImage paper(double degrees, String... payloads) {
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setPaint(new GradientPaint(0, 0, new Color(0x6b5b4b), WIDTH, HEIGHT, new Color(0x3e342b)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.rotate(Math.toRadians(degrees), WIDTH / 2.0, HEIGHT / 2.0);
        int sheetW = 420 + 330 * Math.max(1, payloads.length);
        int sheetX = (WIDTH - sheetW) / 2;
        g.setColor(new Color(0xf4f2ec));
        g.fillRect(sheetX, 60, sheetW, 600);
        g.setColor(new Color(0x9a9a9a));
        g.setStroke(new BasicStroke(6));
        for (int y = 110; y < 620; y += 34) {
            g.drawLine(sheetX + 40, y, sheetX + 360, y);
        }
        int x = sheetX + 400;
        for (String payload : payloads) {
            BufferedImage code = QrCodes.encode(payload, 4).image();
            g.drawImage(code, x, 360 - code.getHeight() / 2, null);
            x += code.getWidth() + 30;
        }
        g.dispose();
        return frame;
    }

    /** The desk with nothing in view. */
    static BufferedImage empty() {
        return paper(0);
    }
}
