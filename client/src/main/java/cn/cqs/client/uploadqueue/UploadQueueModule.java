package cn.cqs.client.uploadqueue;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.shell.Module;
import cn.cqs.client.shell.ModuleContext;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.client.shell.OutboxStatus;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * The upload queue (上传队列) in the navigation, for every logged-in user (everyone's changes go
 * through the outbox), also opened from the status bar's pending count and the system menu
 * (module id {@link OutboxStatus#QUEUE_MODULE_ID}).
 */
public final class UploadQueueModule {
    private UploadQueueModule() {
    }

    /** Registers the module, working on the workspace {@code workspaces} supplies. */
    public static void registerIn(ModuleRegistry registry, Supplier<Optional<SessionWorkspace>> workspaces) {
        registry.register(new Module(OutboxStatus.QUEUE_MODULE_ID, "uploadQueue.module", Set.of(),
                context -> screen(context, workspaces)));
    }

    private static Node screen(ModuleContext context, Supplier<Optional<SessionWorkspace>> workspaces) {
        Optional<SessionWorkspace> open = workspaces.get();
        if (open.isEmpty()) {
            Label unavailable = new Label(Localization.get("uploadQueue.workspaceUnavailable"));
            unavailable.setWrapText(true);
            return unavailable;
        }
        SessionWorkspace w = open.get();
        UploadQueueViewModel vm = new UploadQueueViewModel(w.outbox(), w.drainer(), context.dialogs(),
                context.background(), Platform::runLater, Clock.systemUTC());
        Node view = UploadQueueView.create(vm);
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                vm.stop();
            } else {
                vm.start();
            }
        });
        vm.start();
        return view;
    }
}
