package org.deepcluster.core.text;

import java.util.Set;

/** Stop-word lists for {@link Tokenizer}. */
public final class StopWords {

    /**
     * Common English function words (articles, pronouns, prepositions, conjunctions, auxiliary and modal verbs, a
     * few frequent adverbs), in lower case and split the way {@link Tokenizer} splits (so "don't" appears as "don"
     * and "t"). Our own list, written for this project, close in spirit to the short lists of classic
     * information retrieval (154 words); it deliberately keeps words such as "not", "no" and numbers, which carry meaning in
     * biomedical text.
     */
    public static final Set<String> ENGLISH = Set.of(
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could",
        "did", "do", "does", "doing", "don", "down", "during",
        "each", "either",
        "few", "for", "from", "further",
        "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
        "however",
        "i", "if", "in", "into", "is", "it", "its", "itself",
        "just",
        "may", "me", "might", "more", "most", "must", "my", "myself",
        "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
        "s", "same", "shall", "she", "should", "so", "some", "such",
        "t", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "through", "thus", "to", "too",
        "under", "until", "up", "upon",
        "very",
        "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why",
        "will", "with", "within", "without", "would",
        "you", "your", "yours", "yourself", "yourselves",
        "via", "among", "because", "since", "although", "yet", "whereas", "onto", "per", "toward", "towards",
        "throughout", "ll", "re", "ve", "d", "m");

    private StopWords() {
    }
}
