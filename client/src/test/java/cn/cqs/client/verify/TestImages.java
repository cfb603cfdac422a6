package cn.cqs.client.verify;

import cn.cqs.client.qrimage.QrCodes;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** PNG pages with QR codes side by side, as a photo of a report would carry them. */
final class TestImages {
    private TestImages() {
    }

    static Path png(Path file, String... payloads) throws IOException {
        int module = 4;
        BufferedImage[] codes = new BufferedImage[payloads.length];
        int width = 40;
        int height = 0;
        for (int i = 0; i < payloads.length; i++) {
            codes[i] = QrCodes.encode(payloads[i], module).image();
            width += codes[i].getWidth() + 40;
            height = Math.max(height, codes[i].getHeight());
        }
        BufferedImage page = new BufferedImage(width, height + 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        int x = 40;
        for (BufferedImage code : codes) {
            g.drawImage(code, x, 40, null);
            x += code.getWidth() + 40;
        }
        g.dispose();
        ImageIO.write(page, "png", file.toFile());
        return file;
    }
}
