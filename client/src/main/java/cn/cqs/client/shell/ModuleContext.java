package cn.cqs.client.shell;

import cn.cqs.client.api.UserSession;
import cn.cqs.client.dialogs.DialogService;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * What a module's screen gets from the shell when it is created: the session (API client and
 * user), the dialog service, an executor for background tasks, the connection state and the
 * outbox status.
 */
public record ModuleContext(UserSession session, DialogService dialogs, Executor background,
                            ReadOnlyObjectProperty<ConnectionState> connectionState, OutboxStatus outbox) {
}
