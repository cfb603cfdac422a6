package cn.cqs.client.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.print.PaperSize;
import cn.cqs.client.print.PostScriptProbe;
import cn.cqs.client.rendering.SampleReportPdfs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The viewer on a real rendered report PDF (two copies of a JasperReports cube report merged into
 * two pages), headless: pages render off the UI thread, PgDn/PgUp and the buttons page, 100 % shows
 * the page at its true size on the screen, + and fit width zoom; an unreadable file says so; 打印 opens
 * the preview at 100 %, which refuses Letter paper for an A4 page and prints on A4 through the real
 * javax.print path (a PostScript stream print service). Screenshots go to {@code /tmp/print/}.
 */
@ExtendWith(ApplicationExtension.class)
class PdfViewerUiTest {
    static final Path SHOTS = Path.of("/tmp/print");
    static Path twoPages;
    static ExecutorService background;
    PostScriptProbe printer;
    cn.cqs.client.sync.LocalStore store;
    cn.cqs.client.sync.Outbox outbox;
    java.util.UUID upload = java.util.UUID.randomUUID();
    Stage stage;
    ReportDocumentViewModel vm;

    @BeforeAll
    static void renderReport() throws Exception {
        Localization.setLanguage(AppLanguage.CHINESE);
        byte[] one = SampleReportPdfs.render();
        PDFMergerUtility merger = new PDFMergerUtility();
        try (PDDocument a = Loader.loadPDF(one); PDDocument b = Loader.loadPDF(one)) {
            merger.appendDocument(a, b);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            a.save(out);
            twoPages = Files.createTempFile("cqs-viewer", ".pdf");
            Files.write(twoPages, out.toByteArray());
        }
        Files.createDirectories(SHOTS);
        background = Executors.newFixedThreadPool(2);
    }

    @org.junit.jupiter.api.AfterEach
    void closeStore(FxRobot robot) {
        robot.interact(() -> vm.close());
        store.close();
    }

    @AfterAll
    static void stopBackground() {
        background.shutdownNow();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        printer = new PostScriptProbe();
        store = cn.cqs.client.sync.LocalStore.open(Files.createTempDirectory("cqs-viewer-outbox").resolve("u.db"));
        outbox = new cn.cqs.client.sync.Outbox(store);
        Executor ui = Platform::runLater;
        // a lab's report issued offline: its print record waits for the upload's receipt
        vm = new ReportDocumentViewModel(new ReportDocument("JC-HNT-2025-000128", null, twoPages,
                cn.cqs.client.print.PrintTarget.afterUpload(upload), false), null,
                new cn.cqs.client.print.PrintRecords(outbox), printer.printer(), background, ui, Clock.systemUTC());
        stage.setScene(new Scene(ReportDocumentView.create(vm, preview -> {
            Stage window = new Stage();
            window.initOwner(stage);
            window.setScene(new Scene(PrintPreviewView.create(preview, window::close), 960, 760));
            window.show();
            preview.start();
        }), 1180, 760));
        stage.show();
        vm.start();
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void shot(FxRobot robot, Window window, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> image[0] = window.getScene().getRoot().snapshot(null, null));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(buffered, "png", SHOTS.resolve(name + ".png").toFile());
    }

