package cn.cqs.client.seal;

import cn.cqs.client.i18n.Localization;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The 签章证书 screen: what is installed, a warning when it needs attention, and the import button. */
public final class SealCredentialView {
    private SealCredentialView() {
    }

    public static Parent create(SealCredentialViewModel vm) {
        Label title = new Label(Localization.get("credentials.screen.title"));
        title.getStyleClass().add("screen-title");
        title.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
        Label intro = new Label(Localization.get("credentials.screen.intro"));
        intro.setWrapText(true);
        Label status = new Label();
        status.setId("credentialStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.textProperty());
        Label warning = new Label();
        warning.setId("credentialWarning");
        warning.setWrapText(true);
        warning.setStyle("-fx-text-fill: #b3261e; -fx-font-weight: bold;");
        warning.textProperty().bind(vm.warningProperty());
        warning.visibleProperty().bind(vm.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        Button importButton = new Button();
        importButton.setId("importCredential");
        importButton.textProperty().bind(javafx.beans.binding.Bindings.when(vm.installedProperty())
                .then(Localization.get("credentials.replace.button"))
                .otherwise(Localization.get("credentials.import.button")));
        importButton.setMnemonicParsing(true);
        importButton.disableProperty().bind(vm.busyProperty());
        importButton.setOnAction(e -> vm.importCredential());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        VBox box = new VBox(12, title, intro, status, warning, new HBox(8, importButton, progress));
        box.setPadding(new Insets(16));
        box.setMaxWidth(760);
        return box;
    }
}
