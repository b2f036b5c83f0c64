package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.task.SyntheticReviews;

/** The train loss a run reports is the data's: an L2 or weight-decay penalty is not added to it. */
class TrainLossTest {
    @TempDir
    Path dir;

    private double firstTrainLoss(Path reviews, String regularisation) {
        CliTestSupport.Result r = CliTestSupport.run("train", "imdb", "--config", "src/test/resources/configs/tiny.yaml",
                "--data", reviews.toString(), "--set", "training.epochs=1", "--set", regularisation, "--models",
                dir.resolve("models").toString(), "--name", regularisation.replaceAll("[^a-z0-9]", "-"), "-q");
        assertEquals(0, r.exitCode(), r.toString());
        Matcher m = Pattern.compile("epoch 1: train loss ([0-9.]+) ").matcher(r.out());
        assertTrue(m.find(), r.out());
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aLargePenaltyLeavesTheTrainLossNearTheDataLoss() throws IOException {
        Path reviews = SyntheticReviews.write(dir.resolve("reviews.tsv"), 60, 3);
        double plain = firstTrainLoss(reviews, "training.weight_decay=0");
        // Two labels: the loss of a fresh model is near ln 2; a decay of 2 per unit rate would add
        // half the squared weights, several times that, if it were counted.
        for (String regularisation : new String[] {"training.weight_decay=2", "training.l2=2"}) {
            double penalised = firstTrainLoss(reviews, regularisation);
            assertTrue(penalised < 1.0 && Math.abs(penalised - plain) < 0.3,
                    regularisation + ": " + penalised + " against " + plain + " without");
        }
    }

    /** A language model's steps run inside DL4J's fit (truncated back-propagation): the same holds there. */
    @Test
    void aLanguageModelsTrainLossLeavesThePenaltyOutToo() throws IOException {
        Path text = java.nio.file.Files.writeString(dir.resolve("text.txt"), "hello world\n".repeat(200));
        double[] losses = new double[2];
        String[] regularisations = {"training.weight_decay=0", "training.weight_decay=2"};
        for (int i = 0; i < 2; i++) {
            CliTestSupport.Result r = CliTestSupport.run("train", "lm", "--config",
                    "src/test/resources/configs/tiny-lm.yaml", "--data", text.toString(), "--set", "data.dev=" + text,
                    "--set", "training.epochs=1", "--set", regularisations[i], "--models",
                    dir.resolve("models").toString(), "--name", "lm" + i, "-q");
            assertEquals(0, r.exitCode(), r.toString());
            Matcher m = Pattern.compile("epoch 1: train loss ([0-9.]+) ").matcher(r.out());
            assertTrue(m.find(), r.out());
            losses[i] = Double.parseDouble(m.group(1));
        }
        assertTrue(losses[1] < 3.0 && Math.abs(losses[1] - losses[0]) < 1.0,
                "a character model of 9 symbols starts near ln 9 = 2.2: " + losses[1] + " against " + losses[0]);
    }
}
