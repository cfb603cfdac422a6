package cn.cqs.client.supervision;

import cn.cqs.client.shell.ReadableHeaders;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.converter.LocalDateStringConverter;

/**
 * The report search screen (报告查询), built in code: the filter bar, the virtualised result table
 * and the opened report's details below it. Only binds controls to {@link ReportSearchViewModel}
 * and forwards events; a click shows the report's details, a double-click, Enter or 打开 PDF opens its PDF
 * in the viewer.
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
        lab.setPrefWidth(230);
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

        HBox dates = new HBox(6, new Label(Localization.get("supervision.search.issuedFrom")), from,
                new Label(Localization.get("supervision.search.issuedTo")), to);
        dates.setAlignment(Pos.CENTER_LEFT);
        FlowPane filters = new FlowPane(8, 8, text, lab, type, dates, conclusion, lateOnly, clear, progress, summary);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(10));

        TableView<SupervisedReport> table = new TableView<>(vm.rows());
        ReadableHeaders.keep(table);
        table.setId("reportTable");
        table.setPlaceholder(new Label(Localization.get("supervision.search.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("number", 150, r -> r.reportNumber()));
        table.getColumns().add(column("lab", 200, SupervisedReport::labName));
        table.getColumns().add(column("project", 190, SupervisedReport::projectName));
        table.getColumns().add(column("type", 150, r -> SupervisionTexts.type(r.type())));
        TableColumn<SupervisedReport, LocalDate> day = new TableColumn<>(Localization.get("supervision.search.column.day"));
        day.setPrefWidth(90);
        day.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().day()));
        table.getColumns().add(day);
        TableColumn<SupervisedReport, String> conclusionColumn = column("conclusion", 130,
                r -> SupervisionTexts.conclusion(r.conclusion()));
        conclusionColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                SupervisedReport r = empty || getTableRow() == null ? null : getTableRow().getItem();
                getStyleClass().remove("unqualified-conclusion");
                if (r != null && r.unqualified()) {
                    getStyleClass().add("unqualified-conclusion");
                }
            }
        });
        table.getColumns().add(conclusionColumn);
        table.getColumns().add(column("late", 50, r -> r.late() ? Localization.get("supervision.search.lateMark") : ""));
        table.setRowFactory(t -> {
            TableRow<SupervisedReport> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && !row.isEmpty()) {
                    if (e.getClickCount() == 2) {
                        vm.openPdf(row.getItem());
                    } else {
                        vm.open(row.getItem());
                    }
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                vm.openPdf(table.getSelectionModel().getSelectedItem());
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.selectedProperty().get()) {
                vm.open(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });

        // details below the table, in two label/value column pairs, so the table keeps the full width
        GridPane details = new GridPane();
        details.setId("detailsPane");
        details.setHgap(10);
        details.setVgap(6);
        details.setPadding(new Insets(8, 12, 12, 12));
        for (int pair = 0; pair < 2; pair++) {
            ColumnConstraints label = new ColumnConstraints();
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            ColumnConstraints value = new ColumnConstraints();
            value.setHgrow(Priority.ALWAYS);
            value.setPercentWidth(36);
            details.getColumnConstraints().addAll(label, value);
        }
        Label hint = new Label(Localization.get("supervision.detail.none"));
        hint.setWrapText(true);
        details.add(hint, 0, 0, 4, 1);
        int perColumn = 7;
        vm.details().addListener((javafx.collections.ListChangeListener<DetailLine>) c -> {
            details.getChildren().clear();
            if (vm.details().isEmpty()) {
                details.add(hint, 0, 0, 4, 1);
            }
            int i = 0;
            for (DetailLine line : vm.details()) {
                Label name = new Label(line.label());
                name.setStyle("-fx-text-fill: #555;");
                name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label value = new Label(line.value());
                value.setWrapText(true);
                value.setId("detail-" + i);
                int column = (i / perColumn) * 2;
                details.add(name, column, i % perColumn);
                details.add(value, column + 1, i % perColumn);
                i++;
            }
        });
        Label detailsTitle = new Label(Localization.get("supervision.detail.title"));
        detailsTitle.setStyle("-fx-font-size: 1.1em; -fx-font-weight: bold;");
        Button openPdf = new Button(Localization.get("supervision.search.openPdf"));
        openPdf.setId("openPdfButton");
        openPdf.setTooltip(new javafx.scene.control.Tooltip(Localization.get("supervision.search.openPdfTip")));
        openPdf.disableProperty().bind(vm.selectedProperty().isNull());
        openPdf.setOnAction(e -> vm.openPdf(null));
        HBox detailsHeader = new HBox(12, detailsTitle, openPdf);
        detailsHeader.setAlignment(Pos.CENTER_LEFT);
        detailsHeader.setPadding(new Insets(8, 12, 0, 12));
        ScrollPane detailsScroll = new ScrollPane(details);
        detailsScroll.setFitToWidth(true);
        VBox side = new VBox(detailsHeader, detailsScroll);
        VBox.setVgrow(detailsScroll, Priority.ALWAYS);
        side.setMinHeight(120);

        SplitPane split = new SplitPane(table, side);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        SplitPane.setResizableWithParent(side, false);

        BorderPane root = new BorderPane(split);
        root.setTop(filters);
        root.setId("reportSearchScreen");
        root.getStylesheets().add(ReportSearchView.class.getResource("supervision.css").toExternalForm());
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
