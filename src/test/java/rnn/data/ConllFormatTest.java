package rnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllFormatTest {
    private static final Path NER = Path.of("src/test/resources/tagging/ner-iob1.conll");
    private static final Path POS = Path.of("src/test/resources/tagging/pos.conllu");

    @TempDir
    Path dir;

    @Test
    void readsConllSentencesSkippingDocumentStarts() {
        List<TaggedSentence> sentences = ConllFormat.conll(NER, 0, -1);
        assertEquals(3, sentences.size());
        assertEquals(new TaggedSentence(List.of("Maria", "Lopez", "visited", "Lisbon", "."),
                List.of("I-PER", "I-PER", "O", "I-LOC", "O")), sentences.get(0));
        assertEquals(List.of("I-ORG", "I-ORG", "B-ORG", "O", "I-PER", "O"), sentences.get(1).tags());
        assertEquals(List.of("Rain", "fell"), sentences.get(2).tokens());
        assertEquals(List.of("NNP", "NNP", "VBD", "NNP", "."), ConllFormat.conll(NER, 0, 1).get(0).tags());
    }

    @Test
    void columnsAreRunsBetweenSpacesAndTabs() {
        assertEquals(List.of("EU", "NNP", "B-NP", "B-ORG"), List.of(ConllFormat.columns("  EU NNP\tB-NP \t B-ORG \t")));
        assertEquals(List.of("word"), List.of(ConllFormat.columns("word")));
        assertEquals(List.of(""), List.of(ConllFormat.columns(" \t ")));   // as "".split gives
    }

    @Test
    void readsConlluWordsSkippingMultiwordRangesAndEmptyNodes() {
        List<TaggedSentence> sentences = ConllFormat.conllu(POS, ConllFormat.PosField.UPOS);
        assertEquals(new TaggedSentence(List.of("I", "ca", "n't", "go", "."),
                List.of("PRON", "AUX", "PART", "VERB", "PUNCT")), sentences.get(0));
        assertEquals(List.of("PRP", "MD", "RB", "VB", "."),
                ConllFormat.conllu(POS, ConllFormat.PosField.XPOS).get(0).tags());
        assertEquals(2, sentences.size());
    }

    @Test
    void aLeadingByteOrderMarkIsNotPartOfTheFirstToken() throws IOException {
        Path bom = Files.writeString(dir.resolve("bom.conll"), "\uFEFF" + Files.readString(NER));
        assertEquals(ConllFormat.conll(NER, 0, 3), ConllFormat.conll(bom, 0, 3));
    }

    @Test
    void gzippedFilesReadTheSame() throws IOException {
        Path gz = dir.resolve("ner.conll.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(NER));
        }
        assertEquals(ConllFormat.conll(NER, 0, 3), ConllFormat.conll(gz, 0, 3));
    }

    @Test
    void badLinesAreOneLineErrorsWithFileAndLine() throws IOException {
        Path short1 = Files.writeString(dir.resolve("a.conll"), "Maria NNP\n\nX Y Z W\n");
        assertEquals(short1 + ":1: expected at least 4 columns (token in column 1, tag in column 4), found 2",
                assertThrows(DataException.class, () -> ConllFormat.conll(short1, 0, 3)).getMessage());
        Path conllu = Files.writeString(dir.resolve("b.conllu"), "# c\n1 I I PRON PRP _ 0 root _ _\n");
        assertEquals(conllu + ":2: expected 10 tab-separated columns (CoNLL-U), found 1",
                assertThrows(DataException.class, () -> ConllFormat.conllu(conllu, ConllFormat.PosField.UPOS))
                        .getMessage());
        Path empty = Files.writeString(dir.resolve("c.conll"), "-DOCSTART- -X- O O\n\n");
        assertEquals(empty + ": no sentences",
                assertThrows(DataException.class, () -> ConllFormat.conll(empty, 0, -1)).getMessage());
        assertEquals(dir.resolve("none") + ": no such file", assertThrows(DataException.class,
                () -> ConllFormat.conll(dir.resolve("none"), 0, -1)).getMessage());
    }

    @Test
    void dataVecSequenceReaderGivesTokenAndTagPerStep() throws Exception {
        TaggedSentenceRecordReader reader = TaggedSentenceRecordReader.conll(0, 3);
        reader.initialize(new org.datavec.api.split.FileSplit(NER.toFile()));
        List<List<org.datavec.api.writable.Writable>> first = reader.sequenceRecord();
        assertEquals(5, first.size());
        assertEquals("Maria", first.get(0).get(0).toString());
        assertEquals("I-PER", first.get(0).get(1).toString());
        org.datavec.api.records.SequenceRecord second = reader.nextSequence();
        assertEquals("Kranz", second.getTimeStep(2).get(0).toString());
        assertEquals(second.getSequenceRecord(), reader.loadSequenceFromMetaData(second.getMetaData()).getSequenceRecord());
        assertEquals(List.of("Rain fell", "O O"), reader.next().stream().map(Object::toString).toList());
        assertEquals(false, reader.hasNext());
        reader.reset();
        assertEquals(5, reader.sequenceRecord().size());
    }

    @Test
    void blocksOfAFileReadAsTheFileDoes() throws IOException {
        List<String> lines = Files.readAllLines(NER);
        List<TaggedSentence> byBlock = new java.util.ArrayList<>();
        List<String> block = new java.util.ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                byBlock.addAll(ConllFormat.conll("ner", block, 0, -1));
                block.clear();
            } else {
                block.add(line);
            }
        }
        byBlock.addAll(ConllFormat.conll("ner", block, 0, -1));
        assertEquals(ConllFormat.conll(NER, 0, -1), byBlock);
        assertEquals(List.of(), ConllFormat.conll("ner", List.of("-DOCSTART- -X- O O"), 0, -1),
                "a block of a document start alone has no sentence");
        assertEquals("ner block 7:2: expected at least 4 columns (token in column 1, tag in column 4), found 2",
                assertThrows(DataException.class, () -> ConllFormat.conll("ner block 7",
                        List.of("EU NNP B-NP B-ORG", "rejects VBZ"), 0, 3)).getMessage());
        assertEquals("pos block 1:1: expected 10 tab-separated columns (CoNLL-U), found 1",
                assertThrows(DataException.class, () -> ConllFormat.conllu("pos block 1", List.of("word"),
                        ConllFormat.PosField.UPOS)).getMessage());
    }
}
