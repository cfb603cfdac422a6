package cn.cqs.client.qrimage;

/**
 * Where a QR code probably is in a frame (候选区域): a box in frame pixels and the estimated module
 * size, proposed by a detector that located a code's finder patterns but could not read it, or
 * marking a code already read. The desk's pipeline crops such a box, enlarges and cleans the crop
 * and decodes it again ({@link DecodePass#REGION}).
 *
 * @param minX     left edge, frame pixels
 * @param minY     top edge, frame pixels
 * @param maxX     right edge, frame pixels (greater than {@code minX})
 * @param maxY     bottom edge, frame pixels (greater than {@code minY})
 * @param modulePx estimated pixels per module, positive, or NaN when the proposer cannot tell (a
 *                 patch of code-like texture)
 * @param evidence how strongly the proposer believes a code is there: 3 bits read but error
 *                 correction failed, 2 format information unreadable, 1 a patch of code-like
 *                 texture ({@link TextureRegions}), 0 finder patterns whose version did not read
 */
record CodeRegion(double minX, double minY, double maxX, double maxY, double modulePx, int evidence) {

    CodeRegion {
        if (!(maxX > minX) || !(maxY > minY)) {
            throw new IllegalArgumentException("box: needs max > min, got x " + minX + ".." + maxX + ", y " + minY + ".." + maxY);
        }
        if (!Double.isNaN(modulePx) && (!(modulePx > 0) || Double.isInfinite(modulePx))) {
            throw new IllegalArgumentException("modulePx: must be positive and finite, or NaN (unknown), got " + modulePx);
        }
    }

    double width() {
        return maxX - minX;
    }

    double height() {
        return maxY - minY;
    }

    double area() {
        return width() * height();
    }

    /** The area both boxes cover, divided by the smaller box's area: 1 when one lies inside the other. */
    double overlap(CodeRegion other) {
        double w = Math.min(maxX, other.maxX) - Math.max(minX, other.minX);
        double h = Math.min(maxY, other.maxY) - Math.max(minY, other.minY);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        return w * h / Math.min(area(), other.area());
    }

    /** The share of this box's area that lies inside {@code other}: 1 when this box lies inside it. */
    double shareInside(CodeRegion other) {
        double w = Math.min(maxX, other.maxX) - Math.max(minX, other.minX);
        double h = Math.min(maxY, other.maxY) - Math.max(minY, other.minY);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        return w * h / area();
    }
}
