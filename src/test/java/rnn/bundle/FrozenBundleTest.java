package rnn.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import rnn.cli.Rnn;
import rnn.predict.Prediction;
import rnn.predict.SentimentPredictor;
import rnn.task.SyntheticReviews;

/**
 * A bundle written by an earlier version must keep loading and predicting the same. The bundle
 * in {@code src/test/resources/bundles/imdb-tiny-v1} and its {@code expected.tsv} were made by
 * {@link #main}; regenerate them only when the bundle format changes on purpose (and then bump
 * the format version and add a new frozen bundle beside this one).
 */
class FrozenBundleTest {
    private static final Path BUNDLE = Path.of("src/test/resources/bundles/imdb-tiny-v1");
    private static final List<String> TEXTS = List.of("the movie was wonderful and superb",
            "an awful boring film , i hated it", "a story with music", "great cast , terrible plot", "");

    @Test
    void frozenBundleLoadsAndPredictsTheSame() throws IOException {
        Bundle bundle = BundleReader.read(BUNDLE.toString(), Path.of("models"), "imdb", "test");
        List<Prediction> predictions = new SentimentPredictor(bundle, 2).predictBatch(TEXTS);
        List<String> expected = Files.readAllLines(BUNDLE.resolveSibling("imdb-tiny-v1.expected.tsv"));
        assertEquals(TEXTS.size(), expected.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            String[] fields = expected.get(i).split("\t");
            assertEquals(fields[0], predictions.get(i).label(), TEXTS.get(i));
            assertEquals(Double.parseDouble(fields[1]), predictions.get(i).probabilities().get("pos"), 1e-5,
                    TEXTS.get(i));
        }
    }

    /** Regenerates the frozen bundle and its expected predictions; run from the repository root. */
    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("frozen");
        Path reviews = SyntheticReviews.write(work.resolve("reviews.tsv"), 200, 11);
        StringWriter out = new StringWriter();
        int code = Rnn.commandLine(new PrintWriter(out), new PrintWriter(out)).execute("train", "imdb", "--config",
                "src/test/resources/configs/tiny.yaml", "--data", reviews.toString(), "--set", "training.epochs=2",
                "--models", BUNDLE.getParent().toString(), "--name", BUNDLE.getFileName().toString(), "--force", "-q");
        if (code != 0) {
            throw new IllegalStateException(out.toString());
        }
        try (Stream<Path> run = Files.walk(BUNDLE.resolve("run"))) {
            for (Path p : run.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Bundle bundle = BundleReader.read(BUNDLE.toString(), Path.of("models"), "imdb", "test");
        List<String> lines = new ArrayList<>();
        for (Prediction p : new SentimentPredictor(bundle, 2).predictBatch(TEXTS)) {
            lines.add(String.format(Locale.ROOT, "%s\t%.7f", p.label(), p.probabilities().get("pos")));
        }
        Files.write(BUNDLE.resolveSibling("imdb-tiny-v1.expected.tsv"), lines, StandardCharsets.UTF_8);
    }
}
