package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.reports.FormGrid;
import cn.cqs.contract.batches.DosingState;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * 批次列表: filters over the table of batches (virtualised; rows load as they scroll into view), late
 * or missing notifications flagged in red; on the right the 待告知 panel, the selected batch with its
 * 开盘/完成告知 buttons, the delivery ticket (发货单) and the QR labels.
 */
public final class BatchListView {
    private BatchListView() {
    }

    public static Node create(BatchListViewModel vm) {
        TextField search = new TextField();
        search.setId("batchSearch");
        search.setPromptText(Localization.get("plant.batches.search.prompt"));
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(vm.textProperty());
        ComboBox<NoticeFilter> notice = new ComboBox<>();
        notice.setId("batchNoticeFilter");
        notice.getItems().setAll(NoticeFilter.values());
        notice.setButtonCell(noticeCell());
        notice.setCellFactory(l -> noticeCell());
        notice.valueProperty().bindBidirectional(vm.noticeProperty());
        ComboBox<DosingState> dosing = new ComboBox<>();
        dosing.setId("batchDosingFilter");
        List<DosingState> dosingChoices = new ArrayList<>();
        dosingChoices.add(null);
        dosingChoices.addAll(List.of(DosingState.values()));
        dosing.getItems().setAll(dosingChoices);
        dosing.setButtonCell(dosingCell());
        dosing.setCellFactory(l -> dosingCell());
        dosing.valueProperty().bindBidirectional(vm.dosingProperty());
        ComboBox<String> marking = new ComboBox<>(vm.markings());
        marking.setId("batchMarkingFilter");
        marking.setPromptText(Localization.get("plant.batches.marking.all"));
        marking.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String m) {
                return m == null || m.isEmpty() ? Localization.get("plant.batches.marking.all") : m;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        marking.setButtonCell(markingCell());
        marking.setCellFactory(l -> markingCell());
        marking.setPrefWidth(210);
        marking.valueProperty().bindBidirectional(vm.markingProperty());
        DatePicker from = new DatePicker();
        from.setId("batchFrom");
        from.setPrefWidth(125);
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("batchTo");
        to.setPrefWidth(125);
        to.valueProperty().bindBidirectional(vm.toProperty());
        PlantViews.isoDates(from, to);
        Label summary = new Label();
        summary.setId("batchSummary");
        summary.textProperty().bind(vm.summaryProperty());
        // wraps onto a second line in a narrow window rather than cutting the filter boxes
        HBox days = new HBox(6, new Label(Localization.get("plant.batches.days")), from, new Label("~"), to);
        days.setAlignment(Pos.CENTER_LEFT);
        FlowPane filters = new FlowPane(8, 6, search, notice, dosing, marking, days, summary);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<BatchRow> table = new TableView<>(vm.rows());
        cn.cqs.client.shell.ReadableHeaders.keep(table);
        table.setId("batchTable");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(PlantViews.column("plant.batches.col.serial", 210, BatchListViewModel::serial));
        table.getColumns().add(PlantViews.column("plant.batches.col.planned", 132, vm::planned));
        table.getColumns().add(PlantViews.column("plant.batches.col.project", 170, b -> b.projectName() == null ? ""
                : b.projectName()));
        table.getColumns().add(PlantViews.column("plant.batches.col.pour", 130, BatchRow::pourLocation));
        table.getColumns().add(PlantViews.column("plant.batches.col.buyer", 150, BatchRow::buyer));
        table.getColumns().add(PlantViews.column("plant.batches.col.marking", 170, BatchRow::marking));
        table.getColumns().add(PlantViews.column("plant.batches.col.volume", 55, b -> PlantTexts.decimal(b.volumeM3())));
        table.getColumns().add(PlantViews.column("plant.batches.col.start", 135, vm::startText));
        table.getColumns().add(PlantViews.column("plant.batches.col.end", 135, vm::endText));
        table.getColumns().add(PlantViews.column("plant.batches.col.dosing", 70, b -> PlantTexts.dosing(b.dosingState())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BatchRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("batch-flagged");
                if (!empty && item != null && vm.flagged(item)) {
                    getStyleClass().add("batch-flagged");
                }
            }
        });
        table.setPlaceholder(new Label(Localization.get("plant.batches.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });

        ListView<DueNotice> dueList = new ListView<>(vm.due());
        dueList.setId("dueList");
        dueList.setPrefHeight(120);
        dueList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DueNotice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : vm.dueText(item));
                setStyle(!empty && item != null && item.overdue() ? "-fx-text-fill: #b3261e;" : "");
            }
        });
        dueList.setPlaceholder(new Label(Localization.get("plant.due.none")));
        TitledPane duePane = new TitledPane();
        duePane.setId("duePane");
        duePane.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Localization.get("plant.due.title", vm.dueCountProperty().get()), vm.dueCountProperty()));
        duePane.setContent(dueList);

        Label detail = new Label();
        detail.setId("batchDetail");
        detail.setWrapText(true);
        detail.textProperty().bind(vm.detailProperty());

        Button trace = new Button(Localization.get("trace.batchList.trace"));
        trace.setId("batchTraceButton");
        trace.setVisible(vm.offersTrace());
        trace.setManaged(vm.offersTrace());
        trace.disableProperty().bind(vm.canTraceProperty().not());
        trace.setOnAction(e -> vm.traceSelected());
        Button dosingImport = new Button(Localization.get("trace.batchList.dosing"));
        dosingImport.setId("batchDosingImportButton");
        dosingImport.setVisible(vm.offersDosingImport());
        dosingImport.setManaged(vm.offersDosingImport());
        dosingImport.disableProperty().bind(vm.canTraceProperty().not());
        dosingImport.setOnAction(e -> vm.importDosingSelected());
        HBox batchActions = new HBox(8, trace, dosingImport);

        GridPane noticeGrid = new GridPane();
        noticeGrid.setHgap(6);
        noticeGrid.setVgap(4);
        FormGrid ng = new FormGrid(noticeGrid);
        ng.title(Localization.get("plant.notify.title"), null);
        PlantViews.row(ng, vm, "plant.notify.eventAt", PlantViews.field("notifyEventAt", vm.eventAtProperty(),
                "plant.time.prompt"), null, "eventAt");
        PlantViews.row(ng, vm, "plant.notify.produced", PlantViews.field("notifyProduced", vm.producedVolumeProperty(),
                null), "m³", "producedVolumeM3");
        Button start = new Button(Localization.get("plant.notify.start"));
        start.setId("notifyStart");
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.notifyStart());
        Button end = new Button(Localization.get("plant.notify.end"));
        end.setId("notifyEnd");
        end.disableProperty().bind(vm.canEndProperty().not());
        end.setOnAction(e -> vm.notifyEnd());
        ng.whole(new HBox(8, start, end), null);

        GridPane ticketGrid = new GridPane();
        ticketGrid.setHgap(6);
        ticketGrid.setVgap(4);
        FormGrid tg = new FormGrid(ticketGrid);
        tg.title(Localization.get("plant.ticket.title"), null);
        PlantViews.row(tg, vm, "plant.ticket.number", PlantViews.field("ticketNumber", vm.ticketNumberProperty(), null),
                null, "ticketNumber");
        PlantViews.row(tg, vm, "plant.ticket.truck", PlantViews.field("ticketTruck", vm.truckNumberProperty(), null),
                null, "truckNumber");
        PlantViews.row(tg, vm, "plant.ticket.volume", PlantViews.field("ticketVolume", vm.ticketVolumeProperty(), null),
                "m³", "volumeM3");
        PlantViews.row(tg, vm, "plant.ticket.departed", PlantViews.field("ticketDeparted", vm.departedAtProperty(),
                "plant.time.prompt"), null, "departedAt");
        PlantViews.row(tg, vm, "plant.ticket.place", PlantViews.field("ticketPlace", vm.deliveryPlaceProperty(), null),
                null, "deliveryPlace");
        Button ticket = new Button(Localization.get("plant.ticket.print"));
        ticket.setId("ticketPrint");
        ticket.disableProperty().bind(vm.canPrintProperty().not());
        ticket.setOnAction(e -> vm.printTicket());
        Spinner<Integer> count = new Spinner<>(1, PlantPrints.LABELS_PER_SHEET * 10, 6);
        count.setId("labelCount");
        count.setPrefWidth(80);
        count.getValueFactory().valueProperty().addListener((o, a, b) -> vm.labelCountProperty().set(b));
        Button labels = new Button(Localization.get("plant.labels.print"));
        labels.setId("labelsPrint");
        labels.disableProperty().bind(vm.canPrintProperty().not());
        labels.setOnAction(e -> vm.printLabels());
        tg.whole(new HBox(8, ticket), null);
        HBox labelLine = new HBox(8, new Label(Localization.get("plant.labels.count")), count, labels);
        labelLine.setAlignment(Pos.CENTER_LEFT);
        tg.whole(labelLine, null);

        VBox side = new VBox(10, duePane, detail, batchActions, noticeGrid, ticketGrid,
                PlantViews.message("batchMessage", vm.messageProperty()));
        side.setPadding(new Insets(4, 4, 4, 8));
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        keepFocusedInView(sideScroll, side);
        SplitPane split = new SplitPane(table, sideScroll);
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox root = new VBox(8, filters, split);
        root.setPadding(new Insets(6));
        root.getProperties().put(BatchListViewModel.class, vm);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                vm.stopTicking();
            } else {
                vm.startTicking();
            }
        });
        return root;
    }

    private static ListCell<NoticeFilter> noticeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(NoticeFilter item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : PlantTexts.noticeFilter(item));
            }
        };
    }

    /** A marking choice; the empty choice is 全部标记 (every marking). */
    private static ListCell<String> markingCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null || item.isEmpty() ? Localization.get("plant.batches.marking.all") : item);
            }
        };
    }

    private static ListCell<DosingState> dosingCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(DosingState item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : PlantTexts.dosing(item));
            }
        };
    }

    /**
     * Scrolls the side panel so the control that gets the keyboard focus is in view: at 1280×800
     * the ticket fields and buttons sit below the fold, and Tab must reach them visibly.
     */
    private static void keepFocusedInView(ScrollPane scroll, javafx.scene.Node content) {
        scroll.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((p, was, focused) -> scrollTo(scroll, content, focused));
            }
        });
    }

    private static void scrollTo(ScrollPane scroll, javafx.scene.Node content, javafx.scene.Node focused) {
        if (focused == null) {
            return;
        }
        javafx.scene.Node n = focused;
        while (n != null && n != content) {
            n = n.getParent();
        }
        if (n == null) {
            return;
        }
        javafx.geometry.Bounds inContent = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (inContent == null || contentHeight <= viewport) {
            return;
        }
        double top = scroll.getVvalue() * (contentHeight - viewport);
        double target = top;
        if (inContent.getMinY() < top) {
            target = inContent.getMinY();
        } else if (inContent.getMaxY() > top + viewport) {
            target = inContent.getMaxY() - viewport;
        }
        if (target != top) {
            scroll.setVvalue(Math.max(0, Math.min(1, target / (contentHeight - viewport))));
        }
    }
}
