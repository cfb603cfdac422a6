package cn.cqs.client.viewer;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.qrimage.PdfPageImages;
import cn.cqs.client.qrimage.UnreadableSourceException;
import cn.cqs.client.shell.BackgroundWork;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

/**
 * PDF 查看: one PDF shown a page at a time, rendered off the UI thread with PDFBox. Page navigation
 * (previous/next/first/last), zoom (fit width, 100 % = true size on this screen, steps in and out),
 * and a clear message when the PDF cannot be fetched or read. A render that finishes after a newer
 * one was asked for is dropped. Reusable: the report viewer and the print preview both use it.
 */
public final class PdfViewerViewModel implements AutoCloseable {
    /** The zoom steps of +/-, in percent. */
    public static final List<Integer> ZOOM_STEPS = List.of(25, 50, 75, 100, 125, 150, 200, 300, 400);
    static final int MIN_ZOOM = 10;
    static final int MAX_ZOOM = 400;
    /** Space left beside the page when fitting the width (the page's shadow and the scroll bar). */
    static final double FIT_MARGIN = 40;

    private final Executor background;
    private final Executor ui;
    private final IntegerProperty pageIndex = new SimpleIntegerProperty(this, "pageIndex", 0);
    private final IntegerProperty pageCount = new SimpleIntegerProperty(this, "pageCount", 0);
    private final ObjectProperty<ZoomMode> zoomMode = new SimpleObjectProperty<>(this, "zoomMode", ZoomMode.FIT_WIDTH);
    private final IntegerProperty zoomPercent = new SimpleIntegerProperty(this, "zoomPercent", 100);
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>(this, "image");
    private final StringProperty pageLabel = new SimpleStringProperty(this, "pageLabel", "");
    private final StringProperty zoomLabel = new SimpleStringProperty(this, "zoomLabel", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty failed = new SimpleBooleanProperty(this, "failed", false);
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private final BooleanProperty hasDocument = new SimpleBooleanProperty(this, "hasDocument", false);
    private final DoubleProperty viewportWidth = new SimpleDoubleProperty(this, "viewportWidth", 0);
    private final DoubleProperty screenDpi = new SimpleDoubleProperty(this, "screenDpi", 96);
    private PdfPageImages document;
    private byte[] pdf;
    private String name = "";
    private long generation;
    private long loadGeneration;

    public PdfViewerViewModel(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        viewportWidth.addListener((o, a, b) -> {
            if (zoomMode.get() == ZoomMode.FIT_WIDTH && Math.abs(a.doubleValue() - b.doubleValue()) >= 1) {
                render();
            }
        });
        updateLabels();
    }

    /**
     * Fetches and opens a PDF in the background ({@code source} may download it), then shows its first
     * page. A PDF shown before is closed.
     *
     * @param displayName what the PDF is (e.g. the report number), for messages
     */
    public void open(Callable<byte[]> source, String displayName) {
        Objects.requireNonNull(source, "source");
        closeDocument();
        name = displayName == null ? "" : displayName;
        long mine = ++loadGeneration;
        loading.set(true);
        failed.set(false);
        message.set(Localization.get("viewer.opening", name));
        BackgroundWork.run(background, ui, () -> {
            byte[] bytes = source.call();
            if (bytes == null) {
                throw new IOException("no PDF");
            }
            return new Opened(bytes, PdfPageImages.open(bytes, name));
        }, (opened, failure) -> {
            if (mine != loadGeneration) {
                if (opened != null) {
                    closeQuietly(opened.pages());
                }
                return;
            }
            loading.set(false);
            if (failure != null) {
                fail(failure);
                return;
            }
            document = opened.pages();
            pdf = opened.bytes();
            if (document.pageCount() == 0) {
                failed.set(true);
                message.set(Localization.get("viewer.noPages", name));
                return;
            }
            pageCount.set(document.pageCount());
            pageIndex.set(0);
            hasDocument.set(true);
            message.set("");
            render();
        });
    }

    private record Opened(byte[] bytes, PdfPageImages pages) {
    }

    private void fail(Exception failure) {
        failed.set(true);
        hasDocument.set(false);
        image.set(null);
        message.set(failure instanceof UnreadableSourceException
                ? Localization.get("viewer.unreadable", name, failure.getMessage())
                : Localization.get("viewer.fetchFailed", name, failure.getMessage()));
        updateLabels();
    }

    // ---------------------------------------------------------------- navigation

    public void nextPage() {
        goTo(pageIndex.get() + 1);
    }

    public void previousPage() {
        goTo(pageIndex.get() - 1);
    }

    public void firstPage() {
        goTo(0);
    }

    public void lastPage() {
        goTo(pageCount.get() - 1);
    }

    /** Shows page {@code index} (0-based); out of range is ignored. */
    public void goTo(int index) {
        if (document == null || index < 0 || index >= pageCount.get() || index == pageIndex.get()) {
            return;
        }
        pageIndex.set(index);
        render();
    }

    // ---------------------------------------------------------------- zoom

    /** 适合宽度. */
    public void fitWidth() {
        zoomMode.set(ZoomMode.FIT_WIDTH);
        render();
    }

    /** 100 %: the page at its true size on this screen. */
    public void actualSize() {
        setZoom(100);
    }

    public void zoomIn() {
        int current = zoomPercent.get();
        setZoom(ZOOM_STEPS.stream().filter(s -> s > current).findFirst().orElse(MAX_ZOOM));
    }

    public void zoomOut() {
        int current = zoomPercent.get();
        int lower = MIN_ZOOM;
        for (int s : ZOOM_STEPS) {
            if (s < current) {
                lower = s;
            }
        }
        setZoom(lower);
    }

    /** A fixed zoom in percent, clamped to 10-400 %. */
    public void setZoom(int percent) {
        zoomMode.set(ZoomMode.PERCENT);
        zoomPercent.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, percent)));
        render();
    }

    /** The zoom that makes the current page fill the viewport's width (100 when unknown). */
    int fitWidthPercent() {
        if (document == null || viewportWidth.get() <= FIT_MARGIN) {
            return 100;
        }
        float widthPt = document.pageSizePoints(pageIndex.get())[0];
        double pixelsAt100 = widthPt * screenDpi.get() / 72;
        int percent = (int) Math.floor((viewportWidth.get() - FIT_MARGIN) / pixelsAt100 * 100);
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, percent));
    }

    // ---------------------------------------------------------------- rendering

    private void render() {
        if (document == null) {
            updateLabels();
            return;
        }
        if (zoomMode.get() == ZoomMode.FIT_WIDTH) {
            zoomPercent.set(fitWidthPercent());
        }
        updateLabels();
        PdfPageImages pages = document;
        int page = pageIndex.get();
        float scale = (float) (zoomPercent.get() / 100.0 * screenDpi.get() / 72);
        long mine = ++generation;
        loading.set(true);
        BackgroundWork.run(background, ui, () -> {
            BufferedImage rendered;
            synchronized (pages) {
                rendered = pages.renderForScreen(page, scale);
            }
            return SwingFXUtils.toFXImage(rendered, null);
        }, (fx, failure) -> {
            if (mine != generation || pages != document) {
                return; // a newer page or zoom was asked for meanwhile
            }
            loading.set(false);
            if (failure != null) {
                failed.set(true);
                image.set(null);
                message.set(failure instanceof UnreadableSourceException
                        ? Localization.get("viewer.unreadable", name, failure.getMessage())
                        : Localization.get("viewer.renderFailed", page + 1, failure.getMessage()));
            } else {
                image.set(fx);
            }
        });
    }

    private void updateLabels() {
        pageLabel.set(pageCount.get() == 0 ? Localization.get("viewer.page.none")
                : Localization.get("viewer.page.label", pageIndex.get() + 1, pageCount.get()));
        zoomLabel.set(zoomMode.get() == ZoomMode.FIT_WIDTH
                ? Localization.get("viewer.zoom.fitWidthLabel", zoomPercent.get())
                : Localization.get("viewer.zoom.percentLabel", zoomPercent.get()));
    }

    /** The PDF's bytes once opened (for printing), else null. */
    public byte[] pdfBytes() {
        return pdf;
    }

    /** The open document's page sizes in PDF points, for the print preview's paper check. */
    public List<float[]> pageSizesPoints() {
        if (document == null) {
            return List.of();
        }
        PdfPageImages pages = document;
        java.util.ArrayList<float[]> out = new java.util.ArrayList<>();
        synchronized (pages) {
            for (int i = 0; i < pages.pageCount(); i++) {
                out.add(pages.pageSizePoints(i));
            }
        }
        return out;
    }

    public String displayName() {
        return name;
    }

    private void closeDocument() {
        PdfPageImages old = document;
        document = null;
        pdf = null;
        hasDocument.set(false);
        pageCount.set(0);
        pageIndex.set(0);
        image.set(null);
        if (old != null) {
            synchronized (old) {
                closeQuietly(old);
            }
        }
    }

    private static void closeQuietly(PdfPageImages pages) {
        try {
            pages.close();
        } catch (IOException e) {
            // closing an in-memory PDF only releases memory; nothing the user can act on, so it is logged
            System.getLogger(PdfViewerViewModel.class.getName()).log(System.Logger.Level.WARNING,
                    "closing a PDF failed", e);
        }
    }

    /** Closes the open PDF (when the window closes). */
    @Override
    public void close() {
        loadGeneration++;
        generation++;
        closeDocument();
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex;
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount;
    }

    public ReadOnlyObjectProperty<ZoomMode> zoomModeProperty() {
        return zoomMode;
    }

    public ReadOnlyIntegerProperty zoomPercentProperty() {
        return zoomPercent;
    }

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image;
    }

    public ReadOnlyStringProperty pageLabelProperty() {
        return pageLabel;
    }

    public ReadOnlyStringProperty zoomLabelProperty() {
        return zoomLabel;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyBooleanProperty hasDocumentProperty() {
        return hasDocument;
    }

    /** The visible width of the page area, set by the view (fit width follows it). */
    public DoubleProperty viewportWidthProperty() {
        return viewportWidth;
    }

    /** The screen's resolution, set by the view (100 % is true size at it). */
    public DoubleProperty screenDpiProperty() {
        return screenDpi;
    }
}
