package rnn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads tagged sentences from the two column formats of sequence labelling, plain or gzipped:
 *
 * <ul>
 *   <li>{@link #conll}: CoNLL-2003 style, one token a line with columns separated by spaces or
 *       tabs (the token and the tag in the columns the caller names), blank lines between
 *       sentences, and {@code -DOCSTART-} lines between documents (skipped).</li>
 *   <li>{@link #conllu}: CoNLL-U, ten tab-separated columns, {@code #} comment lines, blank lines
 *       between sentences. The tagged units are the syntactic words: a multiword token's range
 *       line ({@code 3-4}) is skipped, as are empty nodes ({@code 5.1}), as the format defines for
 *       part-of-speech tagging.</li>
 * </ul>
 *
 * <p>Problems are one-line {@link DataException}s naming the file and line.
 */
public final class ConllFormat {
    /** The CoNLL-U columns a tagger can learn. */
    public enum PosField {
        UPOS(3), XPOS(4);

        final int column;

        PosField(int column) {
            this.column = column;
        }
    }

    private ConllFormat() {
    }

    /**
     * The columns of a CoNLL line: the runs of characters between spaces and tabs. (A hand loop
     * rather than a regular expression: {@code rnn tag} splits every line, and a run that short
     * should not spend a core compiling {@code java.util.regex}.)
     */
    public static String[] columns(String line) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean separator = i == line.length() || line.charAt(i) == ' ' || line.charAt(i) == '\t';
            if (separator && start >= 0) {
                out.add(line.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return out.isEmpty() ? new String[] {""} : out.toArray(String[]::new);
    }

    /**
     * Sentences of a CoNLL-2003 style file.
     *
     * @param tokenColumn column of the token, from 0
     * @param tagColumn   column of the tag, from 0; negative counts from the end (-1 is the last)
     */
    public static List<TaggedSentence> conll(Path path, int tokenColumn, int tagColumn) {
        return read(path, conllParser(path.toString(), tokenColumn, tagColumn));
    }

    /**
     * Sentences of lines of a CoNLL-2003 style file (a block between blank lines, say), possibly
     * none; {@code source} names them in errors, with the line's number among {@code lines}.
     */
    public static List<TaggedSentence> conll(String source, List<String> lines, int tokenColumn, int tagColumn) {
        return read(lines.iterator(), conllParser(source, tokenColumn, tagColumn));
    }

    private static LineParser conllParser(String path, int tokenColumn, int tagColumn) {
        return (line, number) -> {
            String[] columns = columns(line);
            if (columns[0].equals("-DOCSTART-")) {
                return BOUNDARY;
            }
            int tag = tagColumn < 0 ? columns.length + tagColumn : tagColumn;
            if (tokenColumn >= columns.length || tag < 0 || tag >= columns.length) {
                int needed = Math.max(tokenColumn, tagColumn < 0 ? -tagColumn - 1 : tagColumn) + 1;
                throw new DataException(path + ":" + number + ": expected at least " + needed + " columns (token in column "
                        + (tokenColumn + 1) + ", tag in column " + (tagColumn < 0 ? tagColumn + " from the end"
                        : String.valueOf(tagColumn + 1)) + "), found " + columns.length);
            }
            return new String[] {columns[tokenColumn], columns[tag]};
        };
    }

    /** Sentences of a CoNLL-U file, tagged with {@code field}. */
    public static List<TaggedSentence> conllu(Path path, PosField field) {
        return read(path, conlluParser(path.toString(), field));
    }

    /** Sentences of lines of a CoNLL-U file, possibly none, as {@link #conll(String, List, int, int)}. */
    public static List<TaggedSentence> conllu(String source, List<String> lines, PosField field) {
        return read(lines.iterator(), conlluParser(source, field));
    }

    private static LineParser conlluParser(String path, PosField field) {
        return (line, number) -> {
            if (line.startsWith("#")) {
                return null;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 10) {
                throw new DataException(path + ":" + number + ": expected 10 tab-separated columns (CoNLL-U), found "
                        + columns.length);
            }
            String id = columns[0];
            if (id.indexOf('-') >= 0 || id.indexOf('.') >= 0) {
                return null;   // a multiword token's range, or an empty node: not a syntactic word of the sentence
            }
            if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
                throw new DataException(path + ":" + number + ": ID '" + id + "' is not a word index");
            }
            return new String[] {columns[1], columns[field.column]};
        };
    }

    /** Marks a line that ends the sentence before it, like a blank line. */
    private static final String[] BOUNDARY = new String[0];

    /** Reads one non-blank line: its token and tag, null to skip it, or {@link #BOUNDARY}. */
    private interface LineParser {
        String[] parse(String line, int number);
    }

    private static List<TaggedSentence> read(Path path, LineParser parser) {
        List<TaggedSentence> sentences;
        try (BufferedReader reader = TextFiles.open(path)) {
            sentences = read(reader.lines().iterator(), parser);
        } catch (IOException e) {
            throw TextFiles.readFailure(path, e);
        } catch (UncheckedIOException e) {
            throw TextFiles.readFailure(path, e.getCause());
        }
        if (sentences.isEmpty()) {
            throw new DataException(path + ": no sentences");
        }
        return sentences;
    }

    /** The sentences of {@code lines}: runs of token lines between blank lines (and boundaries). */
    private static List<TaggedSentence> read(Iterator<String> lines, LineParser parser) {
        List<TaggedSentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int number = 0;
        for (String line; ; ) {
            line = lines.hasNext() ? lines.next() : null;
            number++;
            String[] parsed = line == null || line.isBlank() ? BOUNDARY : parser.parse(line, number);
            if (parsed == BOUNDARY && !tokens.isEmpty()) {
                sentences.add(new TaggedSentence(tokens, tags));
                tokens.clear();
                tags.clear();
            } else if (parsed != null && parsed != BOUNDARY) {
                tokens.add(parsed[0]);
                tags.add(parsed[1]);
            }
            if (line == null) {
                break;
            }
        }
        return sentences;
    }
}
