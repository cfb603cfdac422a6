package cn.cqs.client.rendering;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

/** Test helper: where and how large each image is drawn on a PDF page, in points, read from the content stream. */
final class PdfImagePlacements extends PDFGraphicsStreamEngine {

    /** One image drawing: the image's pixel size and its placed size on the page. */
    record Placement(int pixelWidth, int pixelHeight, float widthPt, float heightPt, float xPt, float yPt) {
        double widthMm() {
            return widthPt * 25.4 / 72;
        }

        double heightMm() {
            return heightPt * 25.4 / 72;
        }
    }

    private final List<Placement> placements = new ArrayList<>();

    private PdfImagePlacements(PDPage page) {
        super(page);
    }

    static List<Placement> of(PDPage page) throws IOException {
        PdfImagePlacements engine = new PdfImagePlacements(page);
        engine.processPage(page);
        return List.copyOf(engine.placements);
    }

    @Override
    public void drawImage(PDImage image) {
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        placements.add(new Placement(image.getWidth(), image.getHeight(),
                Math.abs(ctm.getScalingFactorX()), Math.abs(ctm.getScalingFactorY()),
                ctm.getTranslateX(), ctm.getTranslateY()));
    }

    @Override public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) { }
    @Override public void clip(int windingRule) { }
    @Override public void moveTo(float x, float y) { }
    @Override public void lineTo(float x, float y) { }
    @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) { }
    @Override public Point2D getCurrentPoint() { return new Point2D.Float(); }
    @Override public void closePath() { }
    @Override public void endPath() { }
    @Override public void strokePath() { }
    @Override public void fillPath(int windingRule) { }
    @Override public void fillAndStrokePath(int windingRule) { }
    @Override public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) { }
}
