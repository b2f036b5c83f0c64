package rnn.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a labelled TSV of invented reviews whose label is decided by a few sentiment words
 * among neutral filler, so that a tiny network learns it in a few epochs.
 */
public final class SyntheticReviews {
    static final String[] POSITIVE = {"great", "wonderful", "loved", "excellent", "superb"};
    static final String[] NEGATIVE = {"awful", "terrible", "boring", "hated", "worst"};
    private static final String[] FILLER = {"the", "movie", "film", "plot", "actor", "was", "and", "a", "story",
        "scene", "music", "it", "this", "ending", "really", "quite", "with", "of", "cast", "director"};

    private SyntheticReviews() {
    }

    /** Writes {@code n} reviews, half of each label, in a seeded order. */
    public static Path write(Path file, int n, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean positive = i % 2 == 0;
            lines.add((positive ? "pos" : "neg") + "\t" + review(random, positive ? POSITIVE : NEGATIVE));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** One review: 4 to 20 filler words with one to three sentiment words among them. */
    static String review(Random random, String[] sentiment) {
        int length = 4 + random.nextInt(17);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            words.add(FILLER[random.nextInt(FILLER.length)]);
        }
        int marks = 1 + random.nextInt(3);
        for (int i = 0; i < marks; i++) {
            words.add(random.nextInt(words.size() + 1), sentiment[random.nextInt(sentiment.length)]);
        }
        return String.join(" ", words) + (random.nextBoolean() ? "." : " !");
    }
}
