package cn.cqs.client.viewer;

import java.time.Instant;

/** A print that went to the printer: what the print record says. */
public record PrintedJob(String printerName, int copies, Instant printedAt) {
}
