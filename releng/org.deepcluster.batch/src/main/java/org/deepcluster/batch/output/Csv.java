package org.deepcluster.batch.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as in RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes are doubled,
 * records end with CRLF... except that we end records with LF (what R, pandas and KNIME's CSV Reader all accept).
 * A null field (a missing value) is written as an empty, unquoted field; an empty string as {@code ""}, so the
 * reader can tell them apart.
 */
public final class Csv {

    private Csv() {
    }

    /**
     * @param out the target
     * @param fields the fields of one record (null for missing)
     * @throws IOException if writing fails
     */
    public static void writeRecord(final Writer out, final List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String f = fields.get(i);
            if (f == null) {
                continue;
            }
            if (f.isEmpty() || f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0
                || f.indexOf('\r') >= 0 || !f.strip().equals(f)) {
                out.write('"');
                out.write(f.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(f);
            }
        }
        out.write('\n');
    }

    /**
     * Reads all records. Unquoted empty fields are null, quoted ones are empty strings.
     *
     * @param text the CSV text
     * @return the records
     * @throws IOException if a quote is not closed or text follows a closing quote
     */
    public static List<List<String>> parse(final String text) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            String field;
            if (text.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IOException("a quoted field is not closed (record " + (records.size() + 1) + ")");
                    }
                    char ch = text.charAt(i++);
                    if (ch != '"') {
                        sb.append(ch);
                    } else if (i < n && text.charAt(i) == '"') {
                        sb.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                field = sb.toString();
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    throw new IOException("unexpected text after a closing quote (record " + (records.size() + 1)
                        + ")");
                }
            } else {
                int start = i;
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
                field = i == start ? null : text.substring(start, i);
            }
            record.add(field);
            if (i >= n) {
                break;
            }
            char sep = text.charAt(i++);
            if (sep == '\r' && i < n && text.charAt(i) == '\n') {
                i++;
            }
            if (sep != ',') {
                records.add(record);
                record = new ArrayList<>();
            } else if (i >= n) {
                record.add(null);
            }
        }
        if (!record.isEmpty()) {
            records.add(record);
        }
        return records;
    }
}
