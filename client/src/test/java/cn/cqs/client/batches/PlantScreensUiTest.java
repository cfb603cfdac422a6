package cn.cqs.client.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.sync.OutboxState;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real plant office screens (headless, 1280×800) on a real profile database, outbox and drainer
 * sending to {@link FakePlantServer}, driven with the keyboard and mouse: an intake is typed and
 * registered, a mix design's marking is refused as typed and accepted when corrected, a production
 * registration gets its serial number and a QR code that decodes, 5,000 cached batches are searched,
 * a start is notified and the 待告知 panel follows the clock, a CSV import shows its bad rows and
 * saves nothing before confirmation, a delivery ticket PDF carries a decodable QR code, and a
 * registration the server refuses shows each field error of its problem under its field.
 * Screenshots of each screen go to {@code /work/wt/notes/rmc-shots/} (or {@code /tmp/rmc-shots/}).
 */
@ExtendWith(ApplicationExtension.class)
class PlantScreensUiTest {
    static final Path SHOTS = Files.isDirectory(Path.of("/work/wt/notes")) ? Path.of("/work/wt/notes/rmc-shots")
            : Path.of("/tmp/rmc-shots");
    static final Path OUTBOX_SHOTS = Files.isDirectory(Path.of("/work/wt/notes")) ? Path.of("/work/wt/notes/outbox-shots")
            : Path.of("/tmp/outbox-shots");

