package cn.cqs.client.dialogs;

import cn.cqs.client.i18n.Localization;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The JavaFX {@link DialogService}: modal alerts and file choosers owned by the window the
 * supplier returns (the application's current window). Must be called on the JavaFX thread.
 */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public void showWarning(String title, String message) {
        alert(Alert.AlertType.WARNING, title, message).showAndWait();
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String question) {
        ButtonType yes = new ButtonType(Localization.get("dialog.yes"), ButtonBar.ButtonData.YES);
        ButtonType no = new ButtonType(Localization.get("dialog.no"), ButtonBar.ButtonData.NO);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, question);
        alert.getButtonTypes().setAll(yes, no);
        // The safe choice is the default: Enter answers No.
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public void showException(String title, String message, Throwable exception) {
        Alert alert = alert(Alert.AlertType.ERROR, title, message);
        StringWriter trace = new StringWriter();
        exception.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setWrapText(false);
        details.setMaxWidth(Double.MAX_VALUE);
        details.setMaxHeight(Double.MAX_VALUE);
        GridPane.setVgrow(details, Priority.ALWAYS);
        GridPane.setHgrow(details, Priority.ALWAYS);
        GridPane content = new GridPane();
        content.setMaxWidth(Double.MAX_VALUE);
        content.add(new Label(Localization.get("dialog.exception.details")), 0, 0);
        content.add(details, 0, 1);
        alert.getDialogPane().setExpandableContent(content);
        alert.showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Optional<Path> initialDirectory, List<FileFilter> filters) {
        FileChooser chooser = chooser(title, filters);
        initialDirectory.filter(Files::isDirectory).ifPresent(d -> chooser.setInitialDirectory(d.toFile()));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(java.io.File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileFilter> filters) {
        FileChooser chooser = chooser(title, filters);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(java.io.File::toPath);
    }

    @Override
    public Optional<String> choose(String title, String message, List<String> choices, String initial) {
        if (choices.isEmpty() || !choices.contains(initial)) {
            throw new IllegalArgumentException("initial: must be one of the " + choices.size() + " choices, was " + initial);
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(initial, choices);
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(message);
        // JavaFX labels its stock buttons in the JVM's locale, not the user's chosen language
        ButtonType ok = new ButtonType(Localization.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Localization.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.setResultConverter(b -> b == ok ? dialog.getSelectedItem() : null);
        return dialog.showAndWait();
    }

    @Override
    public Optional<char[]> askPassword(String title, String message) {
        Dialog<char[]> dialog = new Dialog<>();
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        dialog.setTitle(title);
        PasswordField field = new PasswordField();
        field.setId("passwordPromptField");
        Label label = new Label(message);
        label.setWrapText(true);
        label.setMaxWidth(420);
        VBox box = new VBox(8, label, field);
        dialog.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType(Localization.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Localization.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.setResultConverter(b -> b == ok ? field.getText().toCharArray() : null);
        dialog.setOnShown(e -> field.requestFocus());
        return dialog.showAndWait();
    }

    @Override
    public Optional<String> askText(String title, String message, int maxLength) {
        Dialog<String> dialog = new Dialog<>();
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        dialog.setTitle(title);
        javafx.scene.control.TextArea field = new javafx.scene.control.TextArea();
        field.setId("textPromptField");
        field.setWrapText(true);
        field.setPrefRowCount(3);
        field.setPrefColumnCount(36);
        field.setTextFormatter(new javafx.scene.control.TextFormatter<String>(
                change -> change.getControlNewText().length() <= maxLength ? change : null));
        Label label = new Label(message);
        label.setWrapText(true);
        label.setMaxWidth(420);
        VBox box = new VBox(8, label, field);
        dialog.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType(Localization.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Localization.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.setResultConverter(b -> b == ok ? field.getText() : null);
        dialog.setOnShown(e -> field.requestFocus());
        return dialog.showAndWait();
    }

    private FileChooser chooser(String title, List<FileFilter> filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileFilter f : filters) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(), f.patterns()));
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Localization.get("dialog.file.all"), "*.*"));
        return chooser;
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
        }
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.setContentText(message);
        alert.getDialogPane().setMinWidth(420);
        // JavaFX labels its stock buttons in the JVM's locale, not the user's chosen language
        alert.getButtonTypes().setAll(new ButtonType(Localization.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE));
        return alert;
    }
}
