package cn.cqs.client.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.api.UserSession;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.reports.ProjectChoice;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.Backoff;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.OutboxState;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.batches.SerialNumber;
import cn.cqs.contract.problem.Problem;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plant office's view models against the real server (embedded PostgreSQL, demo data), logged in
 * as the demo plant: the change feed fills the local batch table, an intake, a mix design and a
 * production registration go through the outbox, the production answer carries a platform-signed
 * serial number and QR code, a re-registration the server refuses keeps the server's problem document
 * in the outbox and shows each field error at its field, a notification the server refuses shows the
 * refusal at its field, the
 * start notified now is on time, and the delivery ticket's QR code decodes to the batch's QR text.
 */
class PlantRealServerTest {
    static CqsServer server;
    static Path root;

    @BeforeAll
    static void start() throws Exception {
        // through TestFX, as the screen tests do: a toolkit started with Platform.startup exits when its last
        // window closes (implicit exit), leaving later screen tests in this JVM a robot that reaches nothing
        org.testfx.api.FxToolkit.registerPrimaryStage();
        server = CqsServer.start(ServerConfig.forTests());
        root = Files.createTempDirectory("plant-real");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void registrationsGoThroughTheOutboxAndTheServerAnswersWithSerialAndQr() throws Exception {
        Localization.setLanguage(AppLanguage.CHINESE);
        ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())));
        var login = api.login(new LoginRequest("plant-admin", DemoAccounts.PASSWORD));
        try (SessionWorkspace w = SessionWorkspace.open(root, new UserSession(api, login.user(), login.expiresAt()),
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0))) {
            w.drainer().start();
            w.syncNow();
            long fromFeed = w.plant().batchCount();
            assertThat(fromFeed).as("the demo plant's batches arrive through the change feed").isPositive();
            assertThat(w.plant().lots(null, 100)).isNotEmpty();

            ZoneId zone = ZoneId.of("Asia/Shanghai");
            Clock clock = Clock.system(zone);
            List<PlantFixture.Shown> previews = new CopyOnWriteArrayList<>();
            PlantRegistrar registrar = new PlantRegistrar(w.plant(), w.outbox(), clock);
            PlantEnvironment env = new PlantEnvironment(registrar, new NotificationWatch(w.plant(), w.outbox()),
                    new PlantPrints(PlantFixture::renderer, login.user().organisationName(), clock, zone),
                    () -> PlantModule.projects(w), new RecordingDialogService(), Runnable::run, Runnable::run, clock, zone,
                    w::drainNow, Duration.ofSeconds(20), (job, pdf) -> previews.add(new PlantFixture.Shown(job, pdf)));

            String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
            for (MaterialKind kind : new MaterialKind[] {MaterialKind.CEMENT, MaterialKind.SAND}) {
                MaterialIntakeViewModel intake = new MaterialIntakeViewModel(env);
                intake.lotIdProperty().set("RT-" + kind.name() + "-" + tag);
                intake.kindProperty().set(kind);
                intake.specificationProperty().set(kind == MaterialKind.CEMENT ? "P·O 42.5" : "中砂");
                intake.supplierProperty().set("福州建材贸易有限公司");
                intake.manufacturerProperty().set(kind == MaterialKind.CEMENT ? "炼石水泥有限公司" : "闽江砂场");
                intake.lotNumberProperty().set("B-" + tag);
                intake.quantityProperty().set("30");
                intake.arrivedAtProperty().set(PlantTexts.time(Instant.now().minus(Duration.ofHours(2)), zone));
                intake.save();
                assertThat(intake.messageProperty().get()).isEqualTo(Localization.get("plant.form.delivered"));
            }
            MixDesignViewModel mix = new MixDesignViewModel(env);
            mix.mixDesignIdProperty().set("RT-PB-" + tag);
            mix.markingProperty().set("A-C30-180(S4)-P8-GB/T 14902");
            mix.quantities().get(0).kgPerM3Property().set("330");
            mix.quantities().get(3).kgPerM3Property().set("770");
            mix.quantities().get(6).kgPerM3Property().set("170");
            mix.save();
            assertThat(mix.messageProperty().get()).isEqualTo(Localization.get("plant.form.delivered"));

            ProductionViewModel production = new ProductionViewModel(env);
            production.reload();
            ProjectChoice project = production.projects().stream().filter(p -> p.name().startsWith("仓山区"))
                    .findFirst().orElseThrow();
            production.batchIdProperty().set("RT-" + tag);
            production.projectProperty().set(project);
            production.buyerProperty().set("福建建工集团有限责任公司");
            production.pourLocationProperty().set("2#楼 六层 梁板柱");
            production.mixDesignProperty().set(production.mixDesigns().stream()
                    .filter(d -> d.mixDesignId().equals("RT-PB-" + tag)).findFirst().orElseThrow());
            production.lotSlots().forEach(s -> s.chosenProperty().set(s.choices().stream()
                    .filter(l -> l.lotId().endsWith(tag)).findFirst().orElseThrow()));
            production.volumeProperty().set("60");
            production.contractNumberProperty().set("HT-RT-" + tag);
            production.save();
            assertThat(production.errors()).isEmpty();
            String serial = production.serialNumberProperty().get();
            assertThat(SerialNumber.isValid(serial)).as(production.messageProperty().get()).isTrue();
            BufferedImage qr = SwingFXUtils.fromFXImage(production.qrImageProperty().get(), null);
            BatchRow row = w.plant().batch("RT-" + tag).orElseThrow();
            assertThat(row.serialNumber()).isEqualTo(serial);
            assertThat(PlantPrintsTest.decode(qr)).isEqualTo(row.qrText()).contains("/v/");

            // the same batch id again with another buyer and volume: the real server refuses it (409 with
            // field errors), the outbox keeps its problem document, and the form shows each at its field
            production.buyerProperty().set("中建海峡建设发展有限公司");
            production.volumeProperty().set("61");
            production.save();
            assertThat(production.errors()).as(production.messageProperty().get())
                    .containsOnlyKeys("buyer", "volumeM3");
            assertThat(production.messageProperty().get()).contains("服务器拒绝");
            OutboxEntry refused = w.outbox().all().stream().filter(e -> e.kind().equals(PlantRegistrar.KIND_BATCH)
                    && e.state() == OutboxState.DISMISSED).reduce((a, b) -> b).orElseThrow();
            assertThat(refused.lastError()).startsWith("HTTP 409: ").doesNotContain("buyer:");
            assertThat(refused.problem()).isNotNull();
            assertThat(refused.problem().errors()).extracting(Problem.FieldError::field, Problem.FieldError::code)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("buyer", "differs"),
                            org.assertj.core.groups.Tuple.tuple("volumeM3", "differs"));
            // in Chinese by its code, the server's sentence (the registered value) in brackets
            assertThat(production.errors().get("buyer")).isEqualTo("与服务器上已登记的内容不同（" + refused.problem().errors()
                    .stream().filter(e -> e.field().equals("buyer")).findFirst().orElseThrow().message() + "）");
            assertThat(w.plant().batch("RT-" + tag).orElseThrow().buyer()).as("the registered batch is unchanged")
                    .isEqualTo("福建建工集团有限责任公司");
            assertThat(production.serialNumberProperty().get()).as("the refused batch keeps showing its serial")
                    .isEqualTo(serial);
            assertThat(production.qrImageProperty().get()).isNotNull();

            // a start before the registration: the server refuses it, and says so at the field
            BatchListViewModel list = new BatchListViewModel(env);
            list.start();
            list.selectedProperty().set(row);
            list.eventAtProperty().set(PlantTexts.time(Instant.now().minus(Duration.ofHours(3)), zone));
            list.notifyStart();
            assertThat(list.errors()).as(list.messageProperty().get()).containsEntry("eventAt", "发生时间早于本批次的登记时间。");
            assertThat(list.messageProperty().get()).contains("服务器拒绝");

            list.selectedProperty().set(w.plant().batch("RT-" + tag).orElseThrow());
            list.eventAtProperty().set(PlantTexts.time(Instant.now().minus(Duration.ofMinutes(1)), zone));
            list.notifyStart();
            assertThat(list.errors()).isEmpty();
            assertThat(list.messageProperty().get()).isEqualTo(Localization.get("plant.form.delivered"));
            assertThat(w.plant().batch("RT-" + tag).orElseThrow().startState()).isEqualTo(NotificationState.ON_TIME);

            list.selectedProperty().set(w.plant().batch("RT-" + tag).orElseThrow());
            list.truckNumberProperty().set("闽A·D2031");
            list.ticketVolumeProperty().set("12");
            list.printTicket();
            assertThat(previews).hasSize(1);
            try (PDDocument doc = Loader.loadPDF(previews.get(0).pdf())) {
                assertThat(PlantPrintsTest.decode(new PDFRenderer(doc).renderImageWithDPI(0, 200))).isEqualTo(row.qrText());
            }
            w.drainNow();
            long deadline = System.currentTimeMillis() + 20_000;
            while (w.outbox().counts().waiting() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(w.outbox().failed()).as("nothing refused but the early start").hasSize(0);
            w.syncNow();
            assertThat(w.plant().batchCount()).isEqualTo(fromFeed + 1);
        }
    }
}
