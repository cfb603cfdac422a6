package cn.cqs.client.bench;

import cn.cqs.client.qrimage.LumaImage;
import java.util.Objects;

/**
 * A document page as the desk's frame generator photographs it: the page in grey at several
 * resolutions (level 0 full, each next level half the size), the system's QR code on it and,
 * optionally, a foreign code printed beside it.
 *
 * @param levels        level 0 is the page as rendered; level k is halved k times
 * @param codeCenterX   centre of the system's QR symbol on level 0, pixels
 * @param codeCenterY   centre of the system's QR symbol on level 0, pixels
 * @param modulePx      pixels per module of the system's code on level 0
 * @param symbolModules modules per side of the system's symbol (65 for version 12)
 * @param text          the text the system's code carries
 * @param foreignCenterX centre of the foreign code on level 0, or NaN without one
 * @param foreignCenterY centre of the foreign code on level 0, or NaN without one
 * @param foreignSidePx side of the foreign symbol on level 0, 0 without one
 * @param foreignText   the foreign code's text, or null without one
 */
public record DeskPage(LumaImage[] levels, double codeCenterX, double codeCenterY, double modulePx, int symbolModules,
                       String text, double foreignCenterX, double foreignCenterY, double foreignSidePx, String foreignText) {

    public DeskPage {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(text, "text");
        if (levels.length == 0) {
            throw new IllegalArgumentException("levels: at least the full page is needed");
        }
    }

    public boolean hasForeignCode() {
        return foreignText != null;
    }

    public LumaImage full() {
        return levels[0];
    }

    /** Side of the system's symbol on level 0, pixels. */
    public double symbolSidePx() {
        return modulePx * symbolModules;
    }

    /** The page pyramid of {@code full}: halved until the shorter side drops under 256 px. */
    static LumaImage[] pyramid(LumaImage full) {
        java.util.List<LumaImage> levels = new java.util.ArrayList<>();
        levels.add(full);
        LumaImage current = full;
        while (Math.min(current.width(), current.height()) >= 512) {
            current = halve(current);
            levels.add(current);
        }
        return levels.toArray(LumaImage[]::new);
    }

    private static LumaImage halve(LumaImage in) {
        int w = in.width() / 2;
        int h = in.height() / 2;
        byte[] src = in.pixels();
        byte[] out = new byte[w * h];
        int sw = in.width();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 2 * y * sw + 2 * x;
                out[y * w + x] = (byte) (((src[i] & 0xFF) + (src[i + 1] & 0xFF) + (src[i + sw] & 0xFF)
                        + (src[i + sw + 1] & 0xFF) + 2) >> 2);
            }
        }
        return new LumaImage(w, h, out);
    }
}
