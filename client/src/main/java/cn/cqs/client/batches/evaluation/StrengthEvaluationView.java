package cn.cqs.client.batches.evaluation;

import cn.cqs.client.shell.ReadableHeaders;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.evaluation.EvaluatedGroup;
import cn.cqs.contract.batches.evaluation.LotEvaluationMethod;
import cn.cqs.contract.batches.evaluation.StrengthCriterion;
import cn.cqs.contract.projects.Project;
import cn.cqs.contract.time.ChinaTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.control.Control;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * 强度评定, built in code: the lot's choice (project, strength class, pour location, σ0, method,
 * linked only), the summary (method, n, mfcu, fcu,min, Sfcu, λ), every criterion with both sides
 * (failed ones in red), the verdict, and the groups evaluated. Only binds to
 * {@link StrengthEvaluationViewModel}.
 */
public final class StrengthEvaluationView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ChinaTime.ZONE);

    private StrengthEvaluationView() {
    }

    public static Parent create(StrengthEvaluationViewModel vm) {
        ComboBox<Project> project = new ComboBox<>(vm.projects());
        project.setId("evaluationProject");
        project.setPrefWidth(260);
        project.setConverter(converter(p -> p == null ? "" : p.name()));
        project.valueProperty().bindBidirectional(vm.projectProperty());
        TextField grade = new TextField();
        grade.setId("evaluationStrengthClass");
        grade.setPrefColumnCount(5);
        grade.textProperty().bindBidirectional(vm.strengthClassProperty());
        TextField pour = new TextField();
        pour.setId("evaluationPourLocation");
        pour.setPromptText(Localization.get("evaluation.pourLocation.prompt"));
        pour.setPrefColumnCount(14);
        pour.textProperty().bindBidirectional(vm.pourLocationProperty());
        TextField sigma = new TextField();
        sigma.setId("evaluationSigma0");
        sigma.setPromptText(Localization.get("evaluation.sigma0.prompt"));
        sigma.setPrefColumnCount(12);
        sigma.textProperty().bindBidirectional(vm.sigma0Property());
        ComboBox<LotEvaluationMethod> method = new ComboBox<>(vm.methods());
        method.setId("evaluationMethod");
        method.setConverter(converter(StrengthEvaluationViewModel::methodText));
        method.valueProperty().bindBidirectional(vm.methodProperty());
        CheckBox linked = new CheckBox(Localization.get("evaluation.linkedOnly"));
        linked.setId("evaluationLinkedOnly");
        linked.selectedProperty().bindBidirectional(vm.linkedOnlyProperty());
        Button run = new Button(Localization.get("evaluation.run"));
        run.setId("evaluationRunButton");
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.busyProperty());
        run.setOnAction(e -> vm.evaluate());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("evaluationStatus");
        status.textProperty().bind(vm.statusProperty());
        // each label stays on one line with its field when the bar wraps (a narrow window, English)
        FlowPane bar = new FlowPane(12, 8, labelled(Localization.get("evaluation.project"), project),
                labelled(Localization.get("evaluation.strengthClass"), grade),
                labelled(Localization.get("evaluation.pourLocation"), pour),
                labelled("σ0", sigma), labelled(Localization.get("evaluation.method"), method), linked, run, progress,
                status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10));

        TableView<StrengthEvaluationViewModel.SummaryLine> summary = new TableView<>(vm.summary());
        summary.setId("evaluationSummary");
        summary.setPlaceholder(new Label(Localization.get("evaluation.empty")));
        summary.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        summary.getColumns().add(column("evaluation.column.item", 160, StrengthEvaluationViewModel.SummaryLine::label));
        summary.getColumns().add(column("evaluation.column.value", 160, StrengthEvaluationViewModel.SummaryLine::value));

        TableView<StrengthCriterion> criteria = new TableView<>(vm.criteria());
        criteria.setId("evaluationCriteria");
        criteria.setPlaceholder(new Label(Localization.get("evaluation.empty")));
        criteria.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        criteria.getColumns().add(column("evaluation.column.formula", 230, StrengthCriterion::formula));
        criteria.getColumns().add(column("evaluation.column.left", 100, c -> StrengthEvaluationViewModel.plain(c.left())));
        criteria.getColumns().add(column("evaluation.column.right", 100, c -> StrengthEvaluationViewModel.plain(c.right())));
        TableColumn<StrengthCriterion, String> passed = column("evaluation.column.passed", 80,
                c -> Localization.get(c.passed() ? "evaluation.passed" : "evaluation.failedCriterion"));
        passed.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                StrengthCriterion c = empty || getTableRow() == null ? null : getTableRow().getItem();
                setStyle(c == null ? "" : c.passed() ? "-fx-text-fill: #1b6e20; -fx-font-weight: bold;"
                        : "-fx-text-fill: #b3261e; -fx-font-weight: bold;");
            }
        });
        criteria.getColumns().add(passed);
        Label conclusion = new Label();
        conclusion.setId("evaluationConclusion");
        conclusion.textProperty().bind(vm.conclusionProperty());
        conclusion.styleProperty().bind(javafx.beans.binding.Bindings.when(vm.qualifiedProperty())
                .then("-fx-font-size: 16px; -fx-font-weight: bold; -fx-text-fill: #1b6e20;")
                .otherwise("-fx-font-size: 16px; -fx-font-weight: bold; -fx-text-fill: #b3261e;"));
        VBox result = new VBox(6, summary, criteria, conclusion);
        VBox.setVgrow(criteria, Priority.ALWAYS);
        summary.setPrefHeight(260);

        TableView<EvaluatedGroup> groups = new TableView<>(vm.groups());
        ReadableHeaders.keep(groups);
        groups.setId("evaluationGroups");
        groups.setPlaceholder(new Label(Localization.get("evaluation.noGroups")));
        groups.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        groups.getColumns().add(groupColumn("evaluation.group.reportNumber", 160, EvaluatedGroup::reportNumber));
        groups.getColumns().add(groupColumn("evaluation.group.lab", 190, EvaluatedGroup::labName));
        groups.getColumns().add(groupColumn("evaluation.group.part", 110, g -> g.projectPart() == null ? "" : g.projectPart()));
        groups.getColumns().add(groupColumn("evaluation.group.strength", 95, g -> g.strengthMpa().toPlainString()));
        groups.getColumns().add(groupColumn("evaluation.group.issued", 90, g -> DAY.format(g.issuedAt())));
        groups.getColumns().add(groupColumn("evaluation.group.batches", 200, g -> String.join(", ", g.serialNumbers())));

        SplitPane centre = new SplitPane(result, groups);
        centre.setDividerPositions(0.45);
        centre.setPadding(new Insets(0, 10, 10, 10));
        BorderPane root = new BorderPane(centre);
        root.setTop(bar);
        root.setId("strengthEvaluationScreen");
        root.getProperties().put(StrengthEvaluationViewModel.class, vm);
        return root;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choice boxes are not edited");
            }
        };
    }

    private static <S> TableColumn<S, String> column(String key, double width, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(Localization.get(key));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static TableColumn<EvaluatedGroup, String> groupColumn(String key, double width,
                                                                  Function<EvaluatedGroup, String> value) {
        return column(key, width, value);
    }

    /** A field's label and the field as one unit of the tool bar; the label names the field for screen readers. */
    private static HBox labelled(String text, Control field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, label, field);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
