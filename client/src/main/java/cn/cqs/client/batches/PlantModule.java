package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.print.JavaxReportPrinter;
import cn.cqs.client.rendering.ReportPdfRenderer;
import cn.cqs.client.reports.ProjectChoice;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.shell.Module;
import cn.cqs.client.shell.ModuleContext;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.client.sync.CachedRecord;
import cn.cqs.client.sync.ReplicaQuery;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.time.ChinaTime;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * Registers 预拌混凝土 (the plant office: intake, mix designs, production, batches with notifications
 * and tickets, import) for users holding {@link Permission#BATCHES_REGISTER}, working on the
 * logged-in user's {@link SessionWorkspace}.
 */
public final class PlantModule {
    /** The module's id (navigation entry {@code #nav-plant}). */
    public static final String ID = "plant";
    /** How long a form waits for the server's answer before saying "saved, will be uploaded". */
    static final Duration SEND_WAIT = Duration.ofSeconds(8);

    private static final Object RENDERER_LOCK = new Object();
    private static ReportPdfRenderer renderer;

    private PlantModule() {
    }

    public static void registerIn(ModuleRegistry registry, Supplier<Optional<SessionWorkspace>> workspaces) {
        registry.register(new Module(ID, "plant.module", Set.of(Permission.BATCHES_REGISTER),
                context -> screen(context, workspaces)));
    }

    private static Node screen(ModuleContext context, Supplier<Optional<SessionWorkspace>> workspaces) {
        Optional<SessionWorkspace> open = workspaces.get();
        if (open.isEmpty()) {
            Label unavailable = new Label(Localization.get("plant.workspaceUnavailable"));
            unavailable.setWrapText(true);
            return unavailable;
        }
        SessionWorkspace w = open.get();
        Clock clock = Clock.systemUTC();
        ZoneId zone = ChinaTime.ZONE;
        PlantRegistrar registrar = new PlantRegistrar(w.plant(), w.outbox(), clock);
        Node[] root = new Node[1];
        PlantEnvironment env = new PlantEnvironment(registrar, new NotificationWatch(w.plant(), w.outbox()),
                new PlantPrints(PlantModule::renderer, context.session().user().organisationName(), clock, zone),
                () -> projects(w), context.dialogs(), context.background(), Platform::runLater, clock, zone,
                w::drainNow, SEND_WAIT,
                new PlantPreviewWindows(new JavaxReportPrinter(), context.background(), Platform::runLater, clock,
                        () -> root[0] == null || root[0].getScene() == null ? null : root[0].getScene().getWindow()));
        PlantViewModels vms = PlantViewModels.of(env);
        java.util.function.Supplier<javafx.stage.Window> owner =
                () -> root[0] == null || root[0].getScene() == null ? null : root[0].getScene().getWindow();
        var api = context.session().api();
        ReportCodes reportCodes = new ReportCodes(new cn.cqs.client.qrimage.QrFileScanner(),
                cn.cqs.client.verify.VerificationLookup.of(api));
        vms.intake().setReportCodes(reportCodes);
        vms.mix().setReportCodes(reportCodes);
        vms.batches().setTraceOpener(cn.cqs.client.batches.quality.BatchQualityModules.traceWindows(context, open, owner));
        vms.batches().setDosingImportOpener(new cn.cqs.client.batches.dosing.DosingImportWindows(
                () -> new cn.cqs.client.batches.dosing.DosingImportEnvironment(
                        new cn.cqs.client.batches.dosing.ApiPlantBatches(api),
                        new cn.cqs.client.batches.dosing.DosingSubmissions(w.outbox()),
                        new cn.cqs.client.batches.dosing.ApiDosingReports(api), context.dialogs(), context.background(),
                        Platform::runLater), owner, true));
        root[0] = PlantView.create(vms);
        Runnable onData = () -> Platform.runLater(() -> {
            if (!w.isClosed()) {
                vms.batches().refresh();
            }
        });
        w.addDataListener(onData);
        root[0].sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                w.removeDataListener(onData);
                vms.batches().stopTicking();
            }
        });
        return root[0];
    }

    /** The projects the plant may supply (from the replica), by name. */
    static List<ProjectChoice> projects(SessionWorkspace w) {
        List<CachedRecord> records = w.replica().query(ReplicaQuery.of(SessionWorkspace.PROJECT)
                .withPage(0, ReplicaQuery.MAX_LIMIT)).items();
        return records.stream().map(r -> new ProjectChoice(r.id(), r.title() != null ? r.title()
                : r.data().path("name").asText(r.id().toString())))
                .sorted(java.util.Comparator.comparing(ProjectChoice::name)).toList();
    }

    /** The PDF renderer, made once on first use. */
    static ReportPdfRenderer renderer() {
        synchronized (RENDERER_LOCK) {
            if (renderer == null) {
                renderer = new ReportPdfRenderer();
            }
            return renderer;
        }
    }
}
