package cn.cqs.client.reports;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.reports.ReportDraft;
import cn.cqs.contract.time.ChinaTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The sign-off queue screen (审核 or 批准), built in code: a table of the drafts waiting for the step,
 * the step's button (enabled only where {@link ReportSignOffViewModel#mayTake} allows, its tooltip
 * saying why not) and a refresh button. Binds only; the view model does the work.
 */
public final class ReportSignOffView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ChinaTime.ZONE);

    private ReportSignOffView() {
    }

    public static Parent create(ReportSignOffViewModel viewModel) {
        String key = viewModel.step() == ReportSignOffViewModel.Step.REVIEW ? "review" : "approve";
        TableView<ReportDraft> table = new TableView<>(viewModel.waiting());
        table.setId("signOffTable");
        table.getColumns().add(column(Localization.get("reports.lifecycle.column.number"), d -> d.reportNumber()));
        table.getColumns().add(column(Localization.get("reports.lifecycle.column.project"), d -> d.header().projectName()));
        table.getColumns().add(column(Localization.get("reports.lifecycle.column.author"), ReportDraft::authorName));
        table.getColumns().add(column(Localization.get("reports.lifecycle.column.reviewer"),
                d -> d.reviewerName() == null ? "" : d.reviewerName()));
        table.getColumns().add(column(Localization.get("reports.lifecycle.column.state"),
                d -> Localization.get("reports.lifecycle.state." + d.state().name())));
        table.getColumns().add(column(Localization.get("reports.lifecycle.column.updated"),
                d -> d.updatedAt() == null ? "" : TIME.format(d.updatedAt())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Localization.get("reports.lifecycle.empty")));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button take = new Button(Localization.get("reports.lifecycle." + key + ".action"));
        take.setId(key + "Button");
        take.setDefaultButton(true);
        take.setOnAction(e -> viewModel.take(table.getSelectionModel().getSelectedItem()));
        Label why = new Label();
        why.setId("signOffRefusal");
        why.setWrapText(true);
        Runnable gate = () -> {
            ReportDraft selected = table.getSelectionModel().getSelectedItem();
            take.setDisable(viewModel.busyProperty().get() || !viewModel.mayTake(selected));
            why.setText(selected == null ? "" : viewModel.refusal(selected).orElse(""));
        };
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> gate.run());
        viewModel.busyProperty().addListener((o, a, b) -> gate.run());
        gate.run();
        Button issue = new Button(Localization.get("reports.lifecycle.issue.action"));
        issue.setId("issueApprovedButton");
        issue.setOnAction(e -> viewModel.issue(table.getSelectionModel().getSelectedItem()));
        Runnable issueGate = () -> issue.setDisable(viewModel.busyProperty().get()
                || !viewModel.mayIssue(table.getSelectionModel().getSelectedItem()));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> issueGate.run());
        viewModel.busyProperty().addListener((o, a, b) -> issueGate.run());
        issueGate.run();
        Button issueExternal = new Button(Localization.get("reports.form.issueExternal"));
        issueExternal.setId("issueApprovedExternalButton");
        issueExternal.setOnAction(e -> viewModel.issueWithExternalPdf(table.getSelectionModel().getSelectedItem()));
        issueExternal.disableProperty().bind(issue.disableProperty());
        Button refresh = new Button(Localization.get("reports.lifecycle.refresh"));
        refresh.setId("signOffRefresh");
        refresh.setOnAction(e -> viewModel.reload());
        Label status = new Label();
        status.setId("signOffStatus");
        status.textProperty().bind(viewModel.statusProperty());
        HBox actions = new HBox(8, take, refresh, status);
        if (viewModel.step() == ReportSignOffViewModel.Step.APPROVE) {
            actions.getChildren().add(1, issue);
            actions.getChildren().add(2, issueExternal);
        }
        VBox root = new VBox(8, new Label(Localization.get("reports.lifecycle." + key + ".heading")), table, why, actions);
        root.setPadding(new Insets(12));
        return root;
    }

    private static TableColumn<ReportDraft, String> column(String title,
                                                          java.util.function.Function<ReportDraft, String> value) {
        TableColumn<ReportDraft, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
