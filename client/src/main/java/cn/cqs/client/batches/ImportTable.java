package cn.cqs.client.batches;

import java.util.List;

/**
 * A table read from an import file: the header row and the data rows, each with its line (CSV) or
 * row number (Excel) as the user sees it in the file, so a bad row can be found there.
 */
public record ImportTable(List<String> header, List<Line> lines) {
    /** One data row. */
    public record Line(int number, List<String> cells) {
        public Line {
            cells = List.copyOf(cells);
        }

        /** The cell at {@code index}, stripped; "" when the row is shorter. */
        public String cell(int index) {
            return index < 0 || index >= cells.size() ? "" : cells.get(index).strip();
        }

        public boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    public ImportTable {
        header = List.copyOf(header);
        lines = List.copyOf(lines);
    }
}