    String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void pagesZoomsAndPrintsAReportAtActualSize(FxRobot robot) throws Exception {
        ImageView page = robot.lookup("#viewerImage").queryAs(ImageView.class);
        waitUntil(() -> page.getImage() != null && !vm.viewer().loadingProperty().get());
        assertThat(text(robot, "#viewerPageLabel")).isEqualTo("第 1 / 2 页");
        assertThat(text(robot, "#viewerZoomLabel")).startsWith("适合宽度 ");
        double viewport = vm.viewer().viewportWidthProperty().get();
        assertThat(page.getImage().getWidth()).as("fit width fills the view").isBetween(viewport - 60, viewport);
        shot(robot, stage, "viewer-fit-width");

        robot.clickOn("#viewerScroll");
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil(() -> text(robot, "#viewerPageLabel").equals("第 2 / 2 页") && !vm.viewer().loadingProperty().get());
        assertThat(robot.lookup("#viewerNext").queryAs(Button.class).isDisabled()).isTrue();
        robot.type(KeyCode.PAGE_UP);
        waitUntil(() -> text(robot, "#viewerPageLabel").equals("第 1 / 2 页"));
        robot.clickOn("#viewerNext");
        waitUntil(() -> text(robot, "#viewerPageLabel").equals("第 2 / 2 页"));
        robot.clickOn("#viewerPrevious");
        waitUntil(() -> text(robot, "#viewerPageLabel").equals("第 1 / 2 页"));

        robot.clickOn("#viewerActualSize");
        double dpi = vm.viewer().screenDpiProperty().get();
        waitUntil(() -> !vm.viewer().loadingProperty().get()
                && Math.abs(page.getImage().getWidth() - 595 * dpi / 72) < 2);
        assertThat(text(robot, "#viewerZoomLabel")).isEqualTo("100%");
        robot.clickOn("#viewerZoomIn");
        waitUntil(() -> !vm.viewer().loadingProperty().get()
                && Math.abs(page.getImage().getWidth() - 595 * 1.25 * dpi / 72) < 2);
        assertThat(text(robot, "#viewerZoomLabel")).isEqualTo("125%");
        shot(robot, stage, "viewer-125");
        robot.clickOn("#viewerZoomOut");
        robot.clickOn("#viewerZoomOut");
        waitUntil(() -> text(robot, "#viewerZoomLabel").equals("75%") && !vm.viewer().loadingProperty().get());
        assertThat(page.getImage().getWidth()).isCloseTo(595 * 0.75 * dpi / 72, within(2.0));
        robot.clickOn("#viewerFitWidth");
        waitUntil(() -> text(robot, "#viewerZoomLabel").startsWith("适合宽度"));

        // 打印: the preview at 100 %, Letter refused, A4 printed through javax.print
        robot.clickOn("#viewerPrint");
        waitUntil(() -> robot.lookup("#printPreview").tryQuery().isPresent());
        Label message = robot.lookup("#printMessage").queryAs(Label.class);
        waitUntil(() -> message.getText().startsWith("共 2 页"));
        assertThat(message.getText()).isEqualTo("共 2 页，按 100% 实际大小打印在 A4 210.0 × 297.0 mm 纸上（不缩放）。");
        Window preview = robot.lookup("#printPreview").query().getScene().getWindow();
        ImageView previewPage = robot.from(robot.lookup("#printPreview").queryParent()).lookup("#viewerImage")
                .queryAs(ImageView.class);
        waitUntil(() -> previewPage.getImage() != null);
        assertThat(previewPage.getImage().getWidth()).as("the preview is at 100 %").isCloseTo(595 * dpi / 72, within(2.0));
        @SuppressWarnings("unchecked")
        ComboBox<PaperSize> paper = robot.lookup("#paperChoice").queryAs(ComboBox.class);
        PaperSize letter = paper.getItems().stream().filter(p -> p.name().equals("na-letter")).findFirst().orElseThrow();
        robot.interact(() -> paper.setValue(letter));
        waitUntil(() -> message.getText().contains("大于纸张"));
        assertThat(message.getText()).startsWith("第 1 页（209.9 × 297.0 mm）、第 2 页（209.9 × 297.0 mm）大于纸张 Letter 215.9 × 279.4 mm");
        assertThat(robot.lookup("#printButton").queryAs(Button.class).isDisabled()).isTrue();
        shot(robot, preview, "print-preview-letter-refused");
        robot.interact(() -> paper.setValue(paper.getItems().stream().filter(p -> p.name().equals("iso-a4"))
                .findFirst().orElseThrow()));
        waitUntil(() -> !robot.lookup("#printButton").queryAs(Button.class).isDisabled());
        shot(robot, preview, "print-preview-a4");
        robot.clickOn("#printButton");
        waitUntil(() -> !preview.isShowing());
        String ps = printer.postScript();
        assertThat(ps).contains("/PageSize [595.275591 841.889764]").contains("%%Page: 2 2");

        // the print is recorded through the outbox and listed at once, waiting for the report's upload
        assertThat(outbox.pending()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("report.print");
            assertThat(e.target().path()).isEqualTo("/api/v1/reports/{receipt:" + upload + "}/prints");
            assertThat(e.payload()).contains("\"copies\":1").contains("\"printerName\":\"Postscript output\"");
        });
        Label summary = robot.lookup("#printSummary").queryAs(Label.class);
        waitUntil(() -> summary.getText().startsWith("已打印 1 次"));
        assertThat(summary.getText()).isEqualTo("已打印 1 次，共 1 份（其中 1 次待上传）\n"
                + "报告尚未上传；打印记录将在报告上传后提交。");
        assertThat(vm.prints()).singleElement().satisfies(p -> {
            assertThat(p.pending()).isTrue();
            assertThat(p.printer()).isEqualTo("Postscript output");
        });
        shot(robot, stage, "viewer-after-print");
    }

    @Test
    void anUnreadablePdfSaysSo(FxRobot robot) throws Exception {
        Path garbage = Files.createTempFile("cqs-broken", ".pdf");
        Files.writeString(garbage, "%PDF-1.7 this is not really a PDF", StandardCharsets.US_ASCII);
        robot.interact(() -> vm.viewer().open(() -> Files.readAllBytes(garbage), "broken.pdf"));
        Label message = robot.lookup("#viewerMessage").queryAs(Label.class);
        waitUntil(() -> vm.viewer().failedProperty().get());
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).startsWith("无法读取此 PDF（broken.pdf）：文件已损坏或不是 PDF。");
        assertThat(robot.lookup("#viewerPrint").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#viewerImage").queryAs(ImageView.class).isVisible()).isFalse();
        shot(robot, stage, "viewer-unreadable");
    }
}
