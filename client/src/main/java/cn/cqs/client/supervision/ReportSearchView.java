package cn.cqs.client.supervision;

import cn.cqs.client.i18n.Localization;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.converter.LocalDateStringConverter;

/**
 * The report search screen (报告查询), built in code: the filter bar, the virtualised result table
 * and the opened report's details beside it. Only binds controls to {@link ReportSearchViewModel}
 * and forwards events; a click, double-click or Enter opens the report.
 */
public final class ReportSearchView {
    private ReportSearchView() {
    }

    public static Parent create(ReportSearchViewModel vm) {
        TextField text = new TextField();
        text.setId("searchTextField");
        text.setPromptText(Localization.get("supervision.search.textPrompt"));
        text.setPrefColumnCount(18);
        text.textProperty().bindBidirectional(vm.textProperty());

        ComboBox<LabChoice> lab = new ComboBox<>(vm.labs());
        lab.setId("labFilter");
        lab.setPromptText(Localization.get("supervision.search.allLabs"));
        lab.setConverter(converter(l -> l == null ? Localization.get("supervision.search.allLabs") : l.name()));
        lab.setPrefWidth(240);
        lab.valueProperty().bindBidirectional(vm.labProperty());

        ComboBox<String> type = new ComboBox<>(vm.types());
        type.setId("typeFilter");
        type.setPromptText(Localization.get("supervision.search.allTypes"));
        type.setConverter(converter(t -> t == null ? Localization.get("supervision.search.allTypes") : SupervisionTexts.type(t)));
        type.valueProperty().bindBidirectional(vm.typeProperty());

        DatePicker from = datePicker("searchFromPicker");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = datePicker("searchToPicker");
        to.valueProperty().bindBidirectional(vm.toProperty());

        ComboBox<ConclusionFilter> conclusion = new ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(ConclusionFilter.values()));
        conclusion.setId("conclusionFilter");
        conclusion.setConverter(converter(c -> Localization.get("supervision.search.conclusion."
                + (c == null ? ConclusionFilter.ANY : c).name())));
        conclusion.valueProperty().bindBidirectional(vm.conclusionProperty());

        CheckBox lateOnly = new CheckBox(Localization.get("supervision.search.lateOnly"));
        lateOnly.setId("lateOnlyCheck");
        lateOnly.selectedProperty().bindBidirectional(vm.lateOnlyProperty());

        Button clear = new Button(Localization.get("supervision.search.clear"));
        clear.setId("clearFiltersButton");
        clear.setOnAction(e -> vm.clearFilters());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.loadingProperty());
        Label summary = new Label();
        summary.setId("searchSummary");
        summary.textProperty().bind(vm.summaryProperty());

        FlowPane filters = new FlowPane(8, 8, text, lab, type,
                new Label(Localization.get("supervision.search.issuedFrom")), from,
                new Label(Localization.get("supervision.search.issuedTo")), to, conclusion, lateOnly, clear, progress, summary);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(10));

        TableView<SupervisedReport> table = new TableView<>(vm.rows());
        table.setId("reportTable");
        table.setPlaceholder(new Label(Localization.get("supervision.search.empty")));
        table.getColumns().add(column("number", 170, r -> r.reportNumber()));
        table.getColumns().add(column("lab", 210, SupervisedReport::labName));
        table.getColumns().add(column("project", 220, r -> r.projectPart().isEmpty() ? r.projectName()
                : r.projectName() + " · " + r.projectPart()));
        table.getColumns().add(column("type", 150, r -> SupervisionTexts.type(r.type())));
        TableColumn<SupervisedReport, LocalDate> day = new TableColumn<>(Localization.get("supervision.search.column.day"));
        day.setPrefWidth(100);
        day.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().day()));
        table.getColumns().add(day);
        TableColumn<SupervisedReport, String> conclusionColumn = column("conclusion", 150,
                r -> SupervisionTexts.conclusion(r.conclusion()));
        conclusionColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                SupervisedReport r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setStyle(r != null && r.unqualified() ? "-fx-text-fill: #b3261e; -fx-font-weight: bold;" : "");
            }
        });
        table.getColumns().add(conclusionColumn);
        table.getColumns().add(column("late", 80, r -> r.late() ? Localization.get("supervision.search.lateMark") : ""));
        table.setRowFactory(t -> {
            TableRow<SupervisedReport> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && !row.isEmpty()) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(table.getSelectionModel().getSelectedItem());
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });

        GridPane details = new GridPane();
        details.setId("detailsPane");
        details.setHgap(10);
        details.setVgap(6);
        details.setPadding(new Insets(12));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        details.getColumnConstraints().addAll(labels, values);
        Label hint = new Label(Localization.get("supervision.detail.none"));
        hint.setWrapText(true);
        details.add(hint, 0, 0, 2, 1);
        vm.details().addListener((javafx.collections.ListChangeListener<DetailLine>) c -> {
            details.getChildren().clear();
            if (vm.details().isEmpty()) {
                details.add(hint, 0, 0, 2, 1);
            }
            int i = 0;
            for (DetailLine line : vm.details()) {
                Label name = new Label(line.label());
                name.setStyle("-fx-text-fill: #555;");
                Label value = new Label(line.value());
                value.setWrapText(true);
                value.setId("detail-" + i);
                details.add(name, 0, i);
                details.add(value, 1, i);
                i++;
            }
        });
        Label detailsTitle = new Label(Localization.get("supervision.detail.title"));
        detailsTitle.setStyle("-fx-font-size: 1.15em; -fx-font-weight: bold;");
        detailsTitle.setPadding(new Insets(12, 12, 0, 12));
        ScrollPane detailsScroll = new ScrollPane(details);
        detailsScroll.setFitToWidth(true);
        VBox side = new VBox(detailsTitle, detailsScroll);
        VBox.setVgrow(detailsScroll, Priority.ALWAYS);
        side.setMinWidth(280);

        SplitPane split = new SplitPane(table, side);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(side, false);

        BorderPane root = new BorderPane(split);
        root.setTop(filters);
        root.setId("reportSearchScreen");
        return root;
    }

    private static TableColumn<SupervisedReport, String> column(String key, double width,
                                                                java.util.function.Function<SupervisedReport, String> value) {
        TableColumn<SupervisedReport, String> c = new TableColumn<>(Localization.get("supervision.search.column." + key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    static DatePicker datePicker(String id) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPrefWidth(130);
        picker.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE));
        return picker;
    }

    static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("the choice is not editable");
            }
        };
    }
}
