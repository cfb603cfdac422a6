package cn.cqs.client.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.sync.OutboxState;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plant office's view models on a real profile database and outbox, sending through a real
 * drainer to {@link FakePlantServer}, with background work run inline and a hand-moved clock: the
 * forms' own checks, the server's answer (serial number), a refusal shown at its fields, offline
 * saving, the notification panel and its reminders at 45 and 55 minutes, late and missing flags,
 * and the import preview that saves nothing before confirmation.
 */
class PlantViewModelsTest {
    PlantFixture f;

    @BeforeAll
    static void toolkit() throws Exception {
        // through TestFX, as the screen tests do: a toolkit started with Platform.startup exits when its last
        // window closes (implicit exit), leaving later screen tests in this JVM a robot that reaches nothing
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() throws Exception {
        Localization.setLanguage(AppLanguage.CHINESE);
        f = new PlantFixture(Runnable::run, Runnable::run, Duration.ofSeconds(5));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    MaterialIntakeViewModel intake(MaterialKind kind, String id) {
        MaterialIntakeViewModel vm = new MaterialIntakeViewModel(f.env);
        vm.lotIdProperty().set(id);
        vm.kindProperty().set(kind);
        vm.specificationProperty().set(kind == MaterialKind.CEMENT ? "P·O 42.5" : "中砂");
        vm.supplierProperty().set("厦门建材贸易有限公司");
        vm.manufacturerProperty().set("华润水泥（龙岩）有限公司");
        vm.lotNumberProperty().set("HR-2026-1123-" + id);
        vm.quantityProperty().set("32.5");
        return vm;
    }

    MixDesignViewModel mixDesign() {
        MixDesignViewModel vm = new MixDesignViewModel(f.env);
        vm.mixDesignIdProperty().set("PB-C30-01");
        vm.markingProperty().set("A-C30-180(S4)-P8-GB/T 14902");
        vm.quantities().get(0).kgPerM3Property().set("320");
        vm.quantities().get(3).kgPerM3Property().set("760");
        vm.quantities().get(6).kgPerM3Property().set("175");
        return vm;
    }

    @Test
    void intakeChecksTheFormThenRegistersAndListsTheLot() {
        MaterialIntakeViewModel vm = new MaterialIntakeViewModel(f.env);
        vm.save();
        assertThat(vm.errors()).containsKeys("specification", "supplier", "manufacturer", "lotNumber", "quantityTonnes");
        assertThat(f.outbox.all()).isEmpty();

        vm = intake(MaterialKind.CEMENT, "");
        vm.quantityProperty().set("-3");
        vm.save();
        assertThat(vm.errors()).containsOnlyKeys("quantityTonnes");

        vm.quantityProperty().set("32.5");
        vm.save();
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo(Localization.get("plant.form.delivered"));
        assertThat(vm.lots()).singleElement().satisfies(l -> {
            assertThat(l.lotId()).startsWith("C-");
            assertThat(l.confirmed()).isTrue();
            assertThat(l.intake().quantityTonnes()).isEqualByComparingTo("32.5");
        });
        assertThat(f.server.received).singleElement().asString().startsWith("PUT /api/v1/plant/material-lots/C-");
    }

    @Test
    void aRefusalIsShownAtTheFieldsTheServerNamed() {
        f.server.refuseWith = new Problem(ProblemTypes.BASE + ProblemTypes.VALIDATION, "Invalid request", 422, "Invalid material intake",
                "/api/v1/plant/material-lots/L-001", "validation", List.of(
                        new Problem.FieldError("supplier", "too_long", "At most 200 characters"),
                        new Problem.FieldError("arrivedAt", "in_future", "In the future"),
                        new Problem.FieldError("plantId", "unknown", "Not a plant")));
        MaterialIntakeViewModel vm = intake(MaterialKind.CEMENT, "L-001");
        vm.save();
        // worded in the user's language by the error's code
        assertThat(vm.errors()).containsEntry("supplier", "内容过长。").containsEntry("arrivedAt",
                "时间不能晚于现在（以服务器时间为准）。");
        assertThat(vm.errors()).doesNotContainKey("plantId");
        // the summary, and the error naming no field of the form, in the message line
        assertThat(vm.messageProperty().get()).contains("服务器拒绝", "Invalid material intake", "plantId: Not a plant")
                .doesNotContain("At most 200 characters", "内容过长");
        assertThat(f.outbox.all()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(OutboxState.DISMISSED);
            assertThat(e.lastError()).isEqualTo("HTTP 422: Invalid material intake");
            assertThat(e.problem()).isEqualTo(f.server.refuseWith);
        });
        assertThat(vm.lotIdProperty().get()).isEqualTo("L-001");
    }

    @Test
    void offlineTheRegistrationIsSavedAndWaits() {
        f.server.offline = true;
        PlantFixture slow = f;
        MaterialIntakeViewModel vm = new MaterialIntakeViewModel(new PlantEnvironment(slow.registrar, slow.env.watch(),
                slow.env.prints(), slow.env.projects(), slow.dialogs, Runnable::run, Runnable::run, slow.clock,
                PlantFixture.CHINA, slow.drainer::drainNow, Duration.ofMillis(300), slow.env.preview()));
        vm.lotIdProperty().set("L-OFF");
        vm.kindProperty().set(MaterialKind.SAND);
        vm.specificationProperty().set("中砂");
        vm.supplierProperty().set("s");
        vm.manufacturerProperty().set("m");
        vm.lotNumberProperty().set("n");
        vm.quantityProperty().set("60");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo(Localization.get("plant.form.queued"));
        assertThat(vm.lots()).singleElement().satisfies(l -> assertThat(l.confirmed()).isFalse());
        assertThat(f.outbox.pending()).hasSize(1);
    }

    @Test
    void mixDesignMarkingIsCheckedLiveAndQuantitiesPerMaterial() {
        MixDesignViewModel vm = new MixDesignViewModel(f.env);
        vm.markingProperty().set("A-C30-180-P8-GB/T 14902");
        assertThat(vm.markingValidProperty().get()).isFalse();
        assertThat(vm.markingCheckProperty().get()).contains("稠度等级");
        vm.markingProperty().set("a-c30-180(s4)-p8-gb/t 14902");
        assertThat(vm.markingValidProperty().get()).isTrue();
        assertThat(vm.markingCheckProperty().get()).contains("A-C30-180(S4)-P8-GB/T 14902");
        vm.save();
        assertThat(vm.errors()).containsKey("quantities");
        assertThat(vm.quantities().get(0).errorProperty().get()).isEqualTo(Localization.get("plant.error.required"));

        vm = mixDesign();
        vm.quantities().get(5).kgPerM3Property().set("6.12345");
        vm.save();
        assertThat(vm.errors()).containsKey("quantities");
        vm.quantities().get(5).kgPerM3Property().set("6.4");
        vm.save();
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.designs()).singleElement().satisfies(d -> {
            assertThat(d.confirmed()).isTrue();
            assertThat(d.design().quantities()).hasSize(4);
            assertThat(d.strengthClass()).isEqualTo("C30");
        });
    }

