package cn.cqs.client.batches.trace;

/**
 * Opens the 批次追溯 of a serial number in its own window: the plant's batch list and the regulators'
 * drill-down call it from their view models; {@link BatchTraceWindows} is the JavaFX implementation.
 */
@FunctionalInterface
public interface BatchTraceOpener {
    void open(String serialNumber);
}
