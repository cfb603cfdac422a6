package cn.cqs.client.supervision;

/** One labelled value of the opened report's details (already localised). */
public record DetailLine(String label, String value) {
}
