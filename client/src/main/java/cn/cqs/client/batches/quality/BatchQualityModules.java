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
import cn.cqs.client.i18n.Localization;
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
 * and batch permissions; the server decides which projects each may evaluate).
 */
public final class BatchQualityModules {
    /** Id of the plant's dosing import ({@code #nav-batches-dosing}). */
    public static final String DOSING_ID = "batches-dosing";
    /** Id of the regulators' plant figures ({@code #nav-batches-plants}). */
    public static final String PLANTS_ID = "batches-plants";
    /** Id of the strength evaluation ({@code #nav-batches-evaluation}). */
    public static final String EVALUATION_ID = "batches-evaluation";

    private BatchQualityModules() {
    }

    /** Registers the three modules; the dosing import sends through the workspace's outbox. */
    public static void registerIn(ModuleRegistry registry, Supplier<Optional<SessionWorkspace>> workspaces) {
        registry.register(new Module(DOSING_ID, "dosing.module", Set.of(Permission.BATCHES_REGISTER),
                context -> dosing(context, workspaces)));
        registry.register(new Module(PLANTS_ID, "plants.module", Set.of(Permission.BATCHES_SUPERVISE),
                BatchQualityModules::plants));
        registry.register(new Module(EVALUATION_ID, "evaluation.module", Set.of(), BatchQualityModules::evaluation,
                Set.of(Permission.REPORTS_SUPERVISE, Permission.BATCHES_SUPERVISE, Permission.BATCHES_REGISTER,
                        Permission.REPORTS_AUTHOR, Permission.REPORTS_APPROVE)));
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

    private static Node plants(ModuleContext context) {
        var api = context.session().api();
        PlantDosingViewModel vm = new PlantDosingViewModel(new PlantDosingEnvironment(new ApiPlantDosing(api),
                new ApiDosingReports(api), context.background(), Platform::runLater, Clock.systemUTC()));
        Node view = PlantDosingView.create(vm);
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
