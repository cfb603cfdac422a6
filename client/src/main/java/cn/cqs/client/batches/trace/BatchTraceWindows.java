package cn.cqs.client.batches.trace;

import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.viewer.ReportViewerOpener;
import cn.cqs.contract.auth.CurrentUser;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens 批次追溯 windows (owned by the application's window, Esc closes them) and, from a trace, the
 * 关联试块报告 dialog (modal to the trace, Esc cancels). Also builds the standalone screen of the
 * 批次追溯 module. Call on the JavaFX thread.
 */
public final class BatchTraceWindows implements BatchTraceOpener {
    private final BatchTraceSource source;
    private final CurrentUser user;
    private final ReportViewerOpener viewers;
    private final DialogService dialogs;
    private final SerialLabels labels;
    private final Executor background;
    private final Executor ui;
    private final Supplier<Window> owner;

    public BatchTraceWindows(BatchTraceSource source, CurrentUser user, ReportViewerOpener viewers, DialogService dialogs,
                             SerialLabels labels, Executor background, Executor ui, Supplier<Window> owner) {
        this.source = Objects.requireNonNull(source, "source");
        this.user = Objects.requireNonNull(user, "user");
        this.viewers = Objects.requireNonNull(viewers, "viewers");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** A view model whose link dialogs are owned by the window {@code dialogOwner} gives. */
    public BatchTraceViewModel viewModel(Supplier<Window> dialogOwner) {
        return new BatchTraceViewModel(new BatchTraceEnvironment(source, user, viewers, dialogs, labels,
                vm -> showLinkDialog(vm, dialogOwner.get()), background, ui));
    }

    @Override
    public void open(String serialNumber) {
        Stage stage = new Stage();
        Window parent = owner.get();
        if (parent != null) {
            stage.initOwner(parent);
        }
        BatchTraceViewModel vm = viewModel(() -> stage);
        Parent view = BatchTraceView.create(vm);
        double[] size = fitted(1180, 820);
        Scene scene = new Scene(view, size[0], size[1]);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        stage.show();
        vm.load(serialNumber);
    }

    /** The 关联试块报告 dialog for {@code vm}, modal to {@code parent}; it closes when the view model says so. */
    public static void showLinkDialog(CubeReportLinkViewModel vm, Window parent) {
        Stage stage = new Stage();
        if (parent != null) {
            stage.initOwner(parent);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(Localization.get("trace.link.title"));
        double[] size = fitted(1060, 560);
        stage.setScene(new Scene(CubeReportLinkView.create(vm), size[0], size[1]));
        vm.closedProperty().addListener((o, was, closed) -> {
            if (closed) {
                stage.close();
            }
        });
        stage.setOnCloseRequest(e -> vm.cancel());
        stage.show();
    }

    /** The wanted window size, made to fit the screen. */
    static double[] fitted(double width, double height) {
        javafx.geometry.Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return new double[] {Math.min(width, screen.getWidth() * 0.95), Math.min(height, screen.getHeight() * 0.92)};
    }
}
