package org.deepcluster.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static final Tokenizer ALL = new Tokenizer(false);
    private static final Tokenizer NO_STOP_WORDS = new Tokenizer(true);

    @Test
    void lowerCasesAndSplitsOnEverythingButLettersAndDigits() {
        assertEquals(List.of("il", "2", "activates", "t", "cells"), ALL.tokens("IL-2 activates T-cells."));
        assertEquals(List.of("don", "t", "cd4", "beta", "cell", "rna", "seq"), ALL.tokens("Don't CD4+ beta_cell RNA-seq"));
        assertEquals(List.of("ärzte", "naïve", "αβ", "t", "zellen"), ALL.tokens("  Ärzte:naïve (αβ T-Zellen)\t"));
        assertEquals(List.of("p53", "h2o"), ALL.tokens("p53/H2O"));
    }

    @Test
    void emptyAndNullTextsHaveNoTokens() {
        assertEquals(List.of(), ALL.tokens(null));
        assertEquals(List.of(), ALL.tokens(""));
        assertEquals(List.of(), ALL.tokens("!!! ... ---"));
    }

    @Test
    void handlesCharactersOutsideTheBasicPlane() {
        // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter made of two UTF-16 chars
        assertEquals(List.of("x\uD835\uDC00y", "z"), ALL.tokens("x\uD835\uDC00y z"));
    }

    @Test
    void removesEnglishStopWordsOnRequest() {
        assertEquals(List.of("effects", "insulin", "liver", "not", "mice"),
            NO_STOP_WORDS.tokens("The effects of insulin on the liver: not in mice"));
        assertEquals(List.of("the", "effects", "of", "insulin"), ALL.tokens("The effects of insulin"));
        assertTrue(NO_STOP_WORDS.removesStopWords());
    }

    @Test
    void stopWordsAreLowerCaseTokens() {
        assertEquals(146, StopWords.ENGLISH.size());
        for (final String w : StopWords.ENGLISH) {
            assertEquals(List.of(w), ALL.tokens(w), "a stop word must be a single lower-case token");
        }
    }
}
