package rnn.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TagSchemeTest {
    private static final List<String> IOB1 = List.of("I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-LOC");
    private static final List<String> IOB2 = List.of("B-PER", "I-PER", "B-PER", "O", "B-LOC", "I-LOC");
    private static final List<String> BIOES = List.of("B-PER", "E-PER", "S-PER", "O", "B-LOC", "E-LOC");
    private static final List<Span> SPANS = List.of(new Span("PER", 0, 2), new Span("PER", 2, 3),
            new Span("LOC", 4, 6));

    @Test
    void everySchemeReadsToTheSameSpans() {
        assertEquals(SPANS, TagScheme.spans(IOB1));
        assertEquals(SPANS, TagScheme.spans(IOB2));
        assertEquals(SPANS, TagScheme.spans(BIOES));
    }

    @Test
    void convertsBetweenEverySchemePair() {
        for (List<String> from : List.of(IOB1, IOB2, BIOES)) {
            assertEquals(IOB1, TagScheme.IOB1.convert(from));
            assertEquals(IOB2, TagScheme.IOB2.convert(from));
            assertEquals(BIOES, TagScheme.BIOES.convert(from));
        }
    }

    @Test
    void illFormedSequencesReadAsConllevalReadsThem() {
        // I- after O starts an entity; a change of type ends one; E- or S- ends one; B- inside starts a new one.
        assertEquals(List.of(new Span("PER", 1, 2), new Span("LOC", 2, 3)),
                TagScheme.spans(List.of("O", "I-PER", "I-LOC", "O")));
        assertEquals(List.of(new Span("ORG", 0, 3)), TagScheme.spans(List.of("B-ORG", "I-ORG", "I-ORG")));
        assertEquals(List.of(new Span("ORG", 0, 2), new Span("ORG", 2, 3)),
                TagScheme.spans(List.of("B-ORG", "E-ORG", "I-ORG")));
        assertEquals(List.of(new Span("PER", 0, 1), new Span("PER", 1, 2)),
                TagScheme.spans(List.of("S-PER", "S-PER")));
        assertEquals(List.of(new Span("MISC", 0, 1), new Span("MISC", 1, 2)),
                TagScheme.spans(List.of("E-MISC", "E-MISC")));
    }

    @Test
    void tagsWithoutPrefixAreInsideTags() {
        assertEquals(List.of(new Span("PER", 0, 2)), TagScheme.spans(List.of("PER", "PER", "O")));
    }

    @Test
    void detectsTheSchemeOfTaggedSentences() {
        assertEquals(TagScheme.IOB1, TagScheme.detect(List.of(List.of("O"), IOB1)));
        assertEquals(TagScheme.IOB2, TagScheme.detect(List.of(IOB2, List.of("O", "B-MISC", "I-MISC"))));
        assertEquals(TagScheme.BIOES, TagScheme.detect(List.of(IOB2, BIOES)));
    }

    @Test
    void wellFormedSequencesUseOnlyAllowedMoves() {
        for (TagScheme scheme : TagScheme.values()) {
            List<String> tags = scheme.convert(IOB1);
            assertEquals(true, scheme.allowsStart(tags.get(0)), scheme.name());
            assertEquals(true, scheme.allowsEnd(tags.get(tags.size() - 1)), scheme.name());
            for (int i = 1; i < tags.size(); i++) {
                assertEquals(true, scheme.allows(tags.get(i - 1), tags.get(i)), scheme + ": " + tags);
            }
        }
        assertEquals(false, TagScheme.IOB2.allows("O", "I-PER"));
        assertEquals(false, TagScheme.IOB2.allows("B-LOC", "I-PER"));
        assertEquals(false, TagScheme.IOB2.allowsStart("I-PER"));
        assertEquals(false, TagScheme.IOB1.allows("O", "B-PER"));
        assertEquals(false, TagScheme.BIOES.allows("B-PER", "O"));
        assertEquals(false, TagScheme.BIOES.allows("E-PER", "I-PER"));
        assertEquals(false, TagScheme.BIOES.allowsEnd("I-PER"));
        assertEquals(false, TagScheme.BIOES.allowsStart("E-PER"));
        assertEquals(true, TagScheme.BIOES.allows("S-PER", "B-PER"));
    }
}
