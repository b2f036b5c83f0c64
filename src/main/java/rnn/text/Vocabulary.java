package rnn.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fixed mapping between strings and dense indices; the index of an entry is its line number
 * (from 0) in the saved file.
 *
 * <p>A token vocabulary starts with {@link #PAD} (index 0) and {@link #UNK} (index 1) and maps
 * unseen strings to {@code <unk>}. A label vocabulary has no special entries and rejects unseen
 * labels.
 */
public final class Vocabulary implements java.io.Serializable {
    public static final String PAD = "<pad>";
    public static final String UNK = "<unk>";
    public static final int PAD_INDEX = 0;
    public static final int UNK_INDEX = 1;

    private final List<String> entries;
    private final Map<String, Integer> index;
    private final boolean hasUnknown;

    private Vocabulary(List<String> entries, boolean hasUnknown) {
        this.entries = List.copyOf(entries);
        this.hasUnknown = hasUnknown;
        this.index = new HashMap<>(entries.size() * 2);
        for (int i = 0; i < entries.size(); i++) {
            if (index.put(entries.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate vocabulary entry '" + entries.get(i) + "'");
            }
        }
    }

    /**
     * The {@code maxSize} most frequent tokens seen at least {@code minCount} times, after
     * {@code <pad>} and {@code <unk>} (which count toward {@code maxSize}). Ties go to the
     * alphabetically first token, so the result does not depend on input order.
     */
    public static Vocabulary ofTokens(Map<String, Integer> counts, int maxSize, int minCount) {
        List<Map.Entry<String, Integer>> byFrequency = new ArrayList<>(counts.entrySet());
        byFrequency.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> entries = new ArrayList<>(List.of(PAD, UNK));
        for (Map.Entry<String, Integer> e : byFrequency) {
            if (entries.size() >= maxSize || e.getValue() < minCount) {
                break;
            }
            if (!e.getKey().equals(PAD) && !e.getKey().equals(UNK)) {
                entries.add(e.getKey());
            }
        }
        return new Vocabulary(entries, true);
    }

    /**
     * This vocabulary followed by those of {@code more} it lacks, in their order, until it holds
     * {@code maxSize} entries.
     */
    public Vocabulary extendedWith(List<String> more, int maxSize) {
        List<String> entries = new ArrayList<>(this.entries);
        Set<String> present = new HashSet<>(this.entries);
        for (String word : more) {
            if (entries.size() >= maxSize) {
                break;
            }
            if (present.add(word)) {
                entries.add(word);
            }
        }
        return new Vocabulary(entries, hasUnknown);
    }

    /** Labels in sorted order, so that two runs on the same data agree on indices. */
    public static Vocabulary ofLabels(Iterable<String> labels) {
        List<String> sorted = new ArrayList<>();
        labels.forEach(l -> { if (!sorted.contains(l)) sorted.add(l); });
        Collections.sort(sorted);
        return new Vocabulary(sorted, false);
    }

    /** Labels in the order given (a config's fixed label set); the entries must be distinct. */
    public static Vocabulary ofFixedLabels(List<String> labels) {
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("labels repeat: " + labels);
        }
        return new Vocabulary(new ArrayList<>(labels), false);
    }

    /** Reads a vocabulary saved by {@link #save}; a token file starts with {@code <pad>} and {@code <unk>}. */
    public static Vocabulary load(Path file) throws IOException {
        return of(Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(Vocabulary::unescape).toList());
    }

    /** Reads a vocabulary written before entries were escaped (bundle format 1): each line as it is. */
    public static Vocabulary loadUnescaped(Path file) throws IOException {
        return of(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static Vocabulary of(List<String> lines) {
        boolean tokens = lines.size() >= 2 && lines.get(0).equals(PAD) && lines.get(1).equals(UNK);
        return new Vocabulary(lines, tokens);
    }

    /**
     * Writes one entry per line, index = line number, with backslashes and line breaks escaped
     * ({@code \\}, {@code \n}, {@code \r}) so that every entry, a character model's line break
     * included, stays on its own line.
     */
    public void save(Path file) throws IOException {
        Files.write(file, entries.stream().map(Vocabulary::escape).toList(), StandardCharsets.UTF_8);
    }

    static String escape(String entry) {
        return entry.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String line) {
        if (line.indexOf('\\') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The index of {@code entry}; {@code <unk>}'s for an unseen token; -1 for an unseen label. */
    public int indexOf(String entry) {
        Integer i = index.get(entry);
        if (i != null) {
            return i;
        }
        return hasUnknown ? UNK_INDEX : -1;
    }

    /** Whether {@code entry} has an index of its own. */
    public boolean contains(String entry) {
        return index.containsKey(entry);
    }

    public String get(int i) {
        return entries.get(i);
    }

    public int size() {
        return entries.size();
    }

    public List<String> entries() {
        return entries;
    }
}
