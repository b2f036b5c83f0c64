package rnn.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How entity tags mark spans: a prefix ({@code B-}, {@code I-}, {@code E-}, {@code S-}) and a
 * type, or {@code O} outside every entity.
 *
 * <ul>
 *   <li>{@link #IOB1}: {@code I-} inside; {@code B-} only for an entity that directly follows
 *       another of the same type (CoNLL-2003's original files).</li>
 *   <li>{@link #IOB2}: every entity starts with {@code B-}.</li>
 *   <li>{@link #BIOES}: {@code S-} for a one-token entity, {@code B-}, {@code I-}, {@code E-} for
 *       the first, inner and last tokens of a longer one.</li>
 * </ul>
 *
 * <p>Reading tags into spans ({@link #spans}) follows the chunk rules of the CoNLL {@code conlleval}
 * script, as the {@code seqeval} library extends them to {@code E-} and {@code S-}; they accept any
 * scheme and any sequence, also an ill-formed one (an {@code I-PER} after {@code O} starts an entity,
 * a change of type ends one), so the same reading serves conversion and evaluation.
 */
public enum TagScheme {
    IOB1, IOB2, BIOES;

    public static final String OUTSIDE = "O";

    /** The entities the tags mark, in order. */
    public static List<Span> spans(List<String> tags) {
        List<Span> spans = new ArrayList<>();
        String prevPrefix = OUTSIDE;
        String prevType = "";
        int start = -1;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : OUTSIDE;   // the sentence end closes every entity
            String prefix = prefix(tag);
            String type = type(tag);
            if (start >= 0 && endsChunk(prevPrefix, prefix, prevType, type)) {
                spans.add(new Span(prevType, start, i));
                start = -1;
            }
            if (startsChunk(prevPrefix, prefix, prevType, type)) {
                start = i;
            }
            prevPrefix = prefix;
            prevType = type;
        }
        return spans;
    }

    /**
     * The scheme tagged sentences are written in: {@link #BIOES} when any tag is {@code E-} or
     * {@code S-}, {@link #IOB1} when some entity starts with {@code I-}, otherwise {@link #IOB2}.
     */
    public static TagScheme detect(Iterable<List<String>> sentences) {
        boolean insideStarts = false;
        for (List<String> tags : sentences) {
            String prevPrefix = OUTSIDE;
            String prevType = "";
            for (String tag : tags) {
                String prefix = prefix(tag);
                if (prefix.equals("E") || prefix.equals("S")) {
                    return BIOES;
                }
                if (prefix.equals("I") && startsChunk(prevPrefix, prefix, prevType, type(tag))) {
                    insideStarts = true;
                }
                prevPrefix = prefix;
                prevType = type(tag);
            }
        }
        return insideStarts ? IOB1 : IOB2;
    }

    /** The tags of {@code length} tokens holding {@code spans} (which must not overlap) in this scheme. */
    public List<String> tags(List<Span> spans, int length) {
        String[] tags = new String[length];
        Arrays.fill(tags, OUTSIDE);
        Span previous = null;
        for (Span s : spans) {
            for (int i = s.start(); i < s.end(); i++) {
                tags[i] = tag(s, i, previous);
            }
            previous = s;
        }
        return List.of(tags);
    }

    /** Whether a well-formed sentence in this scheme may have tag {@code to} right after {@code from}. */
    public boolean allows(String from, String to) {
        String a = prefix(from);
        String b = prefix(to);
        boolean sameType = type(from).equals(type(to));
        return switch (this) {
            case IOB1 -> !b.equals("B") || (a.equals("I") || a.equals("B")) && sameType;
            case IOB2 -> !b.equals("I") || (a.equals("B") || a.equals("I")) && sameType;
            case BIOES -> switch (b) {
                case "I", "E" -> (a.equals("B") || a.equals("I")) && sameType;
                default -> !a.equals("B") && !a.equals("I");
            };
        };
    }

    /** Whether a well-formed sentence in this scheme may start with {@code tag}. */
    public boolean allowsStart(String tag) {
        return allows(OUTSIDE, tag);
    }

    /** Whether a well-formed sentence in this scheme may end with {@code tag}. */
    public boolean allowsEnd(String tag) {
        return allows(tag, OUTSIDE);
    }

    /** {@code tags}, read in any scheme, written in this one. */
    public List<String> convert(List<String> tags) {
        return tags(spans(tags), tags.size());
    }

    private String tag(Span s, int i, Span previous) {
        String prefix = switch (this) {
            case IOB1 -> i == s.start() && previous != null && previous.end() == s.start()
                    && previous.type().equals(s.type()) ? "B" : "I";
            case IOB2 -> i == s.start() ? "B" : "I";
            case BIOES -> s.end() - s.start() == 1 ? "S" : i == s.start() ? "B" : i == s.end() - 1 ? "E" : "I";
        };
        return prefix + "-" + s.type();
    }

    /** The prefix letter of a tag ({@code O} for outside; a tag without prefix counts as {@code I-}). */
    static String prefix(String tag) {
        if (tag.equals(OUTSIDE)) {
            return OUTSIDE;
        }
        int dash = tag.indexOf('-');
        return dash == 1 ? tag.substring(0, 1) : "I";
    }

    /** The type of a tag, empty for {@code O}. */
    static String type(String tag) {
        if (tag.equals(OUTSIDE)) {
            return "";
        }
        int dash = tag.indexOf('-');
        return dash == 1 ? tag.substring(2) : tag;
    }

    private static boolean endsChunk(String prevPrefix, String prefix, String prevType, String type) {
        return switch (prevPrefix) {
            case "E", "S" -> true;
            case "B", "I" -> prefix.equals("B") || prefix.equals("S") || prefix.equals(OUTSIDE) || !prevType.equals(type);
            default -> false;
        };
    }

    private static boolean startsChunk(String prevPrefix, String prefix, String prevType, String type) {
        return switch (prefix) {
            case "B", "S" -> true;
            case "I", "E" -> prevPrefix.equals(OUTSIDE) || prevPrefix.equals("E") || prevPrefix.equals("S")
                    || !prevType.equals(type);
            default -> false;
        };
    }
}
