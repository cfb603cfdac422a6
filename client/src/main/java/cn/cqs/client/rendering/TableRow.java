package cn.cqs.client.rendering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a report's tables, as display-ready text: the table (section) it belongs to and its
 * cells from left to right. A template groups the rows by section, prints each section's heading
 * once and lays the cells out in that section's columns (fields {@code c1} to {@code c9}).
 *
 * @param section the table, e.g. {@code tensile}, {@code items}
 * @param cells   the cells, at most {@link #MAX_CELLS}; a blank cell prints as "/"
 */
public record TableRow(String section, List<String> cells) {

    /** The most cells a row has (fields c1 to c9 of every template). */
    public static final int MAX_CELLS = 9;
    /** The section of the single-item conclusions (检测项目、技术要求、检测结果、单项结论). */
    public static final String ITEMS = "items";

    public TableRow {
        PrintTexts.required(section, "section");
        cells = List.copyOf(cells);
        if (cells.isEmpty() || cells.size() > MAX_CELLS) {
            throw new IllegalArgumentException("cells: a row has 1 to " + MAX_CELLS + " cells, got " + cells.size());
        }
    }

    /** A row of the given cells. */
    public static TableRow of(String section, String... cells) {
        return new TableRow(section, List.of(cells));
    }

    /** The row as the template's fields: {@code section} and {@code c1} to {@code c9} (unused cells empty). */
    Map<String, String> fields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("section", section);
        for (int i = 0; i < MAX_CELLS; i++) {
            fields.put("c" + (i + 1), i < cells.size() ? Objects.requireNonNull(cells.get(i), "cells[" + i + "]") : "");
        }
        return fields;
    }
}
