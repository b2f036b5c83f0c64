package rnn.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpanReportTest {
    /** The example of the seqeval README: F1 0.50, accuracy 0.80. */
    @Test
    void seqevalReadmeExample() {
        List<List<String>> gold = List.of(List.of("O", "O", "O", "B-MISC", "I-MISC", "I-MISC", "O"),
                List.of("B-PER", "I-PER", "O"));
        List<List<String>> predicted = List.of(List.of("O", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "O"),
                List.of("B-PER", "I-PER", "O"));
        SpanReport r = SpanReport.of(gold, predicted);
        assertEquals(0.50, r.overall().f1(), 1e-12);
        assertEquals(0.50, r.overall().precision(), 1e-12);
        assertEquals(0.80, r.accuracy(), 1e-12);
        assertEquals(0.0, r.types().get("MISC").f1(), 1e-12);
        assertEquals(1.0, r.types().get("PER").f1(), 1e-12);
    }

    @Test
    void iob1CountsAdjacentEntitiesOfOneTypeApart() {
        List<List<String>> gold = List.of(List.of("I-PER", "I-PER", "B-PER", "O", "I-LOC"));
        List<List<String>> predicted = List.of(List.of("I-PER", "I-PER", "B-PER", "O", "I-ORG"));
        SpanReport r = SpanReport.of(gold, predicted);
        assertEquals(new SpanReport.Scores(3, 3, 2, 2 / 3.0, 2 / 3.0, 2 / 3.0), r.overall());
        assertEquals(new SpanReport.Scores(2, 2, 2, 1, 1, 1), r.types().get("PER"));
        assertEquals(new SpanReport.Scores(1, 0, 0, 0, 0, 0), r.types().get("LOC"));
        assertEquals(new SpanReport.Scores(0, 1, 0, 0, 0, 0), r.types().get("ORG"));
        assertEquals(0.8, r.accuracy(), 1e-12);

        // Merged: the predicted I-PER I-PER I-PER is one entity, matching neither gold PER.
        SpanReport merged = SpanReport.of(gold, List.of(List.of("I-PER", "I-PER", "I-PER", "O", "I-LOC")));
        assertEquals(new SpanReport.Scores(3, 2, 1, 0.5, 1 / 3.0, 0.4), merged.overall());
    }

    @Test
    void bioesSingletonsAreEntitiesOfTheirOwn() {
        List<List<String>> gold = List.of(List.of("S-PER", "S-PER", "B-ORG", "I-ORG", "E-ORG", "O"));
        SpanReport r = SpanReport.of(gold, List.of(List.of("S-PER", "S-PER", "B-ORG", "I-ORG", "I-ORG", "O")));
        assertEquals(new SpanReport.Scores(3, 3, 3, 1, 1, 1), r.overall());
        assertEquals(5 / 6.0, r.accuracy(), 1e-12);
        SpanReport wrong = SpanReport.of(gold, List.of(List.of("B-PER", "E-PER", "B-ORG", "E-ORG", "O", "O")));
        assertEquals(new SpanReport.Scores(3, 2, 0, 0, 0, 0), wrong.overall());
    }

    @Test
    void entitiesNeverCrossSentenceBoundaries() {
        SpanReport r = SpanReport.of(List.of(List.of("O", "B-PER"), List.of("I-PER", "O")),
                List.of(List.of("O", "B-PER"), List.of("I-PER", "O")));
        assertEquals(new SpanReport.Scores(2, 2, 2, 1, 1, 1), r.overall());
    }

    @Test
    void tableFollowsConlleval() {
        String table = SpanReport.of(List.of(List.of("B-PER", "O")), List.of(List.of("B-PER", "O"))).toTable();
        assertEquals("""
                processed 2 tokens with 1 entities; found: 1 entities; correct: 1.
                accuracy: 100.00%; precision: 100.00%; recall: 100.00%; F1: 100.00
                95% CI over sentences: F1 100.00-100.00; accuracy 100.00-100.00
                PER: precision: 100.00%; recall: 100.00%; F1: 100.00  1
                """, table);
    }
}
