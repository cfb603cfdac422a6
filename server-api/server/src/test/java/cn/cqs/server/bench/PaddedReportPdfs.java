package cn.cqs.server.bench;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.server.testing.SignedPdfs;
import com.lowagie.text.Document;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Signed report PDFs of a chosen size for the ingest benchmark. Real report PDFs reach a few
 * hundred KB mostly through photographs (试件破坏形态照片, the failed specimens); so each PDF here is
 * one A4 page with the report's text and one embedded JPEG "photo" of concrete-like grey noise
 * (noise does not compress, so its JPEG size is steered by its pixel count). The photo is made
 * once, sized so that the signed PDF lands within a few percent of the target; each report then
 * gets its own page text (its number) and its own signature ({@link SignedPdfs}, detached CMS,
 * SHA-256, the lab's credential), so every PDF is distinct.
 */
final class PaddedReportPdfs {
    private static final float JPEG_QUALITY = 0.85f;
    private final byte[] photoJpeg;
    private final int photoWidth;
    private final int photoHeight;

    private PaddedReportPdfs(byte[] photoJpeg, int width, int height) {
        this.photoJpeg = photoJpeg;
        this.photoWidth = width;
        this.photoHeight = height;
    }

    /** Finds the photo size for signed PDFs of about {@code targetBytes}. */
    static PaddedReportPdfs forTargetSize(int targetBytes, OrganisationCredential credential) {
        if (targetBytes < 40 * 1024) {
            throw new IllegalArgumentException("targetBytes: at least 40 KB (the signature alone reserves 16 KB), was "
                    + targetBytes);
        }
        PaddedReportPdfs probe = new PaddedReportPdfs(jpeg(64, 48), 64, 48);
        int overhead = probe.signed("2026-SIZE-000000", credential).length - probe.photoJpeg.length;
        int photoTarget = targetBytes - overhead;
        int width = 800;
        int height = 600;
        byte[] photo = jpeg(width, height);
        for (int i = 0; i < 6 && Math.abs(photo.length - photoTarget) > photoTarget / 50; i++) {
            double scale = Math.sqrt((double) photoTarget / photo.length);
            width = Math.max(16, (int) Math.round(width * scale));
            height = Math.max(12, width * 3 / 4);
            photo = jpeg(width, height);
        }
        return new PaddedReportPdfs(photo, width, height);
    }

    int photoWidth() {
        return photoWidth;
    }

    int photoHeight() {
        return photoHeight;
    }

    int photoBytes() {
        return photoJpeg.length;
    }

    /** A one-page report PDF naming {@code reportNumber}, with the photo, signed by {@code credential}. */
    byte[] signed(String reportNumber, OrganisationCredential credential) {
        return SignedPdfs.sign(unsigned(reportNumber), credential, "SHA256withECDSA");
    }

    private byte[] unsigned(String reportNumber) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(photoJpeg.length + 16 * 1024);
        Document document = new Document(PageSize.A4);
        PdfWriter.getInstance(document, out);
        document.addTitle("Concrete cube compressive strength report " + reportNumber);
        document.addCreator("CQS ingest benchmark");
        document.open();
        document.add(new Paragraph("Concrete cube compressive strength test report " + reportNumber));
        document.add(new Paragraph("Standard GB/T 50081-2019, design grade C30, specimen 150 x 150 x 150 mm, age 28 d"));
        document.add(new Paragraph("Failure loads 720.0 / 747.0 / 765.0 kN; representative strength 33.1 MPa; meets C30"));
        document.add(new Paragraph("Photograph of the failed specimens:"));
        try {
            Image photo = Image.getInstance(photoJpeg);
            photo.scaleToFit(PageSize.A4.getWidth() - 72 * 2, PageSize.A4.getHeight() / 2);
            document.add(photo);
        } catch (IOException e) {
            throw new UncheckedIOException("the benchmark photo cannot be embedded: " + e.getMessage(), e);
        }
        document.close();
        return out.toByteArray();
    }

    /** A JPEG of concrete-like grey noise (fixed seed, so runs are comparable). */
    private static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(20261124L);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int grey = 120 + random.nextInt(90);
                int tint = random.nextInt(12);
                image.setRGB(x, y, (grey + tint) << 16 | grey << 8 | Math.max(0, grey - tint));
            }
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JDK has no JPEG image writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("the benchmark photo cannot be written as JPEG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