    final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "plant-ui-test");
        t.setDaemon(true);
        return t;
    });
    PlantFixture f;
    PlantViewModels vms;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Localization.setLanguage(AppLanguage.CHINESE);
        f = new PlantFixture(background, Platform::runLater, Duration.ofSeconds(5));
        vms = PlantViewModels.of(f.env);
        Scene scene = new Scene((javafx.scene.Parent) PlantView.create(vms), 1280, 800);
        scene.getStylesheets().add(getClass().getResource("/cn/cqs/client/app/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        // the batch list's 30-second ticker outlives the test otherwise and fires into the closed pool
        WaitForAsyncUtils.asyncFx(() -> vms.batches().stopTicking()).get();
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
        f.close();
    }

    @Test
    void theIntakeFormReadsInFullInTheDefaultWindow(FxRobot robot) {
        // the client's default window (1100 px) less the navigation leaves the plant screens about 880 px
        robot.interact(() -> stage.setWidth(880));
        try {
            assertIntakeAndImportReadInFull(robot);
        } finally {
            robot.interact(() -> stage.setWidth(1280)); // the stage is shared with the other tests
        }
    }

    private void assertIntakeAndImportReadInFull(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            javafx.scene.control.Button scan = robot.lookup("#intakeScanReport").queryAs(javafx.scene.control.Button.class);
            javafx.scene.text.Text shown = (javafx.scene.text.Text) scan.lookup(".text");
            // before: "扫描报告二..." (the button shrank, the number field kept its width)
            assertThat(shown.getText()).isEqualTo(Localization.get("plant.report.scan"));
        });
        select(robot, 1);
        WaitForAsyncUtils.waitForFxEvents();
        // before: "配合比…" and "状…" over the mix design list
        robot.interact(() -> assertThat(cn.cqs.client.shell.HeaderTexts.cut(
                robot.lookup("#mixTable").queryAs(TableView.class))).isEmpty());
        select(robot, 4);
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            Label help = robot.lookup("#importHelp").queryAs(Label.class);
            javafx.scene.text.Text shown = (javafx.scene.text.Text) help.lookup(".text");
            // before: one line cut at "选择文件后逐行…"; now wrapped over as many lines as it needs
            assertThat(shown.getText().replace("\n", "")).endsWith("确认后只上传检查通过的行。");
        });
    }

    @Test
    void theMixDesignDatesAreYearMonthDay(FxRobot robot) {
        select(robot, 1);
        robot.interact(() -> vms.mix().validFromProperty().set(java.time.LocalDate.of(2026, 11, 24)));
        WaitForAsyncUtils.waitForFxEvents();
        // before: 11/24/2026, the computer's locale format
        assertThat(robot.lookup("#mixValidFrom").queryAs(javafx.scene.control.DatePicker.class).getEditor().getText())
                .isEqualTo("2026-11-24");
        robot.interact(() -> vms.batches().fromProperty().set(java.time.LocalDate.of(2026, 3, 5)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#batchFrom").queryAs(javafx.scene.control.DatePicker.class).getEditor().getText())
                .isEqualTo("2026-03-05");
    }

    @Test
    void thePlantOfficeEndToEnd(FxRobot robot) throws Exception {
        // 原材料进厂登记, typed
        robot.clickOn("#intakeLotId").write("L-CEM-1123");
        robot.clickOn("#intakeSpecification").write("P·O 42.5");
        robot.type(KeyCode.TAB).write("厦门建材贸易有限公司");
        robot.type(KeyCode.TAB).write("华润水泥（龙岩）有限公司");
        robot.type(KeyCode.TAB).write("HR-2026-1123-07");
        robot.type(KeyCode.TAB).write("32.5");
        robot.clickOn("#intakeSave");
        await(() -> vms.intake().lots().size() == 1 && vms.intake().lots().get(0).confirmed());
        assertThat(robot.lookup("#intakeMessage").queryAs(Label.class).getText())
                .isEqualTo(Localization.get("plant.form.delivered"));
        robot.interact(() -> {
            vms.intake().kindProperty().set(MaterialKind.SAND);
            vms.intake().specificationProperty().set("中砂");
            vms.intake().lotNumberProperty().set("JLJ-1123");
            vms.intake().quantityProperty().set("65");
            vms.intake().lotIdProperty().set("L-SAND-1123");
        });
        robot.clickOn("#intakeLotNumber").type(KeyCode.ENTER);
        await(() -> vms.intake().lots().size() == 2);
        shot(robot, "1-intake");

        // 配合比: the marking is checked as typed
        select(robot, 1);
        robot.clickOn("#mixId").write("PB-C30-01");
        robot.clickOn("#mixMarking").write("A-C30-180-P8-GB/T 14902");
        assertThat(robot.lookup("#mixMarkingCheck").queryAs(Label.class).getText()).contains("稠度等级");
        robot.doubleClickOn("#mixMarking").eraseText(30).write("A-C30-180(S4)-P8-GB/T 14902");
        assertThat(robot.lookup("#mixMarkingCheck").queryAs(Label.class).getText()).startsWith("✓");
        robot.clickOn("#mixKg-CEMENT").write("320");
        robot.type(KeyCode.TAB).write("60");
        robot.clickOn("#mixKg-SAND").write("760");
        robot.type(KeyCode.TAB).write("1050");
        robot.type(KeyCode.TAB).write("6.4");
        robot.type(KeyCode.TAB).write("175");
        robot.clickOn("#mixSave");
        await(() -> vms.mix().designs().size() == 1 && vms.mix().designs().get(0).confirmed());
        robot.clickOn("#mixTable");
        shot(robot, "2-mix-design");

        // 生产登记: serial number and QR code
        select(robot, 2);
        await(() -> !vms.production().mixDesigns().isEmpty() && !vms.production().projects().isEmpty());
        robot.clickOn("#prodBatchId").write("ERP-2026-0917");
        robot.interact(() -> {
            robot.lookup("#prodProject").queryAs(ComboBox.class).getSelectionModel().select(0);
        });
        robot.clickOn("#prodBuyer").write("中建海峡建设发展有限公司");
        robot.type(KeyCode.TAB).write("3#楼 十二层 梁板柱");
        robot.interact(() -> robot.lookup("#prodMixDesign").queryAs(ComboBox.class).getSelectionModel().select(0));
        assertThat(vms.production().lotSlots()).extracting(LotSlot::kind)
                .containsExactly(MaterialKind.CEMENT, MaterialKind.FLY_ASH, MaterialKind.SAND, MaterialKind.STONE,
                        MaterialKind.ADMIXTURE);
        robot.clickOn("#prodVolume").write("86.5");
        robot.clickOn("#prodContract").write("HT-2026-XA-0311");
        robot.clickOn("#prodSave");
        WaitForAsyncUtils.waitForFxEvents();
        // fly ash, stone and admixture have no lot: the form says so at the lots and sends nothing
        assertThat(vms.production().errors()).containsKey("materialLotIds");
        assertThat(f.outbox.all()).noneMatch(e -> e.kind().equals(PlantRegistrar.KIND_BATCH));
        shot(robot, "3a-production-missing-lots");
        for (MaterialKind k : new MaterialKind[] {MaterialKind.FLY_ASH, MaterialKind.STONE, MaterialKind.ADMIXTURE}) {
            f.registrar.registerLot("L-" + k.name(), new cn.cqs.contract.batches.MaterialIntakeRequest(k, "规格", "供应商",
                    "厂家", "B-1", new java.math.BigDecimal("10"), PlantFixture.T0.minus(Duration.ofHours(3)), null));
        }
        robot.interact(() -> vms.production().reload());
        await(() -> vms.production().lotSlots().stream().allMatch(s -> s.chosenProperty().get() != null));
        robot.clickOn("#prodSave");
        await(() -> !vms.production().serialNumberProperty().get().isEmpty());
        assertThat(robot.lookup("#prodSerial").queryAs(Label.class).getText()).isEqualTo("20261124-776049653-000001");
        ImageView qr = robot.lookup("#prodQr").queryAs(ImageView.class);
        WritableImage[] shown = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> shown[0] = qr.snapshot(null, null)).get();
        BufferedImage qrShown = SwingFXUtils.fromFXImage(shown[0], null);
        ImageIO.write(qrShown, "png", f.dir.resolve("qr-shown.png").toFile());
        assertThat(PlantPrintsTest.decode(qrShown))
                .isEqualTo("https://cqs.example.cn/v/B1.test-20261124-776049653-000001");
        shot(robot, "3-production");

        // 批次列表 over 5,000 cached batches: search, notify the start, the due panel
        f.cache.upsertBatches(SampleBatches.generate(5_000, PlantFixture.T0, PlantFixture.CHINA, 7));
        f.clock.advance(Duration.ofMinutes(50));
        select(robot, 3);
        await(() -> vms.batches().rows().size() == 5_001);
        await(() -> vms.batches().dueCountProperty().get() >= 1);
        assertThat(robot.lookup("#plantTabs").queryAs(TabPane.class).getTabs().get(3).getText()).contains("待告知");
        // the sample's never-notified planned starts of the last two days are overdue and listed first
        assertThat(vms.batches().reminderProperty().get()).contains("已超过 1 小时时限");
        assertThat(vms.batches().due()).anySatisfy(d -> {
            assertThat(d.batchId()).isEqualTo("ERP-2026-0917");
            assertThat(d.minutesLeft()).isEqualTo(10); // planned 09:00, now 09:50: by the contract's 1-hour rule
        });
        robot.clickOn("#batchSearch").write("ERP-2026-0917");
        await(() -> vms.batches().rows().size() == 1);
        TableView<?> table = robot.lookup("#batchTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.doubleClickOn("#notifyEventAt").eraseText(20).write("2026-11-24 09:10");
        robot.clickOn("#notifyStart");
        await(() -> f.cache.batch("ERP-2026-0917").map(b -> b.startState() == NotificationState.ON_TIME
                && b.startNotifiedAt() != null).orElse(false));
        await(() -> vms.batches().due().stream().noneMatch(d -> d.batchId().equals("ERP-2026-0917")));
        robot.interact(() -> vms.batches().textProperty().set(""));
        await(() -> vms.batches().rows().size() == 5_001);
        robot.interact(() -> vms.batches().noticeProperty().set(NoticeFilter.LATE_OR_MISSING));
        await(() -> vms.batches().rows().size() > 0 && vms.batches().rows().size() < 5_001);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, "4-batches-late-or-missing");

        // 发货单: recorded, previewed; its QR decodes
        robot.interact(() -> vms.batches().noticeProperty().set(NoticeFilter.ALL));
        robot.clickOn("#batchSearch").write("ERP-2026-0917");
        await(() -> vms.batches().rows().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#ticketTruck").write("闽D·5K321");
        robot.clickOn("#ticketVolume").write("12");
        // the ticket button sits below the fold at 1280×800: focusing it (as Tab does) scrolls it into view
        robot.interact(() -> robot.lookup("#ticketPrint").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#ticketPrint");
        await(() -> f.previews.size() == 1);
        try (PDDocument doc = Loader.loadPDF(f.previews.get(0).pdf())) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            assertThat(PlantPrintsTest.decode(page)).isEqualTo("https://cqs.example.cn/v/B1.test-20261124-776049653-000001");
        }
        await(() -> f.outbox.all().stream().anyMatch(e -> e.kind().equals(PlantRegistrar.KIND_TICKET)
                && e.state() == OutboxState.DONE));
        shot(robot, "5-batch-ticket");

        // 导入: every row shown, nothing saved before confirmation
        Path csv = f.dir.resolve("进厂.csv");
        Files.writeString(csv, "进厂编号,材料种类,品种规格,供应商,生产厂家,出厂批号,进厂数量(t),进厂时间,检验报告编号\n"
                + "L-901,水泥,P·O 42.5,厦门建材,华润水泥,HR-9,32.5,2026-11-23 08:00,\n"
                + "L-902,钢筋,HRB400,厦门建材,三钢,SG-1,20,2026-11-23 08:10,\n"
                + "L-903,砂,中砂,厦门建材,九龙江砂场,S-1,abc,2026-11-23 08:20,\n"
                + "L-904,石,5-25mm,厦门建材,石场,ST-1,40,2026-11-23 25:30,\n"
                + "L-905,外加剂,聚羧酸,厦门建材,科之杰,KZJ-1,8,2026-11-23 08:40,JC-2026-0117\n", StandardCharsets.UTF_8);
        int before = f.outbox.all().size();
        select(robot, 4);
        f.dialogs.answerFile(csv);
        robot.clickOn("#importChoose");
        await(() -> vms.imports().rows().size() == 5);
        assertThat(vms.imports().rows()).extracting(ImportRow::ok).containsExactly(true, false, false, false, true);
        assertThat(f.outbox.all()).hasSize(before);
        shot(robot, "6-import-preview");
        f.dialogs.answerConfirm(true);
        robot.clickOn("#importConfirm");
        await(() -> f.outbox.all().size() == before + 2);
        await(() -> vms.imports().progressProperty().get() == 1.0);
        assertThat(f.cache.lots(null, 100)).extracting(LocalLot::lotId).contains("L-901", "L-905")
                .doesNotContain("L-902", "L-903", "L-904");

        // 生产登记 refused by the server: each field error of its problem document under its field
        select(robot, 2);
        f.server.refuseWith = new Problem(ProblemTypes.BASE + ProblemTypes.CONFLICT, "Conflict", 409,
                "Batch ERP-2026-0917 is already registered with other values", "/api/v1/plant/batches/ERP-2026-0917",
                ProblemTypes.CONFLICT, java.util.List.of(
                        new Problem.FieldError("buyer", "differs", "Registered as 中建海峡建设发展有限公司"),
                        new Problem.FieldError("volumeM3", "differs", "Registered as 86.5")));
        robot.interact(() -> {
            vms.production().buyerProperty().set("中铁二十四局集团有限公司");
            vms.production().volumeProperty().set("90");
        });
        robot.clickOn("#prodSave");
        await(() -> vms.production().errors().size() == 2);
        // the error labels of the production form (other tabs have fields of the same names)
        javafx.scene.Node form = robot.lookup("#prodVolume").query();
        while (!(form instanceof javafx.scene.layout.GridPane)) {
            form = form.getParent();
        }
        assertThat(robot.from(form).lookup("#buyerError").queryAs(Label.class).getText())
                .isEqualTo("与服务器上已登记的内容不同（Registered as 中建海峡建设发展有限公司）");
        assertThat(robot.from(form).lookup("#volumeM3Error").queryAs(Label.class).getText())
                .isEqualTo("与服务器上已登记的内容不同（Registered as 86.5）");
        assertThat(robot.from(form).lookup("#batchIdError").queryAs(Label.class).getText()).isEmpty();
        assertThat(vms.production().messageProperty().get()).contains("服务器拒绝",
                "Batch ERP-2026-0917 is already registered with other values");
        shotTo(OUTBOX_SHOTS, "production-refused-at-fields");
        f.server.refuseWith = null;
    }

    @Test
    void offlineATicketCompletingThePlannedVolumeShowsItsEndIn待告知AndUnderTheDueFilter(FxRobot robot)
            throws Exception {
        // the server's copy from the last sync: started at 07:00 (notified on time), 36 m³ planned, no tickets
        f.cache.upsertBatches(java.util.List.of(NotificationWatchTest.startedBatch("ERP-UI-36", f.clock.instant(), 3)));
        f.server.offline = true;
        select(robot, 3);
        await(() -> vms.batches().rows().size() == 1);
        TableView<?> table = robot.lookup("#batchTable").queryAs(TableView.class);
        for (int truck = 1; truck <= 2; truck++) {
            robot.interact(() -> table.getSelectionModel().select(0));
            await(() -> vms.batches().selectedProperty().get() != null
                    && !vms.batches().ticketNumberProperty().get().isEmpty());
            robot.clickOn("#ticketTruck").write("闽D·5K32" + truck);
            robot.clickOn("#ticketVolume").write("18");
            robot.interact(() -> robot.lookup("#ticketPrint").query().requestFocus());
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#ticketPrint");
            int printed = truck;
            await(() -> f.previews.size() == printed);
        }
        // the tickets wait in the outbox (offline); the 36 m³ are out at 09:00, so the end's hour runs from then
        assertThat(f.outbox.all()).filteredOn(e -> e.kind().equals(PlantRegistrar.KIND_TICKET)).hasSize(2)
                .allSatisfy(e -> assertThat(e.state()).isNotEqualTo(OutboxState.DONE));
        assertThat(f.cache.batch("ERP-UI-36").orElseThrow().dispatchedAt()).isEqualTo(PlantFixture.T0);
        await(() -> vms.batches().due().stream().anyMatch(d -> d.batchId().equals("ERP-UI-36")
                && d.source() == DueNotice.Source.DISPATCHED && d.minutesLeft() == 60));
        assertThat(robot.lookup("#plantTabs").queryAs(TabPane.class).getTabs().get(3).getText()).contains("待告知");

        // the list's 待告知 filter finds it (no sync happened)
        robot.interact(() -> robot.lookup("#batchNoticeFilter").queryAs(ComboBox.class).getSelectionModel()
                .select(NoticeFilter.DUE));
        await(() -> vms.batches().noticeProperty().get() == NoticeFilter.DUE && vms.batches().rows().size() == 1);
        // 45 minutes on: the first reminder
        f.clock.advance(Duration.ofMinutes(45));
        robot.interact(() -> vms.batches().tick());
        await(() -> vms.batches().reminderProperty().get().contains("还剩 15 分钟"));
        await(() -> vms.batches().detailProperty().get().contains(Localization.get("plant.notice.due", 15L)));
        assertThat(vms.batches().ticketNumberProperty().get()).endsWith("-03");
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, "7-offline-ticket-end-due");
        // past the hour it leaves the due filter for the missing one
        f.clock.advance(Duration.ofMinutes(16));
        robot.interact(() -> vms.batches().refresh());
        await(() -> vms.batches().rows().size() == 0);
        robot.interact(() -> robot.lookup("#batchNoticeFilter").queryAs(ComboBox.class).getSelectionModel()
                .select(NoticeFilter.MISSING));
        await(() -> vms.batches().rows().size() == 1);
        f.server.offline = false;
    }

    @Test
    void theBatchFiltersWrapRatherThanBeingCutInANarrowWindow(FxRobot robot) throws Exception {
        select(robot, 3);
        // the client's default main window is 1100 wide and the navigation takes ~200 of it
        robot.interact(() -> stage.setWidth(900));
        WaitForAsyncUtils.waitForFxEvents();
        double sceneWidth = stage.getScene().getWidth();
        for (String id : new String[] {"#batchSearch", "#batchNoticeFilter", "#batchDosingFilter", "#batchMarkingFilter",
                "#batchFrom", "#batchTo"}) {
            javafx.scene.Node node = robot.lookup(id).query();
            javafx.geometry.Bounds b = node.localToScene(node.getLayoutBounds());
            assertThat(b.getMaxX()).as(id + " inside the window").isLessThanOrEqualTo(sceneWidth);
            assertThat(b.getWidth()).as(id + " at its full width").isGreaterThanOrEqualTo(node.prefWidth(-1) - 0.5);
        }
        // the empty marking choice reads 全部标记, not a blank box
        ComboBox<?> marking = robot.lookup("#batchMarkingFilter").queryAs(ComboBox.class);
        assertThat(((javafx.scene.control.ListCell<?>) marking.getButtonCell()).getText()).isEqualTo("全部标记");
        shot(robot, "batch-list-narrow");
    }

    private void select(FxRobot robot, int tab) {
        robot.interact(() -> robot.lookup("#plantTabs").queryAs(TabPane.class).getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            boolean[] ok = new boolean[1];
            WaitForAsyncUtils.asyncFx(() -> ok[0] = condition.getAsBoolean()).get();
            return ok[0];
        });
    }

    private void shot(FxRobot robot, String name) throws Exception {
        shotTo(SHOTS, name);
    }

    private void shotTo(Path dir, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Files.createDirectories(dir);
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = stage.getScene().getRoot().snapshot(null, null)).get();
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", dir.resolve(name + ".png").toFile());
    }

}
