package cn.cqs.client.rendering.signing;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * 检测专用章: the lab's round red seal, drawn in vector form from the organisation's name (no
 * image file): a ring, a five-pointed star in the middle, the organisation's name along the upper
 * arc and "检测专用章" beneath the star, in the client's embedded bold CJK font. Drawn with multiply
 * blending and a little transparency, like ink, so text under it stays readable.
 *
 * <p>The seal is the visible face of the PDF's digital signature (see {@link PdfSigner}); on its
 * own it proves nothing.
 */
public final class TestingSeal {
    /** Text under the star. */
    public static final String SEAL_KIND = "检测专用章";
    /** The seal red (印泥红). */
    public static final Color SEAL_RED = new Color(0xD4, 0x1F, 0x26);
    /** The font the seal is lettered in (embedded in the client). */
    static final String FONT_RESOURCE = "/cn/cqs/client/fonts/CqsSansSC-Bold.ttf";
    /** Largest arc, in degrees, the organisation's name may take up. */
    private static final double MAX_NAME_ARC_DEGREES = 250;

    private static volatile BaseFont font;

    private final String organisationName;

    /**
     * @param organisationName the name lettered round the arc (as in the organisation's certificate)
     */
    public TestingSeal(String organisationName) {
        Objects.requireNonNull(organisationName, "organisationName");
        String name = organisationName.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("organisationName: a seal needs the organisation's name");
        }
        this.organisationName = name;
    }

    public String organisationName() {
        return organisationName;
    }

    /**
     * Draws the seal in the square {@code (x, y)} to {@code (x + diameter, y + diameter)} of
     * {@code canvas} (PDF units).
     */
    public void draw(PdfContentByte canvas, float x, float y, float diameter) {
        if (diameter <= 0) {
            throw new IllegalArgumentException("diameter must be positive, was " + diameter);
        }
        BaseFont bf = font();
        float cx = x + diameter / 2;
        float cy = y + diameter / 2;
        float ring = diameter * 0.035f;
        float outer = diameter / 2 - ring / 2;

        canvas.saveState();
        PdfGState ink = new PdfGState();
        ink.setFillOpacity(0.9f);
        ink.setStrokeOpacity(0.9f);
        ink.setBlendMode(PdfGState.BM_MULTIPLY);
        canvas.setGState(ink);
        canvas.setColorStroke(SEAL_RED);
        canvas.setColorFill(SEAL_RED);

        canvas.setLineWidth(ring);
        canvas.circle(cx, cy, outer);
        canvas.stroke();

        star(canvas, cx, cy, diameter * 0.17f);

        drawNameOnArc(canvas, bf, cx, cy, outer - ring / 2, diameter);

        float kindSize = diameter * 0.095f;
        canvas.beginText();
        canvas.setFontAndSize(bf, kindSize);
        canvas.showTextAligned(Element.ALIGN_CENTER, SEAL_KIND, cx, cy - diameter * 0.3f, 0);
        canvas.endText();
        canvas.restoreState();
    }

    /** The name runs clockwise over the top, each character upright towards the rim. */
    private void drawNameOnArc(PdfContentByte canvas, BaseFont bf, float cx, float cy, float innerRim, float diameter) {
        int[] codePoints = organisationName.codePoints().toArray();
        int n = codePoints.length;
        float size = diameter * 0.13f;
        float gap = diameter * 0.03f;
        double radius = innerRim - gap - size * 0.88;
        // angle one character takes (its advance plus a little spacing) at that radius
        double perChar = Math.toDegrees(size * 1.08 / radius);
        if (perChar * n > MAX_NAME_ARC_DEGREES) {
            // long names: smaller letters, closer to the rim, within the largest arc
            double scale = MAX_NAME_ARC_DEGREES / (perChar * n);
            size = (float) (size * Math.max(scale, 0.55));
            radius = innerRim - gap - size * 0.88;
            perChar = Math.min(Math.toDegrees(size * 1.08 / radius), MAX_NAME_ARC_DEGREES / n);
        }
        double span = perChar * (n - 1);
        canvas.beginText();
        canvas.setFontAndSize(bf, size);
        for (int i = 0; i < n; i++) {
            double angle = 90 + span / 2 - i * perChar;
            double rad = Math.toRadians(angle);
            float px = (float) (cx + radius * Math.cos(rad));
            float py = (float) (cy + radius * Math.sin(rad));
            canvas.showTextAligned(Element.ALIGN_CENTER, new String(codePoints, i, 1), px, py, (float) (angle - 90));
        }
        canvas.endText();
    }

    private static void star(PdfContentByte canvas, float cx, float cy, float radius) {
        float inner = radius * 0.382f;
        for (int i = 0; i < 10; i++) {
            double angle = Math.toRadians(90 + i * 36);
            float r = i % 2 == 0 ? radius : inner;
            float px = (float) (cx + r * Math.cos(angle));
            float py = (float) (cy + r * Math.sin(angle));
            if (i == 0) {
                canvas.moveTo(px, py);
            } else {
                canvas.lineTo(px, py);
            }
        }
        canvas.closePath();
        canvas.fill();
    }

    private static BaseFont font() {
        BaseFont f = font;
        if (f == null) {
            synchronized (TestingSeal.class) {
                f = font;
                if (f == null) {
                    f = loadFont();
                    font = f;
                }
            }
        }
        return f;
    }

    private static BaseFont loadFont() {
        try (InputStream in = TestingSeal.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new PdfSigningException("The seal font " + FONT_RESOURCE + " is missing from the class path");
            }
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont("CqsSansSC-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException | DocumentException e) {
            throw new PdfSigningException("The seal font " + FONT_RESOURCE + " cannot be loaded: " + e.getMessage(), e);
        }
    }
}
