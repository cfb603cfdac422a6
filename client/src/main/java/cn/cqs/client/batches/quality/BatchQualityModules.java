package cn.cqs.client.batches.quality;

import cn.cqs.client.batches.dosing.ApiDosingReports;
import cn.cqs.client.batches.dosing.ApiPlantBatches;
import cn.cqs.client.batches.dosing.DosingImportEnvironment;
import cn.cqs.client.batches.dosing.DosingImportView;
import cn.cqs.client.batches.dosing.DosingImportViewModel;
import cn.cqs.client.batches.dosing.DosingSubmissions;
import cn.cqs.client.batches.evaluation.ApiStrengthEvaluation;
import cn.cqs.client.batches.evaluation.StrengthEvaluationView;
import cn.cqs.client.batches.evaluation.StrengthEvaluationViewModel;
import cn.cqs.client.batches.plants.ApiPlantDosing;
import cn.cqs.client.batches.plants.PlantDosingEnvironment;
import cn.cqs.client.batches.plants.PlantDosingView;
import cn.cqs.client.batches.plants.PlantDosingViewModel;
import cn.cqs.client.batches.trace.ApiBatchTrace;
import cn.cqs.client.batches.trace.BatchTraceView;
import cn.cqs.client.batches.trace.BatchTraceViewModel;
import cn.cqs.client.batches.trace.BatchTraceWindows;
import cn.cqs.client.batches.trace.SerialLabels;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.print.JavaxReportPrinter;
import cn.cqs.client.print.PrintRecords;
import cn.cqs.client.viewer.ApiReportDocuments;
import cn.cqs.client.viewer.ReportViewerWindows;
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

/**
 * The ready-mix quality modules: 投料数据导入 for plants (BATCHES_REGISTER), 搅拌站投料监管 for
 * regulators (BATCHES_SUPERVISE) and 强度评定 for regulators, labs and plants (any of the report
 * and batch permissions; the server decides which projects each may evaluate), and 批次追溯 for
 * regulators, labs and plants (the server decides which batches each may trace).
 */
public final class BatchQualityModules {
    /** Id of the plant's dosing import ({@code #nav-batches-dosing}). */
    public static final String DOSING_ID = "batches-dosing";
    /** Id of the regulators' plant figures ({@code #nav-batches-plants}). */
    public static final String PLANTS_ID = "batches-plants";
    /** Id of the strength evaluation ({@code #nav-batches-evaluation}). */
    public static final String EVALUATION_ID = "batches-evaluation";
    /** Id of the batch trace by serial number ({@code #nav-batches-trace}). */
    public static final String TRACE_ID = "batches-trace";

    private BatchQualityModules() {
    }

    /** Registers the four modules; the dosing import sends through the workspace's outbox. */
    public static void registerIn(ModuleRegistry registry, Supplier<Optional<SessionWorkspace>> workspaces) {
        registry.register(new Module(DOSING_ID, "dosing.module", Set.of(Permission.BATCHES_REGISTER),
                context -> dosing(context, workspaces)));
        registry.register(new Module(PLANTS_ID, "plants.module", Set.of(Permission.BATCHES_SUPERVISE),
                context -> plants(context, workspaces)));
        registry.register(new Module(EVALUATION_ID, "evaluation.module", Set.of(), BatchQualityModules::evaluation,
                Set.of(Permission.REPORTS_SUPERVISE, Permission.BATCHES_SUPERVISE, Permission.BATCHES_REGISTER,
                        Permission.REPORTS_AUTHOR, Permission.REPORTS_APPROVE)));
        registry.register(new Module(TRACE_ID, "trace.module", Set.of(), context -> trace(context, workspaces),
                Set.of(Permission.BATCHES_SUPERVISE, Permission.BATCHES_REGISTER, Permission.REPORTS_AUTHOR,
                        Permission.REPORTS_APPROVE)));
    }

    /**
     * The trace windows of a module's screen: reports open in the client's viewer (prints recorded
     * through the workspace's outbox when there is one), windows owned by {@code owner}'s window.
     */
    public static BatchTraceWindows traceWindows(ModuleContext context, Optional<SessionWorkspace> workspace,
                                                 Supplier<javafx.stage.Window> owner) {
        var api = context.session().api();
        ReportViewerWindows viewers = new ReportViewerWindows(new ApiReportDocuments(api),
                workspace.map(w -> new PrintRecords(w.outbox())).orElse(null), new JavaxReportPrinter(),
                context.background(), Platform::runLater, Clock.systemUTC(), owner);
        return new BatchTraceWindows(new ApiBatchTrace(api), context.session().user(), viewers, context.dialogs(),
                SerialLabels.standard(), context.background(), Platform::runLater, owner);
    }

    /** The window a module's view is shown in, once it is shown. */
    private static Supplier<javafx.stage.Window> windowOf(Node[] view) {
        return () -> view[0] == null || view[0].getScene() == null ? null : view[0].getScene().getWindow();
    }

    private static Node trace(ModuleContext context, Supplier<Optional<SessionWorkspace>> workspaces) {
        Node[] shown = new Node[1];
        BatchTraceWindows windows = traceWindows(context, workspaces.get(), windowOf(shown));
        BatchTraceViewModel vm = windows.viewModel(windowOf(shown));
        shown[0] = BatchTraceView.create(vm);
        return shown[0];
    }

    private static Node dosing(ModuleContext context, Supplier<Optional<SessionWorkspace>> workspaces) {
        Optional<SessionWorkspace> workspace = workspaces.get();
        if (workspace.isEmpty()) {
            Label label = new Label(Localization.get("supervision.workspaceUnavailable"));
            label.setWrapText(true);
            return label;
        }
        var api = context.session().api();
        DosingImportViewModel vm = new DosingImportViewModel(new DosingImportEnvironment(new ApiPlantBatches(api),
                new DosingSubmissions(workspace.get().outbox()), new ApiDosingReports(api), context.dialogs(),
                context.background(), Platform::runLater));
        return DosingImportView.create(vm);
    }

    private static Node plants(ModuleContext context, Supplier<Optional<SessionWorkspace>> workspaces) {
        var api = context.session().api();
        PlantDosingViewModel vm = new PlantDosingViewModel(new PlantDosingEnvironment(new ApiPlantDosing(api),
                new ApiDosingReports(api), context.background(), Platform::runLater, Clock.systemUTC()));
        Node[] shown = new Node[1];
        vm.setTraceOpener(traceWindows(context, workspaces.get(), windowOf(shown)));
        Node view = PlantDosingView.create(vm);
        shown[0] = view;
        vm.start();
        return view;
    }

    private static Node evaluation(ModuleContext context) {
        StrengthEvaluationViewModel vm = new StrengthEvaluationViewModel(new ApiStrengthEvaluation(context.session().api()),
                context.background(), Platform::runLater);
        Node view = StrengthEvaluationView.create(vm);
        vm.start();
        return view;
    }
}
