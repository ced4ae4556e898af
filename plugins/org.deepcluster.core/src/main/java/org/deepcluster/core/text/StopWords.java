package org.deepcluster.core.text;

import java.util.Set;

/** Stop-word lists for {@link Tokenizer}. */
public final class StopWords {

    /**
     * Common English function words (articles, pronouns, prepositions, conjunctions, auxiliary and modal verbs, a
     * few frequent adverbs), in lower case, each a single token as {@link Tokenizer} splits. Our own list, written for
     * this project (146 words), close in spirit to the short lists of classic information retrieval. It deliberately
     * keeps "not", "no", numbers and single letters other than "a" and "i" (the fragments of contractions such as
     * "don't" → "don", "t"), which carry meaning in biomedical text: "T-cell" gives "t", "cell".
     */
    public static final Set<String> ENGLISH = Set.of(
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could",
        "did", "do", "does", "doing", "down", "during",
        "each", "either",
        "few", "for", "from", "further",
        "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
        "however",
        "i", "if", "in", "into", "is", "it", "its", "itself",
        "just",
        "may", "me", "might", "more", "most", "must", "my", "myself",
        "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
        "same", "shall", "she", "should", "so", "some", "such",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "through", "thus", "to", "too",
        "under", "until", "up", "upon",
        "very",
        "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why",
        "will", "with", "within", "without", "would",
        "you", "your", "yours", "yourself", "yourselves",
        "via", "among", "because", "since", "although", "yet", "whereas", "onto", "per", "toward", "towards",
        "throughout");

    private StopWords() {
    }
}
