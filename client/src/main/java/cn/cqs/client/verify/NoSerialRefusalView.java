package cn.cqs.client.verify;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.reports.ProjectChoice;
import cn.cqs.contract.refusals.RefusalRequest;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The form of 无流水号拒收 (a window modal to the desk): binds the fields to
 * {@link NoSerialRefusalViewModel} and forwards the buttons; it closes when the view model says the
 * form is done.
 */
public final class NoSerialRefusalView {
    private NoSerialRefusalView() {
    }

    /** Shows the form for {@code vm}, owned by {@code owner} (may be null). */
    public static Stage show(NoSerialRefusalViewModel vm, Window owner) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(Localization.get("verify.noSerial.title"));
        Scene scene = new Scene(create(vm), 620, 540);
        scene.getStylesheets().add(NoSerialRefusalView.class.getResource("VerifyView.css").toExternalForm());
        stage.setScene(scene);
        vm.closedProperty().addListener((obs, was, now) -> {
            if (now) {
                stage.close();
            }
        });
        stage.setOnCloseRequest(e -> vm.cancel());
        stage.show();
        return stage;
    }

    static VBox create(NoSerialRefusalViewModel vm) {
        Label intro = new Label(Localization.get("verify.noSerial.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("no-serial-intro");

        TextField truck = limited(new TextField(), RefusalRequest.MAX_TRUCK_NUMBER);
        truck.setId("noSerialTruck");
        truck.textProperty().bindBidirectional(vm.truckNumberProperty());
        TextField plant = limited(new TextField(), RefusalRequest.MAX_NAME);
        plant.setId("noSerialPlant");
        plant.textProperty().bindBidirectional(vm.plantNameProperty());

        ComboBox<ProjectChoice> project = new ComboBox<>(vm.projects());
        project.setId("noSerialProject");
        project.setEditable(true);
        project.setMaxWidth(Double.MAX_VALUE);
        project.setPromptText(Localization.get("verify.noSerial.projectPrompt"));
        project.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProjectChoice p) {
                return p == null ? "" : p.name();
            }

            @Override
            public ProjectChoice fromString(String text) {
                return vm.projects().stream().filter(p -> p.name().equals(text)).findFirst().orElse(null);
            }
        });
        project.getEditor().textProperty().bindBidirectional(vm.projectTextProperty());
        project.valueProperty().addListener((obs, old, now) -> vm.projectProperty().set(now));

        TextField pour = limited(new TextField(), RefusalRequest.MAX_NAME);
        pour.setId("noSerialPour");
        pour.textProperty().bindBidirectional(vm.pourLocationProperty());
        TextArea reason = new TextArea();
        reason.setId("noSerialReason");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.setTextFormatter(new TextFormatter<String>(c ->
                c.getControlNewText().length() <= RefusalRequest.MAX_REASON ? c : null));
        reason.textProperty().bindBidirectional(vm.reasonProperty());

        Button photoFile = new Button(Localization.get("verify.noSerial.photoFile"));
        photoFile.setId("noSerialPhotoFile");
        photoFile.setOnAction(e -> vm.choosePhotoFile());
        Button photoCamera = new Button(Localization.get("verify.noSerial.photoCamera"));
        photoCamera.setId("noSerialPhotoCamera");
        photoCamera.setOnAction(e -> vm.useCameraFrame());
        Label photoText = new Label();
        photoText.setId("noSerialPhotoText");
        photoText.setWrapText(true);
        photoText.textProperty().bind(vm.photoTextProperty());
        VBox photo = new VBox(6, new HBox(8, photoFile, photoCamera), photoText);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        form.addRow(0, label("verify.noSerial.truckNumber"), truck);
        form.addRow(1, label("verify.noSerial.plantName"), plant);
        form.addRow(2, label("verify.noSerial.project"), project);
        form.addRow(3, label("verify.noSerial.pourLocation"), pour);
        form.addRow(4, label("verify.noSerial.reason"), reason);
        form.addRow(5, label("verify.noSerial.photo"), photo);

        Label error = new Label();
        error.setId("noSerialError");
        error.setWrapText(true);
        error.getStyleClass().add("form-message");
        error.textProperty().bind(vm.errorTextProperty());
        error.visibleProperty().bind(vm.errorTextProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button file = new Button(Localization.get("verify.noSerial.file"));
        file.setId("noSerialFile");
        file.getStyleClass().add("danger");
        file.setDefaultButton(true);
        file.setOnAction(e -> vm.file());
        Button cancel = new Button(Localization.get("verify.noSerial.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, spacer, cancel, file);

        VBox root = new VBox(12, intro, form, error, buttons);
        root.getStyleClass().addAll("verify-root", "no-serial-form");
        root.setPadding(new Insets(16));
        return root;
    }

    private static Label label(String key) {
        Label label = new Label(Localization.get(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static TextField limited(TextField field, int max) {
        field.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().length() <= max ? c : null));
        return field;
    }
}
