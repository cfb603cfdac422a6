package cn.cqs.client.shell;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * How many changes wait in the outbox to be uploaded (待上传的更改), shown in the main window's
 * status bar. The sync package implements it and updates the count on the JavaFX thread.
 */
public interface OutboxStatus {

    /** The number of changes not yet accepted by the server. */
    ReadOnlyIntegerProperty pendingCount();

    /** For a client with no outbox: nothing ever waits. */
    static OutboxStatus empty() {
        ReadOnlyIntegerWrapper zero = new ReadOnlyIntegerWrapper(0);
        return zero::getReadOnlyProperty;
    }
}
