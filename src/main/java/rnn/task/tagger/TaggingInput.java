package rnn.task.tagger;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import rnn.data.ConllFormat;
import rnn.text.TagScheme;
import rnn.text.Token;
import rnn.text.Tokenizer;

/**
 * What {@code rnn tag} reads, cut into sentences that remember their source lines, so that the
 * output can repeat them with the predicted tags added:
 *
 * <ul>
 *   <li>{@link Format#TEXT}: one sentence per line, split by {@link Tokenizer} (words with an
 *       apostrophe suffix, and each other non-space character on its own); blank lines skipped;</li>
 *   <li>{@link Format#CONLL}: one token per line in column {@code tokenColumn}, blank lines between
 *       sentences, {@code -DOCSTART-} lines kept as they are;</li>
 *   <li>{@link Format#CONLLU}: CoNLL-U; comments, multiword ranges and empty nodes kept as they are.</li>
 * </ul>
 */
public final class TaggingInput {
    /** The input formats; {@link #detect} chooses one from the first lines. */
    public enum Format {
        TEXT, CONLL, CONLLU
    }

    /**
     * One sentence.
     *
     * @param lines      its source lines (for CoNLL formats: every line of the block, comments included)
     * @param tokenLines for each token, the index of its line in {@code lines} (empty for text)
     * @param tokens     the words
     * @param offsets    for text, each token's {@code [start, end)} in {@code text}; for CoNLL, in the space-joined tokens
     * @param text       the sentence's text: the line, or the tokens joined by spaces
     */
    public record Sentence(List<String> lines, List<Integer> tokenLines, List<String> tokens, List<int[]> offsets,
                           String text) {
    }

    private TaggingInput() {
    }

    /** CoNLL-U when the first line is a comment or a 10-column word line; CoNLL when the first lines are columns; else text. */
    public static Format detect(List<String> lines) {
        List<String> first = lines.stream().filter(l -> !l.isBlank()).limit(20).toList();
        if (first.isEmpty()) {
            return Format.TEXT;
        }
        String head = first.get(0);
        if (head.startsWith("#") || head.split("\t", -1).length == 10 && head.split("\t")[0].matches("\\d+")) {
            return Format.CONLLU;
        }
        if (head.startsWith("-DOCSTART-")) {
            return Format.CONLL;
        }
        int columns = ConllFormat.columns(head).length;
        boolean sameColumns = first.stream().allMatch(l -> ConllFormat.columns(l).length == columns);
        boolean blankBetween = lines.stream().limit(first.size() + 1).anyMatch(String::isBlank);
        return sameColumns && first.size() > 1 && (columns >= 2 || blankBetween) ? Format.CONLL : Format.TEXT;
    }

    /** The column of a CoNLL input that holds the words: the model's own when it was trained on CoNLL, else the first. */
    public static int tokenColumn(Format format, TaggerConfig.Data data) {
        return format == Format.CONLL && data.format() == TagFormat.CONLL ? data.tokenColumn() : 0;
    }

    /** The sentences of {@code lines} read as {@code format}. */
    public static List<Sentence> read(List<String> lines, Format format, int tokenColumn) {
        return new SentenceReader(lines.iterator(), format, tokenColumn).next(Integer.MAX_VALUE);
    }

    /**
     * Sentences read from lines a chunk at a time, so that an input of any size is tagged in the
     * memory of one chunk: each call takes lines until it has {@code max} sentences.
     */
    public static final class SentenceReader {
        private final Iterator<String> lines;
        private final Format format;
        private final int tokenColumn;
        private final Tokenizer tokenizer = new Tokenizer(false);
        private List<String> block = new ArrayList<>();

        public SentenceReader(Iterator<String> lines, Format format, int tokenColumn) {
            this.lines = lines;
            this.format = format;
            this.tokenColumn = tokenColumn;
        }

        /** Up to {@code max} more sentences; empty at the end of the input. */
        public List<Sentence> next(int max) {
            List<Sentence> out = new ArrayList<>();
            while (out.size() < max && lines.hasNext()) {
                String line = lines.next();
                if (format == Format.TEXT) {
                    List<Token> tokens = tokenizer.tokenize(line);
                    if (!tokens.isEmpty()) {
                        out.add(new Sentence(List.of(line), List.of(), tokens.stream().map(Token::text).toList(),
                                tokens.stream().map(t -> new int[] {t.start(), t.end()}).toList(), line));
                    }
                } else if (line.isBlank()) {
                    addBlock(block, format, tokenColumn, out);
                    block = new ArrayList<>();
                } else {
                    block.add(line);
                }
            }
            if (!lines.hasNext()) {
                addBlock(block, format, tokenColumn, out);
                block = new ArrayList<>();
            }
            return out;
        }
    }

    /** A block of lines becomes a sentence when it has tokens; a lone -DOCSTART- line is kept too. */
    private static void addBlock(List<String> block, Format format, int tokenColumn, List<Sentence> out) {
        if (block.isEmpty()) {
            return;
        }
        List<Integer> tokenLines = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            String line = block.get(i);
            String token = format == Format.CONLLU ? conlluWord(line) : conllToken(line, tokenColumn);
            if (token != null) {
                tokenLines.add(i);
                tokens.add(token);
            }
        }
        List<int[]> offsets = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String token : tokens) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            offsets.add(new int[] {text.length(), text.length() + token.length()});
            text.append(token);
        }
        out.add(new Sentence(List.copyOf(block), tokenLines, tokens, offsets, text.toString()));
    }

    private static String conllToken(String line, int tokenColumn) {
        String[] columns = ConllFormat.columns(line);
        if (columns[0].equals("-DOCSTART-")) {
            return null;
        }
        return columns[Math.min(tokenColumn, columns.length - 1)];
    }

    private static String conlluWord(String line) {
        if (line.startsWith("#")) {
            return null;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length < 2 || columns[0].contains("-") || columns[0].contains(".")) {
            return null;
        }
        return columns[1];
    }

    /**
     * Entity tags are written in the scheme of the input's own tags when a CoNLL input has them
     * in the model's tag column, otherwise in IOB2; null for tags without spans.
     */
    public static TagScheme outputScheme(TaggerConfig.Data data, Format format,
                                          List<Sentence> sentences) {
        if (data.tagScheme() == TagSchemeName.NONE) {
            return null;
        }
        if (format == Format.CONLL) {
            List<List<String>> given = new ArrayList<>();
            for (Sentence s : sentences.subList(0, Math.min(sentences.size(), 1000))) {
                List<String> tags = new ArrayList<>();
                for (int line : s.tokenLines()) {
                    String[] columns = ConllFormat.columns(s.lines().get(line));
                    int column = data.tagColumn() < 0 ? columns.length + data.tagColumn() : data.tagColumn();
                    if (column <= 0 || column >= columns.length || !isSpanTag(columns[column])) {
                        return TagScheme.IOB2;
                    }
                    tags.add(columns[column]);
                }
                given.add(tags);
            }
            return TagScheme.detect(given);
        }
        return TagScheme.IOB2;
    }

    /** O, or B-, I-, E- or S- before a type (what "O|[BIES]-.+" matches, without a regular expression per token). */
    private static boolean isSpanTag(String tag) {
        return tag.equals("O") || tag.length() > 2 && "BIES".indexOf(tag.charAt(0)) >= 0 && tag.charAt(1) == '-';
    }
}
