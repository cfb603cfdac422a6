package cn.cqs.client.batches.dosing;

import cn.cqs.client.i18n.Localization;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the dosing import (投料数据导入) for one batch in its own window, owned by the application's
 * window (Esc closes it), and asks for the file at once. Call on the JavaFX thread.
 */
public final class DosingImportWindows implements DosingImportOpener {
    private final Supplier<DosingImportEnvironment> environments;
    private final Supplier<Window> owner;
    private final boolean chooseAtOnce;

    /**
     * @param environments a new environment for each window
     * @param chooseAtOnce whether the file chooser opens with the window (false in tests, which load files directly)
     */
    public DosingImportWindows(Supplier<DosingImportEnvironment> environments, Supplier<Window> owner,
                               boolean chooseAtOnce) {
        this.environments = Objects.requireNonNull(environments, "environments");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.chooseAtOnce = chooseAtOnce;
    }

    @Override
    public void open(String serialNumber, String batchId) {
        DosingImportViewModel vm = new DosingImportViewModel(environments.get());
        vm.forBatch(serialNumber, batchId);
        Stage stage = new Stage();
        Window parent = owner.get();
        if (parent != null) {
            stage.initOwner(parent);
        }
        javafx.geometry.Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(DosingImportView.create(vm), Math.min(1180, screen.getWidth() * 0.95),
                Math.min(780, screen.getHeight() * 0.92));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setTitle(Localization.get("dosing.import.windowTitle", serialNumber));
        stage.show();
        if (chooseAtOnce) {
            vm.chooseFile();
        }
    }
}
