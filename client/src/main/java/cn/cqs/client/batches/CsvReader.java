package cn.cqs.client.batches;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV import file (RFC 4180): UTF-8 with or without a byte-order mark, comma-separated,
 * double quotes around cells that contain commas, quotes ({@code ""}) or line breaks. A file that is
 * not valid UTF-8 (e.g. saved as GBK by an old Excel) is refused with a message saying so.
 */
public final class CsvReader {
    private CsvReader() {
    }

    public static ImportTable read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file.getFileName() + " is not UTF-8 text; save it as \"CSV UTF-8\"", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(text);
    }

    /** Parses CSV text; the first non-empty row is the header. */
    static ImportTable parse(String text) {
        List<ImportTable.Line> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0) {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r') {
                continue;
            } else if (ch == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(new ImportTable.Line(rowStart, cells));
                cells = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new ImportTable.Line(rowStart, cells));
        }
        rows.removeIf(ImportTable.Line::blank);
        if (rows.isEmpty()) {
            return new ImportTable(List.of(), List.of());
        }
        return new ImportTable(rows.get(0).cells(), rows.subList(1, rows.size()));
    }
}
