package rnn.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates invented sentences with person, location and organisation names in CoNLL-2003's
 * four-column layout, tagged in IOB1 (so {@code B-} appears where two names of one type touch),
 * for tests: the names come from small fixed lists, so a tiny tagger learns them in a few epochs.
 */
public final class SyntheticEntities {
    private static final String[][] PER = {{"Maria", "Lopez"}, {"Tom"}, {"Anna", "Berg"}, {"Ravi"}, {"Jo", "Kim"}};
    private static final String[][] LOC = {{"Lisbon"}, {"New", "York"}, {"Oslo"}, {"Cape", "Town"}};
    private static final String[][] ORG = {{"Acme", "Widgets"}, {"Blue", "Bank"}, {"Nordic", "Rail"}};
    private static final String[][] TEMPLATES = {
        {"PER", "visited", "LOC", "."}, {"ORG", "hired", "PER", "in", "LOC", "."},
        {"the", "mayor", "of", "LOC", "met", "PER", "."}, {"PER", "left", "ORG", "for", "ORG", "ORG", "."},
        {"rain", "fell", "on", "LOC", "LOC", "today", "."}, {"shares", "of", "ORG", "rose", "."}};

    private SyntheticEntities() {
    }

    /** Writes {@code n} sentences, the first preceded by a {@code -DOCSTART-} line. */
    public static Path write(Path file, int n, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder("-DOCSTART- -X- O O\n\n");
        for (int i = 0; i < n; i++) {
            String previousType = "O";
            for (String slot : TEMPLATES[random.nextInt(TEMPLATES.length)]) {
                String[][] names = switch (slot) {
                    case "PER" -> PER;
                    case "LOC" -> LOC;
                    case "ORG" -> ORG;
                    default -> null;
                };
                if (names == null) {
                    out.append(slot).append(" XX O O\n");
                    previousType = "O";
                    continue;
                }
                String[] name = names[random.nextInt(names.length)];
                for (int w = 0; w < name.length; w++) {
                    String prefix = w == 0 && previousType.equals(slot) ? "B-" : "I-";
                    out.append(name[w]).append(" NNP I-NP ").append(prefix).append(slot).append('\n');
                }
                previousType = slot;
            }
            out.append('\n');
        }
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** All the names' words, for checks. */
    static List<String> words() {
        List<String> all = new ArrayList<>();
        for (String[][] names : List.of(PER, LOC, ORG)) {
            for (String[] name : names) {
                all.addAll(List.of(name));
            }
        }
        return all;
    }
}
