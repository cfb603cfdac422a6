package cn.cqs.client.viewer;

/**
 * One line of the viewer's print records (打印记录).
 *
 * @param pending true for a print made here whose record the server has not received yet
 */
public record PrintRow(String when, String who, String printer, int copies, boolean pending) {
}