    ProductionViewModel registeredBatch(String batchId) {
        intake(MaterialKind.CEMENT, "L-CEM").save();
        intake(MaterialKind.SAND, "L-SAND").save();
        mixDesign().save();
        ProductionViewModel vm = new ProductionViewModel(f.env);
        vm.reload();
        vm.batchIdProperty().set(batchId);
        vm.projectProperty().set(vm.projects().get(0));
        vm.buyerProperty().set("中建海峡建设发展有限公司");
        vm.pourLocationProperty().set("3#楼 十二层 梁板柱");
        vm.mixDesignProperty().set(vm.mixDesigns().get(0));
        vm.volumeProperty().set("86.5");
        vm.contractNumberProperty().set("HT-2026-XA-0311");
        vm.save();
        return vm;
    }

    @Test
    void productionFiltersLotsByKindAndShowsTheSerialNumberAndQr() {
        ProductionViewModel vm = registeredBatch("ERP-0917");
        assertThat(vm.lotSlots()).extracting(LotSlot::kind).containsExactly(MaterialKind.CEMENT, MaterialKind.SAND);
        assertThat(vm.lotSlots().get(0).choices()).extracting(LocalLot::lotId).containsExactly("L-CEM");
        assertThat(vm.lotSlots().get(1).choices()).extracting(LocalLot::lotId).containsExactly("L-SAND");
        assertThat(vm.markingProperty().get()).isEqualTo("A-C30-180(S4)-P8-GB/T 14902");
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.serialNumberProperty().get()).isEqualTo("20261124-776049653-000001");
        assertThat(vm.qrImageProperty().get()).isNotNull();
        assertThat(f.cache.batch("ERP-0917")).get().satisfies(b -> {
            assertThat(b.serialNumber()).isEqualTo("20261124-776049653-000001");
            assertThat(b.materialLotIds()).containsExactly("L-CEM", "L-SAND");
            assertThat(b.confirmed()).isTrue();
        });

