package cn.cqs.client.reports;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.rendering.ReportPdfRenderer;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.shell.Module;
import cn.cqs.client.shell.ModuleContext;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.contract.orgs.Permission;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The report module of the navigation: 检测报告 for users who author reports (list, form, issue),
 * working on the logged-in user's {@link SessionWorkspace}. Regulators search and count reports in
 * {@code cn.cqs.client.supervision}.
 */
public final class ReportsModule {
    /** Id of the authoring module. */
    public static final String AUTHOR_ID = "reports";
    /** The review queue (审核) module's id. */
    public static final String REVIEW_ID = "report-review";
    /** The approval queue (批准) module's id. */
    public static final String APPROVE_ID = "report-approve";

    private static final Object RENDERER_LOCK = new Object();
    private static ReportPdfRenderer renderer;

    private ReportsModule() {
    }

    /** Registers the authoring module, working on the workspace {@code workspace} supplies. */
    public static void registerIn(ModuleRegistry registry, Supplier<Optional<SessionWorkspace>> workspace) {
        registry.register(new Module(AUTHOR_ID, "reports.module.author", Set.of(Permission.REPORTS_AUTHOR),
                context -> screen(context, workspace, false)));
        registry.register(new Module(REVIEW_ID, "reports.lifecycle.module.review", Set.of(Permission.REPORTS_REVIEW),
                context -> signOff(context, workspace, ReportSignOffViewModel.Step.REVIEW)));
        registry.register(new Module(APPROVE_ID, "reports.lifecycle.module.approve", Set.of(Permission.REPORTS_APPROVE),
                context -> signOff(context, workspace, ReportSignOffViewModel.Step.APPROVE)));
    }

    /** The sign-off queue for {@code step} (审核 or 批准): the lab's shared drafts on the server. */
    private static Node signOff(ModuleContext context, Supplier<Optional<SessionWorkspace>> workspaces,
                                ReportSignOffViewModel.Step step) {
        ApprovedDraftIssuer issuing = workspaces.get().map(w -> {
            LocalReports reports = new LocalReports(w.store());
            ReportIssuer issuer = new ReportIssuer(w.store(), reports, w.outbox(), ReportsModule::renderer,
                    w.profileDirectory().resolve("reports"), context.session().api().serverUrl(), Clock.systemUTC());
            return new ApprovedDraftIssuer(w.credentials(), issuer, context.session().user().organisationName());
        }).orElse(null);
        ReportSignOffViewModel vm = new ReportSignOffViewModel(context.session().user(),
                new ReportDrafts(context.session().api()), step, context.dialogs(), context.background(),
                Platform::runLater, issuing);
        Node view = ReportSignOffView.create(vm);
        vm.reload();
        return view;
    }

    /** The PDF renderer, created once on first use (loading the template takes a moment). */
    static ReportPdfRenderer renderer() {
        synchronized (RENDERER_LOCK) {
            if (renderer == null) {
                renderer = new ReportPdfRenderer();
            }
            return renderer;
        }
    }

    private static Node screen(ModuleContext context, Supplier<Optional<SessionWorkspace>> workspaces, boolean readOnly) {
        Optional<SessionWorkspace> open = workspaces.get();
        if (open.isEmpty()) {
            Label unavailable = new Label(Localization.get("reports.workspaceUnavailable"));
            unavailable.setWrapText(true);
            return unavailable;
        }
        SessionWorkspace w = open.get();
        StackPane container = new StackPane();
        LocalReports reports = new LocalReports(w.store());
        ReportIssuer issuer = new ReportIssuer(w.store(), reports, w.outbox(), ReportsModule::renderer,
                w.profileDirectory().resolve("reports"), context.session().api().serverUrl(), Clock.systemUTC());
        ReportsEnvironment env = new ReportsEnvironment(context.session().user(), reports, issuer, w.credentials(),
                w.replica(), w.outbox(), context.dialogs(), context.background(), Platform::runLater,
                Clock.systemUTC(), w::fireDataChanged, new ReportDrafts(context.session().api()));
        ReportListViewModel[] list = new ReportListViewModel[1];
        Node[] listView = new Node[1];
        list[0] = new ReportListViewModel(env, readOnly, (type, draft) -> {
            ReportFormViewModel form = new ReportFormViewModel(env, type, draft, () -> {
                container.getChildren().setAll(listView[0]);
                list[0].reload();
            });
            container.getChildren().setAll(ReportFormView.create(form));
            form.start();
        });
        list[0].setViewer(new cn.cqs.client.viewer.ReportViewerWindows(
                new cn.cqs.client.viewer.ApiReportDocuments(context.session().api()),
                new cn.cqs.client.print.PrintRecords(w.outbox()), new cn.cqs.client.print.JavaxReportPrinter(),
                context.background(), Platform::runLater, Clock.systemUTC(),
                () -> container.getScene() == null ? null : container.getScene().getWindow()));
        list[0].setBatchLinks(new cn.cqs.client.batches.trace.ApiBatchTrace(context.session().api()),
                cn.cqs.client.batches.trace.SerialLabels.standard());
        listView[0] = ReportListView.create(list[0]);
        container.getChildren().setAll(listView[0]);
        Runnable onData = () -> Platform.runLater(list[0]::reload);
        w.addDataListener(onData);
        // the outbox's progress changes a row's status (waiting -> uploaded / refused); while a long
        // queue drains the count changes many times a second, so the list reloads at most twice a second
        javafx.animation.PauseTransition coalesce = new javafx.animation.PauseTransition(javafx.util.Duration.millis(500));
        coalesce.setOnFinished(e -> {
            if (!w.isClosed()) { // logged out or quitting meanwhile: nothing to show any more
                list[0].reload();
            }
        });
        javafx.beans.value.ChangeListener<Number> onOutbox = (obs, old, now) -> {
            if (coalesce.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                coalesce.playFromStart();
            }
        };
        context.outbox().pendingCount().addListener(onOutbox);
        container.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                w.removeDataListener(onData);
                context.outbox().pendingCount().removeListener(onOutbox);
                coalesce.stop();
            }
        });
        list[0].start();
        return container;
    }
}
