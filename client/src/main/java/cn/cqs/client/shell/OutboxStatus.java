package cn.cqs.client.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * How many changes wait in the outbox to be uploaded (待上传的更改), shown in the main window's
 * status bar. The sync package implements it and updates the count on the JavaFX thread.
 */
public interface OutboxStatus {
    /** Id of the module that shows the outbox in detail (上传队列), opened from the status bar. */
    String QUEUE_MODULE_ID = "upload-queue";

    /** The number of changes not yet accepted by the server. */
    ReadOnlyIntegerProperty pendingCount();

    /** Whether an upload is running now (the status bar shows a progress indicator); never, by default. */
    default ReadOnlyBooleanProperty draining() {
        return new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
    }

    /** Whether the user paused uploading (the status bar says so); never, by default. */
    default ReadOnlyBooleanProperty paused() {
        return new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
    }

    /** For a client with no outbox: nothing ever waits. */
    static OutboxStatus empty() {
        ReadOnlyIntegerWrapper zero = new ReadOnlyIntegerWrapper(0);
        return zero::getReadOnlyProperty;
    }
}