        vm.next();
        vm.markingProperty().set("A-C35-180(S4)-P8-GB/T 14902");
        vm.save();
        assertThat(vm.errors()).containsKeys("marking", "pourLocation", "volumeM3");
    }

    @Test
    void aReminderDialogListsAtMostTenNotificationsAndCountsTheRest() {
        registeredBatch("ERP-R00");
        for (int i = 1; i < 12; i++) {
            ProductionViewModel vm = new ProductionViewModel(f.env);
            vm.reload();
            vm.batchIdProperty().set(String.format("ERP-R%02d", i));
            vm.projectProperty().set(vm.projects().get(0));
            vm.buyerProperty().set("中建海峡建设发展有限公司");
            vm.pourLocationProperty().set("3#楼 十二层 梁板柱");
            vm.mixDesignProperty().set(vm.mixDesigns().get(0));
            vm.volumeProperty().set("86.5");
            vm.save();
            assertThat(vm.errors()).as("batch %d registered", i).isEmpty();
        }
        BatchListViewModel list = new BatchListViewModel(f.env);
        list.start();
        assertThat(list.rows()).hasSize(12);
        f.clock.advance(Duration.ofMinutes(65)); // every planned start is past its hour, unnotified

        list.tick();

        assertThat(list.due()).hasSize(12);
        assertThat(f.dialogs.shown()).singleElement().satisfies(s -> {
            List<String> lines = List.of(s.message().split("\n"));
            assertThat(lines).hasSize(BatchListViewModel.DIALOG_LINES + 1);
            assertThat(lines.subList(0, BatchListViewModel.DIALOG_LINES)).allSatisfy(l -> assertThat(l).contains("已超过 1 小时时限"));
            assertThat(lines.get(BatchListViewModel.DIALOG_LINES)).isEqualTo(Localization.get("plant.reminder.more", 2));
        });
        assertThat(List.of(list.reminderProperty().get().split("\n"))).as("the bar: three lines and the count").hasSize(4)
                .last().isEqualTo(Localization.get("plant.reminder.more", 9));
    }

    @Test
    void dueNoticesRemindAt45And55MinutesAndFlagLateAndMissing() {
        registeredBatch("ERP-A");
        BatchListViewModel list = new BatchListViewModel(f.env);
        list.start();
        assertThat(list.rows()).hasSize(1);
        // planned start (09:00) has just passed: a start notification is expected within the hour
        f.clock.advance(Duration.ofMinutes(10));
        list.tick();
        assertThat(list.due()).singleElement().satisfies(d -> {
            assertThat(d.source()).isEqualTo(DueNotice.Source.PLANNED);
            assertThat(d.minutesLeft()).isEqualTo(50);
        });
        assertThat(list.reminderProperty().get()).isEmpty();
        f.clock.advance(Duration.ofMinutes(35)); // 45 minutes
        list.tick();
        assertThat(list.reminderProperty().get()).contains("还剩 15 分钟");
        assertThat(f.dialogs.shown()).isEmpty();
        list.dismissReminder();
        list.tick();
        assertThat(list.reminderProperty().get()).isEmpty();
        f.clock.advance(Duration.ofMinutes(10)); // 55 minutes
        list.tick();
        assertThat(list.reminderProperty().get()).contains("还剩 5 分钟");
        assertThat(f.dialogs.shown()).singleElement().satisfies(s -> assertThat(s.message())
                .contains("20261124-776049653-000001", "还剩 5 分钟")); // names the batch by its serial number
        f.clock.advance(Duration.ofMinutes(10)); // 65 minutes: past the hour
        list.tick();
        assertThat(list.due()).singleElement().satisfies(d -> assertThat(d.overdue()).isTrue());
        list.refresh();
        BatchRow row = list.rows().get(0);
        assertThat(list.flagged(row)).isTrue();
        assertThat(list.startText(row)).isEqualTo(Localization.get("plant.notice.plannedOverdue"));

        // the start, at 09:04, notified now (10:05): 1 minute after its hour ran out (exactly 1 hour is on time)
        list.selectedProperty().set(row);
        list.eventAtProperty().set("2026-11-24 09:04");
        list.notifyStart();
        assertThat(list.errors()).isEmpty();
        row = f.cache.batch("ERP-A").orElseThrow();
        assertThat(row.startState()).isEqualTo(NotificationState.LATE);
        assertThat(list.startText(row)).isEqualTo(Localization.get("plant.notice.late", 1L));
        assertThat(list.flagged(row)).isTrue();
        list.tick();
        assertThat(list.due()).isEmpty();
    }

    @Test
    void aNotificationMadeOfflineIsDueUntilItIsUploaded() {
        registeredBatch("ERP-B");
        f.server.offline = true;
        BatchListViewModel list = new BatchListViewModel(new PlantEnvironment(f.registrar, f.env.watch(), f.env.prints(),
                f.env.projects(), f.dialogs, Runnable::run, Runnable::run, f.clock, PlantFixture.CHINA,
                f.drainer::drainNow, Duration.ofMillis(200), f.env.preview()));
        list.start();
        list.selectedProperty().set(list.rows().get(0));
        list.eventAtProperty().set("2026-11-24 09:00");
        list.notifyStart();
        assertThat(list.messageProperty().get()).isEqualTo(Localization.get("plant.form.queued"));
        f.clock.advance(Duration.ofMinutes(20));
        list.tick();
        assertThat(list.due()).singleElement().satisfies(d -> {
            assertThat(d.source()).isEqualTo(DueNotice.Source.UNSENT);
            assertThat(d.minutesLeft()).isEqualTo(40);
        });
        assertThat(list.dueText(list.due().get(0))).contains("开盘告知", "已告知未上传", "剩 40 分钟");
        // the start is in; an end before it is refused by the form
        list.selectedProperty().set(f.cache.batch("ERP-B").orElseThrow());
        list.eventAtProperty().set("2026-11-24 08:30");
        list.producedVolumeProperty().set("86");
        list.notifyEnd();
        assertThat(list.errors()).containsOnlyKeys("eventAt");
    }

    @Test
    void ticketIsRecordedThenPreviewed() {
        registeredBatch("ERP-T");
        BatchListViewModel list = new BatchListViewModel(f.env);
        list.start();
        list.selectedProperty().set(list.rows().get(0));
        assertThat(list.ticketNumberProperty().get()).isEqualTo("20261124-776049653-000001-01");
        list.truckNumberProperty().set("闽D·5K321");
        list.ticketVolumeProperty().set("25");
        list.printTicket();
        assertThat(list.errors()).containsOnlyKeys("volumeM3");
        list.ticketVolumeProperty().set("12");
        list.printTicket();
        assertThat(list.errors()).isEmpty();
        assertThat(f.previews).singleElement().satisfies(p -> assertThat(p.pdf()).startsWith("%PDF".getBytes()));
        assertThat(f.outbox.all()).anySatisfy(e -> assertThat(e.target().path())
                .isEqualTo("/api/v1/plant/batches/ERP-T/tickets/20261124-776049653-000001-01"));
        assertThat(list.ticketNumberProperty().get()).isEqualTo("20261124-776049653-000001-02");
    }

    @Test
    void importShowsEveryRowAndSavesOnlyGoodRowsAfterConfirmation() throws Exception {
        Path csv = f.dir.resolve("lots.csv");
        Files.writeString(csv, "\uFEFF进厂编号,材料种类,品种规格,供应商,生产厂家,出厂批号,进厂数量(t),进厂时间,检验报告编号\n"
                + "L-1,水泥,P·O 42.5,厦门建材,华润水泥,HR-1,32.5,2026-11-23 08:00,\n"
                + "L-2,钢筋,HRB400,厦门建材,三钢,SG-1,20,2026-11-23 08:10,\n"
                + "L-3,砂,中砂,厦门建材,九龙江砂场,S-1,abc,2026-11-23 08:20,\n"
                + "L-1,石,5-25mm,厦门建材,石场,ST-1,40,2026-11-23 08:30,\n"
                + "\"L-5\",\"石\",\"5-25mm\",\"厦门建材, 集美\",石场,ST-2,40,2026-11-23 08:40,\n", StandardCharsets.UTF_8);
        PlantImportViewModel vm = new PlantImportViewModel(f.env);
        vm.open(csv);
        assertThat(vm.rows()).hasSize(5);
        assertThat(vm.rows()).extracting(ImportRow::ok).containsExactly(true, false, false, false, true);
        assertThat(vm.rows().get(1).column()).isEqualTo("材料种类");
        assertThat(vm.rows().get(2).column()).isEqualTo("进厂数量(t)");
        assertThat(vm.rows().get(2).reason()).contains("请输入数字");
        assertThat(vm.rows().get(3).reason()).contains("重复");
        assertThat(vm.rows()).extracting(ImportRow::line).containsExactly(2, 3, 4, 5, 6);
        assertThat(f.outbox.all()).isEmpty();
        assertThat(f.cache.lots(null, 100)).isEmpty();

        f.dialogs.answerConfirm(false);
        vm.confirm();
        assertThat(f.outbox.all()).isEmpty();

        f.dialogs.answerConfirm(true);
        vm.confirm();
        assertThat(f.outbox.all()).hasSize(2);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(f.cache.lots(null, 100)).extracting(LocalLot::lotId).containsExactlyInAnyOrder("L-1", "L-5");
        assertThat(f.cache.lots(null, 100)).filteredOn(l -> l.lotId().equals("L-5")).singleElement()
                .satisfies(l -> assertThat(l.intake().supplier()).isEqualTo("厦门建材, 集美"));
    }

    @Test
    void xlsxBatchesAreReadAndCheckedAgainstKnownMixDesignsLotsAndProjects() throws Exception {
        intake(MaterialKind.CEMENT, "L-CEM").save();
        mixDesign().save();
        Path xlsx = f.dir.resolve("batches.xlsx");
        cn.cqs.client.export.XlsxWorkbook.write(xlsx, "生产", List.of("生产任务号", "工程名称", "需方", "浇筑部位", "混凝土标记",
                "计划方量(m³)", "配合比编号", "原材料进厂编号", "计划开盘时间", "合同编号"), List.of(
                List.of("E-1", PlantFixture.PROJECT.name(), "中建海峡", "1#楼 基础", "A-C30-180(S4)-P8-GB/T 14902",
                        new BigDecimal("120"), "PB-C30-01", "L-CEM", "2026-11-24 14:00", "HT-1"),
                List.of("E-2", "不存在的工程", "中建海峡", "1#楼 基础", "A-C30-180-P8", new BigDecimal("120"),
                        "PB-X", "L-NONE", "2026-11-24 14:00", "HT-1")));
        PlantImportViewModel vm = new PlantImportViewModel(f.env);
        vm.open(xlsx);
        assertThat(vm.previewProperty().get().kind()).isEqualTo(ImportKind.BATCHES);
        assertThat(vm.rows()).extracting(ImportRow::ok).containsExactly(true, false);
        assertThat(vm.rows().get(1).column()).isEqualTo("工程名称");
        assertThat(vm.rows().get(1).reason()).contains("未找到工程", "混凝土标记", "未登记的配合比 PB-X", "未登记的进厂编号 L-NONE");
        f.dialogs.answerConfirm(true);
        vm.confirm();
        assertThat(f.cache.batch("E-1")).get().satisfies(b -> assertThat(b.projectName())
                .isEqualTo(PlantFixture.PROJECT.name()));
        assertThat(f.cache.batch("E-2")).isEmpty();
    }

    @Test
    void theFormsNameEveryFieldTheServerMayReportAndNestedPathsLandAtTheirField() {
        ProductionViewModel vm = new ProductionViewModel(f.env);
        assertThat(vm.fields()).containsAll(Set.of("projectId", "materialLotIds", "marking"));
        vm.showRefusal(new SendOutcome.Refused("HTTP 422: Invalid production registration", new Problem(null, "Invalid", 422,
                "Invalid production registration", null, "validation", List.of(
                        new Problem.FieldError("materialLotIds[1]", "unknown", "Unknown lot"),
                        new Problem.FieldError("materialLotIds[3]", "unknown", "Unknown lot L-9"),
                        new Problem.FieldError("marking.strengthClass", "invalid", "bad")))));
        assertThat(vm.errors()).containsEntry("materialLotIds", "Unknown lot；Unknown lot L-9")
                .containsEntry("marking", "格式不正确（bad）").hasSize(2);
        assertThat(PlantForm.root("quantities[2].kgPerM3")).isEqualTo("quantities");
        // a refusal without a problem document (the client found the entry unsendable): the text only
        vm.showRefusal(new SendOutcome.Refused("HTTP 400: The stored payload is not JSON", null));
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("The stored payload is not JSON");
    }

    @Test
    void anEndDueFromItsTicketsCountsDownInTheListAndIsFlaggedWhenTheHourIsOver() {
        BatchListViewModel list = new BatchListViewModel(f.env);
        java.time.Instant dispatched = f.clock.instant().minus(Duration.ofMinutes(20));
        f.cache.upsertBatches(List.of(PlantCacheTest.dispatchedBatch("ERP-T", f.clock.instant(), dispatched)));
        BatchRow row = f.cache.batch("ERP-T").orElseThrow();
        assertThat(row.endState()).isEqualTo(NotificationState.DUE);
        assertThat(list.endText(row)).isEqualTo(Localization.get("plant.notice.due", 40L));
        assertThat(list.flagged(row)).isFalse();
        f.clock.advance(Duration.ofMinutes(41));
        // the same stored row, judged again as the clock runs: no sync, no server
        assertThat(list.endText(row)).isEqualTo(Localization.get("plant.notice.missing", 1L));
        assertThat(list.flagged(row)).isTrue();
    }

    @Test
    void offlineAPlannedStartPassingShowsUnderTheDueFilterAndIn待告知WithoutASync() {
        f.server.offline = true;
        java.time.Instant planned = f.clock.instant().plus(Duration.ofMinutes(30));
        f.cache.upsertBatches(List.of(PlantCacheTest.plannedBatch("ERP-LATER", f.clock.instant(), planned)));
        BatchListViewModel list = new BatchListViewModel(f.env);
        list.start();
        list.noticeProperty().set(NoticeFilter.DUE);
        assertThat(list.rows().size()).isZero();
        list.noticeProperty().set(NoticeFilter.NOT_STARTED);
        assertThat(list.rows().size()).isEqualTo(1);

        f.clock.advance(Duration.ofMinutes(40)); // 10 minutes past the planned start, still offline
        list.refresh();
        assertThat(list.rows().size()).as("no longer 'not started'").isZero();
        list.noticeProperty().set(NoticeFilter.DUE);
        assertThat(list.rows().size()).isEqualTo(1);
        assertThat(list.rows().get(0).batchId()).isEqualTo("ERP-LATER");
        assertThat(list.startText(list.rows().get(0))).isEqualTo(Localization.get("plant.notice.due", 50L));
        list.tick();
        assertThat(list.due()).singleElement().satisfies(d -> {
            assertThat(d.source()).isEqualTo(DueNotice.Source.PLANNED);
            assertThat(d.minutesLeft()).isEqualTo(50);
        });
        f.clock.advance(Duration.ofMinutes(51)); // the hour from the planned start is over
        list.refresh();
        assertThat(list.rows().size()).isZero();
        list.noticeProperty().set(NoticeFilter.MISSING);
        assertThat(list.rows().size()).isEqualTo(1);
        assertThat(f.server.received).as("never reached the server").isEmpty();
    }

    @Test
    void offlineATicketCompletingThePlannedVolumeStartsTheEndsHourInTheListAnd待告知() {
        f.server.offline = true;
        f.cache.upsertBatches(List.of(NotificationWatchTest.startedBatch("ERP-O", f.clock.instant(), 3)));
        BatchListViewModel list = new BatchListViewModel(f.env);
        list.start();
        list.noticeProperty().set(NoticeFilter.DUE);
        assertThat(list.rows().size()).isZero();
        list.noticeProperty().set(NoticeFilter.ALL);
        for (String volume : new String[] {"20", "16"}) {
            list.selectedProperty().set(list.rows().get(0));
            list.truckNumberProperty().set("闽D·5K321");
            list.ticketVolumeProperty().set(volume);
            list.printTicket();
            assertThat(list.errors()).isEmpty();
        }
        BatchRow row = f.cache.batch("ERP-O").orElseThrow();
        assertThat(row.dispatchedAt()).isEqualTo(PlantFixture.T0);
        assertThat(list.endText(row)).isEqualTo(Localization.get("plant.notice.due", 60L));
        // the ticket refreshed the list and 待告知 at once
        assertThat(list.due()).singleElement().satisfies(d -> {
            assertThat(d.source()).isEqualTo(DueNotice.Source.DISPATCHED);
            assertThat(d.event()).isEqualTo(cn.cqs.contract.batches.NotificationDeadline.Event.END);
        });
        list.noticeProperty().set(NoticeFilter.DUE);
        assertThat(list.rows().size()).isEqualTo(1);
        f.clock.advance(Duration.ofMinutes(45));
        list.tick();
        assertThat(list.reminderProperty().get()).contains("还剩 15 分钟");
        f.clock.advance(Duration.ofMinutes(10));
        list.tick();
        assertThat(list.reminderProperty().get()).contains("还剩 5 分钟");
        assertThat(f.server.received).as("never reached the server").isEmpty();
    }

    @Test
    void anEndTheServerJudgesMissingIsFlaggedThoughItsTimeIsNotKnownHere() {
        BatchListViewModel list = new BatchListViewModel(f.env);
        java.time.Instant started = f.clock.instant().minus(Duration.ofHours(5));
        BatchRow missingEnd = new BatchRow(1, "ERP-M", "20261124-776049653-000009", null, null, "工程", "需方", "部位",
                "A-C30-180(S4)-P8-GB/T 14902", new java.math.BigDecimal("36"), "MD", java.util.List.of(), started, null,
                null, started, started.plusSeconds(600), NotificationState.ON_TIME, null, null,
                NotificationState.MISSING, null, null, cn.cqs.contract.batches.DosingState.NO_DATA, true);
        BatchRow running = new BatchRow(2, "ERP-R", "20261124-776049653-000010", null, null, "工程", "需方", "部位",
                "A-C30-180(S4)-P8-GB/T 14902", new java.math.BigDecimal("36"), "MD", java.util.List.of(), started, null,
                null, started, started.plusSeconds(600), NotificationState.ON_TIME, null, null,
                NotificationState.NOT_DUE, null, null, cn.cqs.contract.batches.DosingState.NO_DATA, true);

        assertThat(list.flagged(missingEnd)).isTrue();
        assertThat(list.flagged(running)).isFalse();
    }
}
