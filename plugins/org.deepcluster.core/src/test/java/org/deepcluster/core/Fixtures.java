package org.deepcluster.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference fixtures in {@code src/test/resources/fixtures} (made by {@code make_fixtures.py}). They are
 * plain comma-separated files with a header line and no quoting.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * @param name the file name inside the fixtures folder
     * @return one map per data line, from column name to text, in file order
     */
    public static List<Map<String, String>> readCsv(final String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + name + " is not on the test class path");
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            final String[] header = reader.readLine().split(",", -1);
            final List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                final String[] fields = line.split(",", -1);
                if (fields.length != header.length) {
                    throw new IllegalStateException(name + ": line has " + fields.length + " fields, header has "
                        + header.length + ": " + Arrays.toString(fields));
                }
                final Map<String, String> row = new LinkedHashMap<>();
                for (int j = 0; j < header.length; j++) {
                    row.put(header[j], fields[j]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param text integers separated by single spaces
     * @return the integers
     */
    public static int[] parseInts(final String text) {
        return Arrays.stream(text.split(" ")).mapToInt(Integer::parseInt).toArray();
    }
}
