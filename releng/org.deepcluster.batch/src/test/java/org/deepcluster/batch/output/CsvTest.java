package org.deepcluster.batch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4180 quoting, and missing values distinguished from empty strings. */
class CsvTest {

    private static String write(final List<List<String>> records) throws IOException {
        StringWriter w = new StringWriter();
        for (List<String> r : records) {
            Csv.writeRecord(w, r);
        }
        return w.toString();
    }

    @Test
    void quotesWhatNeedsQuoting() throws IOException {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",,\"\",\" padded\"\n",
            write(List.of(Arrays.asList("a", "b,c", "say \"hi\"", "two\nlines", null, "", " padded"))));
    }

    @Test
    void roundTrip() throws IOException {
        List<List<String>> records = List.of(Arrays.asList("RowID", "x", "label"),
            Arrays.asList("Row0", "1.0", "a,b"), Arrays.asList("Row1", null, ""), Arrays.asList("Row\r\n2", "NaN", null),
            Arrays.asList("\"", "-0.0", " x "));
        assertEquals(records, Csv.parse(write(records)));
    }

    @Test
    void readsCrLfAndRejectsBrokenQuotes() throws IOException {
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), Csv.parse("a,b\r\nc,d\r\n"));
        assertThrows(IOException.class, () -> Csv.parse("\"open"));
        assertThrows(IOException.class, () -> Csv.parse("\"a\"b,c\n"));
    }
}
