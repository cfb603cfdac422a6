package cn.cqs.client.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two tables with the plant dosing overview's English headers, squeezed side by side into a narrow
 * window with the constrained resize policy the screens use: without {@link ReadableHeaders} the
 * headers are cut ("Missing…"), with it every header reads in full (the table scrolls instead).
 */
@ExtendWith(ApplicationExtension.class)
class ReadableHeadersTest {
    static final List<String> KEYS = List.of("plants.column.plant", "plants.column.batches", "plants.column.withData",
            "plants.column.within", "plants.column.out", "plants.column.missingData", "plants.column.late",
            "plants.column.missingNotifications");

    TableView<String> plain;
    TableView<String> readable;
    Stage stage;
    HBox both;

    @Start
    void start(Stage primary) {
        // a stage of its own: the primary stage is shared with later test classes and must keep its size
        Stage stage = new Stage();
        Localization.setLanguage(AppLanguage.ENGLISH);
        plain = table();
        readable = table();
        ReadableHeaders.keep(readable);
        both = new HBox(plain, readable);
        HBox.setHgrow(readable, Priority.ALWAYS);
        readable.setMaxWidth(Double.MAX_VALUE);
        plain.setPrefWidth(330);
        readable.setPrefWidth(330);
        stage.setScene(new Scene(both, 660, 300));
        stage.show();
        this.stage = stage;
    }

    @AfterEach
    void chinese(FxRobot robot) {
        robot.interact(stage::close);
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    static TableView<String> table() {
        TableView<String> table = new TableView<>();
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (String key : KEYS) {
            TableColumn<String, String> c = new TableColumn<>(Localization.get(key));
            c.setPrefWidth(60);
            table.getColumns().add(c);
        }
        table.getItems().add("row");
        return table;
    }

    @Test
    void everyHeaderReadsInFullOnceKept(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertThat(HeaderTexts.cut(plain)).as("the check sees cut headers").isNotEmpty();
            assertThat(HeaderTexts.cut(readable)).isEmpty();
            assertThat(readable.getColumns()).allMatch(c -> c.getWidth() >= c.getMinWidth() - 0.5);
            // too narrow for its columns: the table scrolls sideways rather than hiding the last ones
            assertThat(readable.getColumnResizePolicy()).isSameAs(TableView.UNCONSTRAINED_RESIZE_POLICY);
        });
        robot.interact(() -> {
            both.getChildren().remove(plain);
            stage.setWidth(1250); // within the headless test screen (1280 × 800)
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertThat(readable.getColumnResizePolicy()).isSameAs(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            assertThat(HeaderTexts.cut(readable)).isEmpty();
        });
    }
}
