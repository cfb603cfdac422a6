package cn.cqs.client.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The JavaFX dialog service: owner window set, safe default for confirmations, exception details. */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {
    Stage owner;
    FxDialogService dialogs;

    @Start
    void start(Stage stage) {
        Localization.setLanguage(AppLanguage.CHINESE);
        owner = stage;
        dialogs = new FxDialogService(() -> owner);
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    Stage openDialog() throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> Window.getWindows().stream().anyMatch(w -> w != owner && w.isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
        return (Stage) Window.getWindows().stream().filter(w -> w != owner && w.isShowing()).findFirst().orElseThrow();
    }

    @Test
    void enterAnswersNoBecauseNoIsTheSafeDefault(FxRobot robot) throws Exception {
        AtomicReference<Boolean> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(dialogs.confirm("删除", "确定删除吗？")));

        Stage dialog = openDialog();
        assertThat(dialog.getOwner()).isSameAs(owner);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> answer.get() != null);
        assertThat(answer.get()).isFalse();
    }

    @Test
    void choosingYesConfirms(FxRobot robot) throws Exception {
        AtomicReference<Boolean> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(dialogs.confirm("删除", "确定删除吗？")));

        openDialog();
        robot.clickOn("是");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> answer.get() != null);
        assertThat(answer.get()).isTrue();
    }

    @Test
    void exceptionsAreShownWithTheirDetails(FxRobot robot) throws Exception {
        Platform.runLater(() -> dialogs.showException("出错了", "保存失败。", new IllegalStateException("disk full")));

        Stage dialog = openDialog();
        assertThat(dialog.getOwner()).isSameAs(owner);
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        assertThat(pane.getContentText()).isEqualTo("保存失败。");
        TextArea details = (TextArea) pane.getExpandableContent().lookup(".text-area");
        assertThat(details.getText()).contains("IllegalStateException: disk full").contains("FxDialogServiceTest");
        robot.interact(dialog::close);
    }

    @Test
    void buttonsSpeakTheChosenLanguageNotTheJvmsLocale(FxRobot robot) throws Exception {
        java.util.Locale jvmLocale = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.ENGLISH);
        try {
            Platform.runLater(() -> dialogs.showInformation("提示", "已保存。"));
            Stage info = openDialog();
            DialogPane pane = (DialogPane) info.getScene().getRoot();
            assertThat(pane.getButtonTypes()).extracting(javafx.scene.control.ButtonType::getText).containsExactly("确定");
            robot.clickOn("确定");

            AtomicReference<java.util.Optional<char[]>> password = new AtomicReference<>();
            Platform.runLater(() -> password.set(dialogs.askPassword("证书", "请输入密码")));
            Stage prompt = openDialog();
            assertThat(((DialogPane) prompt.getScene().getRoot()).getButtonTypes())
                    .extracting(javafx.scene.control.ButtonType::getText).containsExactly("确定", "取消");
            robot.clickOn("取消");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> password.get() != null);
            assertThat(password.get()).isEmpty();
        } finally {
            java.util.Locale.setDefault(jvmLocale);
        }
    }

    @Test
    void aChoiceOpensOnTheInitialItemAndReturnsTheOnePicked(FxRobot robot) throws Exception {
        AtomicReference<java.util.Optional<String>> answer = new AtomicReference<>();
        java.util.List<String> corners = java.util.List.of("末页 右下角", "末页 左下角", "首页 右上角");
        Platform.runLater(() -> answer.set(dialogs.choose("用外部 PDF 签发", "二维码加盖在哪里？", corners, "末页 右下角")));

        Stage dialog = openDialog();
        assertThat(dialog.getOwner()).isSameAs(owner);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> box = (javafx.scene.control.ComboBox<String>) dialog.getScene().getRoot()
                .lookup(".combo-box");
        assertThat(box.getValue()).isEqualTo("末页 右下角");
        robot.interact(() -> box.getSelectionModel().select("首页 右上角"));
        java.nio.file.Path shot = java.nio.file.Path.of("target", "screens", "choice-dialog.png");
        java.nio.file.Files.createDirectories(shot.getParent());
        robot.interact(() -> {
            try {
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(dialog.getScene().snapshot(null), null),
                        "png", shot.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        robot.clickOn("确定");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> answer.get() != null);
        assertThat(answer.get()).contains("首页 右上角");
    }

    @Test
    void cancellingAChoiceAnswersNothing(FxRobot robot) throws Exception {
        AtomicReference<java.util.Optional<String>> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(dialogs.choose("选择", "哪一个？", java.util.List.of("甲", "乙"), "乙")));
        openDialog();
        robot.clickOn("取消");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> answer.get() != null);
        assertThat(answer.get()).isEmpty();
    }
}
