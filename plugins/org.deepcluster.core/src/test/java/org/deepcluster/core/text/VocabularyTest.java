package org.deepcluster.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class VocabularyTest {

    /** Generated texts with scikit-learn's document frequencies: fixtures/text/make_vocabulary_fixture.py. */
    private static JsonObject fixture() throws IOException {
        try (InputStream in = VocabularyTest.class.getResourceAsStream("/fixtures/text/vocabulary.json")) {
            return new JsonParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    @Test
    void documentFrequenciesAndChoiceMatchScikitLearn() throws IOException {
        final JsonObject f = fixture();
        final Tokenizer tokenizer = new Tokenizer(false);
        final Vocabulary.Builder builder = new Vocabulary.Builder();
        final List<String> documents = new ArrayList<>();
        for (final JsonElement d : f.getAsJsonArray("documents")) {
            documents.add(d.getAsString());
            builder.add(tokenizer.tokens(d.getAsString()));
        }
        assertEquals(documents.size(), builder.documents());
        final JsonObject df = f.getAsJsonObject("documentFrequency");
        assertEquals(df.size(), builder.distinctTokens());

        // all tokens (size large enough, min df 1): every document frequency as scikit-learn counts it
        final Vocabulary all = builder.build(1000, 1);
        assertEquals(df.size() + 2, all.size());
        for (final Vocabulary.Entry e : all.entries()) {
            assertEquals(df.get(e.token()).getAsLong(), e.documentFrequency(), e.token());
        }

        final Vocabulary v = builder.build(f.get("size").getAsInt(), f.get("minDocumentFrequency").getAsInt());
        final JsonArray expected = f.getAsJsonArray("vocabulary");
        assertEquals(f.get("size").getAsInt(), v.size());
        for (int i = 0; i < expected.size(); i++) {
            final Vocabulary.Entry e = v.entries().get(i);
            assertEquals(expected.get(i).getAsString(), e.token());
            assertEquals(i + 2, e.index());
            assertEquals(e.index(), v.index(e.token()));
        }
    }

    @Test
    void theResultDoesNotDependOnTheDocumentOrder() throws IOException {
        final List<List<String>> documents = new ArrayList<>();
        final Tokenizer tokenizer = new Tokenizer(true);
        for (final JsonElement d : fixture().getAsJsonArray("documents")) {
            documents.add(tokenizer.tokens(d.getAsString()));
        }
        final Vocabulary.Builder forward = new Vocabulary.Builder();
        documents.forEach(forward::add);
        Collections.reverse(documents);
        final Vocabulary.Builder backward = new Vocabulary.Builder();
        documents.forEach(backward::add);
        assertEquals(forward.build(10, 2).entries(), backward.build(10, 2).entries());
    }

    @Test
    void minimumDocumentFrequencyCanLeaveASmallerVocabulary() {
        final Vocabulary.Builder b = new Vocabulary.Builder();
        b.add(List.of("a", "b", "b")).add(List.of("a", "c")).add(List.of("a", "b"));
        final Vocabulary v = b.build(100, 2);
        assertEquals(List.of(new Vocabulary.Entry("a", 2, 3), new Vocabulary.Entry("b", 3, 2)), v.entries());
        assertEquals(4, v.size());
        assertEquals(Vocabulary.UNKNOWN, v.index("c"));
        // ties by token: b and c both in 1 document with min df 1 and room for two tokens
        final Vocabulary small = new Vocabulary.Builder().add(List.of("c", "b", "z")).add(List.of("z")).build(4, 1);
        assertEquals(List.of("z", "b"), small.entries().stream().map(Vocabulary.Entry::token).toList());
    }

    @Test
    void encodesWithPaddingAndTruncationAtTheEnd() {
        final Vocabulary v = Vocabulary.of(List.of(new Vocabulary.Entry("x", 2, 0), new Vocabulary.Entry("y", 3, 0)));
        final int[] target = new int[9];
        v.encode(List.of("y", "q", "x"), 4, target, 1);
        v.encode(List.of("x", "y", "x", "y", "x"), 4, target, 5);
        assertArrayEquals(new int[]{0, 3, 1, 2, 0, 2, 3, 2, 3}, target);
        final int[] empty = {7, 7};
        v.encode(List.of(), 2, empty, 0);
        assertArrayEquals(new int[]{0, 0}, empty);
    }

    @Test
    void givenEntriesAreChecked() {
        final Vocabulary v = Vocabulary.of(List.of(new Vocabulary.Entry("b", 5, 1), new Vocabulary.Entry("a", 2, 9)));
        assertEquals(6, v.size());
        assertEquals("a", v.entries().get(0).token());
        assertEquals(2, Vocabulary.of(List.of()).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Vocabulary.of(List.of(new Vocabulary.Entry("a", 1, 0))));
        assertTrue(e.getMessage().startsWith("vocabulary entry 0 (\"a\") has the index 1, but indices 0 (padding) and 1"),
            e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> Vocabulary.of(List.of(new Vocabulary.Entry("a", 2, 0), new Vocabulary.Entry("a", 3, 0))));
        assertEquals("vocabulary entry 1: the token \"a\" appears twice", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> Vocabulary.of(List.of(new Vocabulary.Entry("a", 2, 0), new Vocabulary.Entry("b", 2, 0))));
        assertEquals("vocabulary entry 1 (\"b\"): the index 2 appears twice", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> Vocabulary.of(List.of(new Vocabulary.Entry("", 2, 0))));
        assertEquals("vocabulary entry 0 has no token", e.getMessage());
    }

    @Test
    void buildLimitsAreChecked() {
        final Vocabulary.Builder b = new Vocabulary.Builder().add(List.of("a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.build(2, 1));
        assertTrue(e.getMessage().startsWith("the vocabulary size must be at least 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.build(3, 0));
        assertTrue(e.getMessage().startsWith("the minimum document frequency must be at least 1"), e.getMessage());
    }
}
