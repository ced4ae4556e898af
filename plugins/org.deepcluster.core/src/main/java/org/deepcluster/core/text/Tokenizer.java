package org.deepcluster.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text into word tokens, the first step from text to token-index sequences.
 *
 * <p>Exactly: the text is lower-cased with {@link String#toLowerCase(Locale) Locale.ROOT} (no locale-specific rules);
 * a token is a maximal run of Unicode letters and digits ({@link Character#isLetterOrDigit(int)}, on code points),
 * and every other character (space, punctuation, hyphen, apostrophe, symbol) separates tokens and is dropped. So
 * "IL-2 activates T-cells." gives {@code il, 2, activates, t, cells} and "don't" gives {@code don, t}. With stop-word
 * removal, tokens in {@link StopWords#ENGLISH} are dropped afterwards. Nothing else is done (no stemming, no
 * minimum length). Immutable and thread-safe.
 */
public final class Tokenizer {

    private final boolean removeStopWords;

    /** @param removeStopWords whether to drop the English stop words of {@link StopWords#ENGLISH} */
    public Tokenizer(final boolean removeStopWords) {
        this.removeStopWords = removeStopWords;
    }

    /** @return whether English stop words are dropped */
    public boolean removesStopWords() {
        return removeStopWords;
    }

    /**
     * @param text a text; null counts as empty
     * @return its tokens in text order (empty if it has none)
     */
    public List<String> tokens(final String text) {
        final List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        final String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < lower.length();) {
            final int c = lower.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                add(tokens, lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            add(tokens, lower.substring(start));
        }
        return tokens;
    }

    private void add(final List<String> tokens, final String token) {
        if (!removeStopWords || !StopWords.ENGLISH.contains(token)) {
            tokens.add(token);
        }
    }
}
