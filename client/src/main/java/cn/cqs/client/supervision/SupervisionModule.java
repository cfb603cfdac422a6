package cn.cqs.client.supervision;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.shell.Module;
import cn.cqs.client.shell.ModuleContext;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.client.print.JavaxReportPrinter;
import cn.cqs.client.print.PrintRecords;
import cn.cqs.client.viewer.ApiReportDocuments;
import cn.cqs.client.viewer.ReportViewerWindows;
import cn.cqs.contract.orgs.Permission;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * The regulators' modules (监管): 报告查询, the search over the jurisdiction's synced reports, and
 * 报告统计, the statistics the server computes. Shown to users holding
 * {@link Permission#REPORTS_SUPERVISE} (only regulator organisations can grant it).
 */
public final class SupervisionModule {
    /** Id of the report search module (navigation entry {@code #nav-supervision-search}). */
    public static final String SEARCH_ID = "supervision-search";
    /** Id of the statistics module (navigation entry {@code #nav-supervision-statistics}). */
    public static final String STATISTICS_ID = "supervision-statistics";

    private SupervisionModule() {
    }

    /** Registers both modules, working on the workspace {@code workspaces} supplies. */
    public static void registerIn(ModuleRegistry registry, Supplier<Optional<SessionWorkspace>> workspaces) {
        registry.register(new Module(SEARCH_ID, "supervision.module.search", Set.of(Permission.REPORTS_SUPERVISE),
                context -> search(context, workspaces)));
        registry.register(new Module(STATISTICS_ID, "supervision.module.statistics",
                Set.of(Permission.REPORTS_SUPERVISE), context -> statistics(context, workspaces)));
    }

    private static Optional<SupervisionEnvironment> environment(ModuleContext context,
                                                                Supplier<Optional<SessionWorkspace>> workspaces,
                                                                Supplier<javafx.stage.Window> owner) {
        return workspaces.get().map(w -> new SupervisionEnvironment(new SupervisedReports(w.store()),
                new ApiReportStatistics(context.session().api()), context.dialogs(), context.background(),
                Platform::runLater, Clock.systemUTC(), new ReportViewerWindows(
                        new ApiReportDocuments(context.session().api()), new PrintRecords(w.outbox()),
                        new JavaxReportPrinter(), context.background(), Platform::runLater, Clock.systemUTC(), owner)));
    }

    /** The window a module's view is shown in (owner of the viewer windows), once it is shown. */
    private static Supplier<javafx.stage.Window> windowOf(javafx.scene.Node[] view) {
        return () -> view[0] == null || view[0].getScene() == null ? null : view[0].getScene().getWindow();
    }

    private static Node unavailable() {
        Label label = new Label(Localization.get("supervision.workspaceUnavailable"));
        label.setWrapText(true);
        return label;
    }

    private static Node search(ModuleContext context, Supplier<Optional<SessionWorkspace>> workspaces) {
        Optional<SessionWorkspace> workspace = workspaces.get();
        Node[] shown = new Node[1];
        Optional<SupervisionEnvironment> env = environment(context, workspaces, windowOf(shown));
        if (workspace.isEmpty() || env.isEmpty()) {
            return unavailable();
        }
        ReportSearchViewModel vm = new ReportSearchViewModel(env.get());
        Node view = ReportSearchView.create(vm);
        shown[0] = view;
        Runnable onData = () -> Platform.runLater(vm::refresh);
        workspace.get().addDataListener(onData);
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                workspace.get().removeDataListener(onData);
            }
        });
        vm.start();
        return view;
    }

    private static Node statistics(ModuleContext context, Supplier<Optional<SessionWorkspace>> workspaces) {
        Node[] shown = new Node[1];
        Optional<SupervisionEnvironment> env = environment(context, workspaces, windowOf(shown));
        if (env.isEmpty()) {
            return unavailable();
        }
        ReportStatisticsViewModel vm = new ReportStatisticsViewModel(env.get());
        Node view = ReportStatisticsView.create(vm);
        shown[0] = view;
        vm.start();
        return view;
    }
}
