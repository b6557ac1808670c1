package io.textgan.core.data.loaders;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 writes it: fields separated by commas, a field in double quotes may hold commas, line breaks and
 * doubled quotes (one quote each). Blank lines are ignored.
 */
final class CsvRecords {
    private CsvRecords() {
    }

    /** One record and the line it starts on. */
    record Row(int line, List<String> fields) {
    }

    static List<Row> parse(String text) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        int quoteStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                quoteStart = line;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, fields, field, rowStart);
                line++;
                rowStart = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IOException("a quoted field starting on line " + quoteStart + " is never closed");
        }
        endRow(rows, fields, field, rowStart);
        return rows;
    }

    private static void endRow(List<Row> rows, List<String> fields, StringBuilder field, int line) {
        fields.add(field.toString());
        field.setLength(0);
        if (fields.size() > 1 || !fields.get(0).isBlank()) {
            rows.add(new Row(line, List.copyOf(fields)));
        }
        fields.clear();
    }
}
