package rnn.task.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import rnn.config.ConfigException;
import rnn.data.TokenStream;
import rnn.nn.layer.AdaptiveSoftmax;
import rnn.nn.layer.SoftmaxOutput;
import rnn.eval.LanguageModelReport;
import rnn.train.StreamFeed;
import rnn.util.Progress;
import rnn.task.registry.Tasks;

class LanguageModelNetworkTest {
    private static final int VOCABULARY = 11;

    private static LanguageModelConfig config(String... overrides) {
        List<String> all = new ArrayList<>(List.of("task=lm", "model.embedding_size=6", "model.hidden=8",
                "model.layers=2", "model.dropout=0.0", "training.bptt_length=5", "training.seed=3"));
        all.addAll(List.of(overrides));
        return (LanguageModelConfig) Tasks.parseConfig("", "test", all);
    }

    private static ComputationGraph network(LanguageModelConfig config) {
        return LanguageModelNetwork.build(config, VOCABULARY);
    }

    private static int[] randomIds(int n, long seed) {
        java.util.Random random = new java.util.Random(seed);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 2 + random.nextInt(VOCABULARY - 2);
        }
        return ids;
    }

    @Test
    void uniformPredictionsGivePerplexityEqualToTheVocabularySize() {
        ComputationGraph net = network(config());
        // Zero output weights and bias: softmax of all zeros, whatever the recurrent state.
        net.getLayer(LanguageModelNetwork.OUTPUT).params().assign(0);
        LanguageModelReport report = StreamScorer.score(net, randomIds(300, 1), false, Progress.NONE);
        assertEquals(299, report.tokens());
        assertEquals(VOCABULARY, report.perplexity(), 1e-3);
        assertEquals(Math.log(VOCABULARY) / Math.log(2), report.bitsPerToken(), 1e-5);
    }

    @Test
    void scoringStartsEveryStreamFromZeroState() {
        ComputationGraph net = network(config());
        int[] a = randomIds(40, 2);
        int[] b = randomIds(40, 3);
        double fresh = StreamScorer.score(net, b, false, Progress.NONE).nll();
        StreamScorer.score(net, a, false, Progress.NONE);
        assertEquals(fresh, StreamScorer.score(net, b, false, Progress.NONE).nll(), 1e-9);
    }

    /**
     * With a learning rate too small to change anything, each segment's training loss is the loss
     * of that segment read after all earlier segments of its row (state carried), and each epoch's
     * first segment is read from zero state.
     */
    @Test
    void trainingCarriesStateAcrossSegmentsAndResetsItEachEpoch() {
        LanguageModelConfig config = config("training.optimizer=sgd", "training.learning_rate=1e-30", "training.clip_norm=0");
        ComputationGraph net = network(config);
        int rows = 3;
        int segment = config.bpttLength();
        TokenStream stream = new TokenStream(randomIds(rows * 3 * segment + 1, 4), "random");
        StreamFeed feed = new StreamFeed(stream, rows, segment);
        assertEquals(3, feed.steps());
        List<Double> losses = new ArrayList<>();
        feed.run(net, 1, (loss, weight, tokens) -> losses.add(loss));
        feed.run(net, 2, (loss, weight, tokens) -> losses.add(loss));
        assertEquals(6, losses.size());

        DataSet all = stream.asRows(rows);
        double[] expected = new double[3];
        net.rnnClearPreviousState();
        for (int s = 0; s < 3; s++) {
            expected[s] = meanNll(net, all, s * segment, (s + 1) * segment);
        }
        net.rnnClearPreviousState();
        double secondSegmentFromZero = meanNll(net, all, segment, 2 * segment);
        for (int s = 0; s < 3; s++) {
            assertEquals(expected[s], losses.get(s), 1e-4, "segment " + s + " of epoch 1");
            assertEquals(expected[s], losses.get(3 + s), 1e-4, "segment " + s + " of epoch 2");
        }
        assertTrue(Math.abs(secondSegmentFromZero - expected[1]) > 1e-3,
                "the carried state matters: " + secondSegmentFromZero + " vs " + expected[1]);
    }

    /** Mean NLL per token of steps [from, to) of every row, fed through rnnTimeStep (state kept between calls). */
    private static double meanNll(ComputationGraph net, DataSet rows, int from, int to) {
        INDArray x = rows.getFeatures().get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(from, to));
        INDArray y = rows.getLabels().get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(from, to));
        INDArray p = net.rnnTimeStep(x.dup().castTo(DataType.FLOAT))[0];
        double nll = 0;
        long n = 0;
        for (int r = 0; r < x.size(0); r++) {
            for (int t = 0; t < to - from; t++) {
                nll -= Math.log(p.getDouble(r, y.getInt(r, 0, t), t));
                n++;
            }
        }
        return nll / n;
    }

    @Test
    void outputIsADistributionOverTheVocabularyAtEveryStep() {
        ComputationGraph net = network(config("model.cell=gru"));
        INDArray p = net.outputSingle(Nd4j.createFromArray(new float[][][] {{{2, 3, 4, 5}}}));
        assertEquals(List.of(1L, (long) VOCABULARY, 4L), List.of(p.size(0), p.size(1), p.size(2)));
        INDArray sums = p.sum(1);
        for (int t = 0; t < 4; t++) {
            assertEquals(1.0, sums.getDouble(0, t), 1e-5);
        }
    }

    @Test
    void anAdaptiveSoftmaxGivesADistributionAndCutoffsPastTheVocabularyAreDropped() {
        ComputationGraph adaptive = network(config("model.softmax=adaptive", "model.softmax_cutoffs=[3, 6, 40]"));
        AdaptiveSoftmax output = (AdaptiveSoftmax) adaptive.getLayer(LanguageModelNetwork.OUTPUT).conf().getLayer();
        assertArrayEquals(new int[] {3, 6}, output.getCutoffs());
        INDArray p = adaptive.outputSingle(Nd4j.createFromArray(new float[][][] {{{2, 3, 9, 5}}}));
        INDArray sums = p.sum(1);
        for (int t = 0; t < 4; t++) {
            assertEquals(1.0, sums.getDouble(0, t), 1e-5);
        }
        ComputationGraph full = network(config("model.softmax=adaptive", "model.softmax_cutoffs=[11]"));
        assertTrue(full.getLayer(LanguageModelNetwork.OUTPUT).conf().getLayer() instanceof SoftmaxOutput,
                "no cutoff inside the vocabulary: the full softmax");
    }

    /**
     * One SGD update of a tied network moves the embedding by the sum of the gradients the
     * embedding and the softmax weights would get untied, and leaves the softmax equal to it.
     */
    @Test
    void tiedEmbeddingsTakeOneUpdateOfTheSummedGradient() {
        LanguageModelConfig config = config("model.embedding_size=8", "model.tie_embeddings=true",
                "training.optimizer=sgd", "training.learning_rate=0.5", "training.clip_norm=0");
        ComputationGraph tied = network(config);
        INDArray embedding = tied.getLayer("embedding").params().dup();
        INDArray softmax = tied.getLayer(LanguageModelNetwork.OUTPUT).params().dup();
        long n = embedding.length();
        assertEquals(embedding.reshape(n), softmax.reshape(softmax.length()).get(NDArrayIndex.interval(0, n)),
                "tied from the start");
        int rows = 2;
        int segment = config.bpttLength();
        TokenStream stream = new TokenStream(randomIds(rows * segment + 1, 5), "random");

        ComputationGraph untied = tied.clone();
        DataSet batch = stream.asRows(rows);
        untied.setInputs(batch.getFeatures());
        untied.setLabels(batch.getLabels());
        untied.computeGradientAndScore();
        INDArray summed = untied.getLayer("embedding").getGradientsViewArray().reshape(n)
                .add(untied.getLayer(LanguageModelNetwork.OUTPUT).getGradientsViewArray()
                        .reshape(softmax.length()).get(NDArrayIndex.interval(0, n)));
        INDArray expected = embedding.reshape(n).sub(summed.mul(0.5 / rows));

        new StreamFeed(stream, rows, segment, new rnn.data.WordDropout(0, 0),
                LanguageModelNetwork.trainingListeners(config)).run(tied, 1, (loss, weight, tokens) -> { });
        INDArray after = tied.getLayer("embedding").params().reshape(n);
        assertTrue(after.equalsWithEps(expected, 1e-5), "embedding moved by the summed gradient");
        assertTrue(after.sub(embedding.reshape(n)).amaxNumber().doubleValue() > 1e-4, "it moved");
        assertEquals(after, tied.getLayer(LanguageModelNetwork.OUTPUT).params().reshape(softmax.length())
                .get(NDArrayIndex.interval(0, n)), "the softmax holds the embedding again");
    }

    @Test
    void tyingNeedsTheFullSoftmaxAndEqualWidths() {
        ConfigException e = assertThrows(ConfigException.class, () -> config("model.tie_embeddings=true"));
        assertTrue(e.getMessage().contains("model.tie_embeddings: needs model.hidden (8) equal to model.embedding_size (6)"),
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> config("model.embedding_size=8", "model.tie_embeddings=true",
                "model.softmax=adaptive"));
        assertTrue(e.getMessage().contains("model.tie_embeddings: needs model.softmax: full"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> config("model.softmax_cutoffs=[6, 3]"));
        assertTrue(e.getMessage().contains("model.softmax_cutoffs: must rise, but 3 follows 6"), e.getMessage());
    }
}
