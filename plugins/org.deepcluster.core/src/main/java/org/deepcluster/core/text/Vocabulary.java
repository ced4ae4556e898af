package org.deepcluster.core.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A token vocabulary: token → index, for turning texts into the token-index sequences an LSTM autoencoder on tokens
 * reads. Index {@value #PADDING} is the padding (fills sequences shorter than the length), index {@value #UNKNOWN}
 * every token that is not in the vocabulary; the tokens have the indices 2, 3, …, {@link #size()} − 1. Immutable.
 *
 * <p>A vocabulary is either {@linkplain Builder built} from documents (the most frequent tokens) or
 * {@linkplain #of(List) given} as a list of entries, e.g. a vocabulary table saved from an earlier run, so that new
 * texts are encoded with the same indices.
 */
public final class Vocabulary {

    /** The index of the padding token. */
    public static final int PADDING = 0;

    /** The index of every token that is not in the vocabulary. */
    public static final int UNKNOWN = 1;

    /** The number of reserved indices (padding and unknown) before the first token. */
    public static final int RESERVED = 2;

    /**
     * One token of the vocabulary.
     *
     * @param token the token
     * @param index its index, at least {@link #RESERVED}
     * @param documentFrequency the number of documents it occurred in when the vocabulary was built (≥ 0; 0 if
     *            unknown)
     */
    public record Entry(String token, int index, long documentFrequency) {
    }

    private final List<Entry> entries; // in index order
    private final Map<String, Integer> indices;
    private final int size;

    private Vocabulary(final List<Entry> entries) {
        final List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(Entry::index));
        this.entries = Collections.unmodifiableList(sorted);
        this.indices = new HashMap<>();
        int max = RESERVED - 1;
        for (final Entry e : sorted) {
            indices.put(e.token(), e.index());
            max = Math.max(max, e.index());
        }
        this.size = max + 1;
    }

    /**
     * A vocabulary from given entries, e.g. read back from a vocabulary table.
     *
     * @param entries the tokens with their indices; the document frequencies are kept for display only
     * @return the vocabulary
     * @throws IllegalArgumentException if a token is null or empty, appears twice, or an index is below
     *             {@link #RESERVED} or appears twice (the message names the entry, counted from 0)
     */
    public static Vocabulary of(final List<Entry> entries) {
        final Set<String> tokens = new HashSet<>();
        final Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            final Entry e = entries.get(i);
            if (e.token() == null || e.token().isEmpty()) {
                throw new IllegalArgumentException("vocabulary entry " + i + " has no token");
            }
            if (e.index() < RESERVED) {
                throw new IllegalArgumentException("vocabulary entry " + i + " (\"" + e.token() + "\") has the index "
                    + e.index() + ", but indices " + PADDING + " (padding) and " + UNKNOWN + " (unknown token) are "
                    + "reserved: token indices start at " + RESERVED);
            }
            if (!tokens.add(e.token())) {
                throw new IllegalArgumentException("vocabulary entry " + i + ": the token \"" + e.token()
                    + "\" appears twice");
            }
            if (!seen.add(e.index())) {
                throw new IllegalArgumentException("vocabulary entry " + i + " (\"" + e.token() + "\"): the index "
                    + e.index() + " appears twice");
            }
        }
        return new Vocabulary(entries);
    }

    /** @return the number of indices: the largest token index + 1 (at least {@link #RESERVED}) */
    public int size() {
        return size;
    }

    /** @return the entries in index order */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * @param token a token
     * @return its index, or {@link #UNKNOWN} if it is not in the vocabulary
     */
    public int index(final String token) {
        return indices.getOrDefault(token, UNKNOWN);
    }

    /**
     * Encodes a token list as a fixed-length index sequence: the first {@code length} tokens (longer lists are
     * truncated at the end), then padding.
     *
     * @param tokens the tokens of one document
     * @param length the sequence length T, at least 1
     * @param target receives the T indices from {@code offset} on
     * @param offset where in {@code target} to start
     */
    public void encode(final List<String> tokens, final int length, final int[] target, final int offset) {
        final int n = Math.min(length, tokens.size());
        for (int s = 0; s < n; s++) {
            target[offset + s] = index(tokens.get(s));
        }
        for (int s = n; s < length; s++) {
            target[offset + s] = PADDING;
        }
    }

    /**
     * Counts in how many documents each token occurs and keeps the most frequent ones. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, long[]> documentFrequency = new HashMap<>();
        private long documents;

        /**
         * @param tokens the tokens of one document (each distinct token counts once)
         * @return this builder
         */
        public Builder add(final Collection<String> tokens) {
            documents++;
            for (final String token : new HashSet<>(tokens)) {
                documentFrequency.computeIfAbsent(token, t -> new long[1])[0]++;
            }
            return this;
        }

        /** @return the number of documents added */
        public long documents() {
            return documents;
        }

        /** @return the number of distinct tokens seen */
        public int distinctTokens() {
            return documentFrequency.size();
        }

        /**
         * Keeps the {@code maxSize − 2} tokens with the highest document frequency among those that occur in at least
         * {@code minDocumentFrequency} documents; ties are broken by the token's natural (UTF-16) order, so the
         * result does not depend on the order of the documents. The most frequent token gets index 2.
         *
         * @param maxSize the vocabulary size V including padding and unknown, at least 3
         * @param minDocumentFrequency the minimum number of documents a token must occur in, at least 1
         * @return the vocabulary (smaller than {@code maxSize} if fewer tokens qualify)
         * @throws IllegalArgumentException if a limit is out of range
         */
        public Vocabulary build(final int maxSize, final int minDocumentFrequency) {
            if (maxSize < RESERVED + 1) {
                throw new IllegalArgumentException("the vocabulary size must be at least " + (RESERVED + 1)
                    + " (padding, unknown token and at least one token), got " + maxSize);
            }
            if (minDocumentFrequency < 1) {
                throw new IllegalArgumentException("the minimum document frequency must be at least 1, got "
                    + minDocumentFrequency);
            }
            final List<Map.Entry<String, long[]>> candidates = new ArrayList<>();
            for (final Map.Entry<String, long[]> e : documentFrequency.entrySet()) {
                if (e.getValue()[0] >= minDocumentFrequency) {
                    candidates.add(e);
                }
            }
            candidates.sort((a, b) -> {
                final int byFrequency = Long.compare(b.getValue()[0], a.getValue()[0]);
                return byFrequency != 0 ? byFrequency : a.getKey().compareTo(b.getKey());
            });
            final int kept = Math.min(candidates.size(), maxSize - RESERVED);
            final List<Entry> entries = new ArrayList<>(kept);
            for (int i = 0; i < kept; i++) {
                final Map.Entry<String, long[]> e = candidates.get(i);
                entries.add(new Entry(e.getKey(), RESERVED + i, e.getValue()[0]));
            }
            return new Vocabulary(entries);
        }
    }

    @Override
    public String toString() {
        return "Vocabulary[" + entries.size() + " tokens, size " + size + "]";
    }
}
