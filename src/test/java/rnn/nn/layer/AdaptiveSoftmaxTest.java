package rnn.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import rnn.nn.DoublePrecisionTest;
import rnn.nn.GraphGradientCheck;
import rnn.nn.memory.Backend;

/**
 * The adaptive softmax gives exact probabilities (they sum to one, and the training loss is their
 * negative log-likelihood), gradients that pass a finite-difference check through the head and
 * both clusters, and a configuration that survives saving.
 */
class AdaptiveSoftmaxTest extends DoublePrecisionTest {
    private static final int IN = 8;
    private static final int CLASSES = 11;
    private static final int BATCH = 3;
    private static final int STEPS = 5;

    private static ComputationGraph graph() {
        AdaptiveSoftmax output = new AdaptiveSoftmax.Builder().nIn(IN).nOut(CLASSES).cutoffs(4, 7).divisor(2).build();
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER).updater(new Sgd(1.0))
                .graphBuilder().addInputs("in").addLayer("out", output, "in").setOutputs("out").build());
        graph.init();
        Nd4j.getRandom().setSeed(7);
        graph.params().assign(Nd4j.rand(DataType.DOUBLE, graph.params().shape()).subi(0.5));
        return graph;
    }

    /** Labels in the head (0-3), the first cluster (4-6) and the second (7-10). */
    private static DataSet batch(boolean masked) {
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, IN, STEPS).subi(0.5).muli(4);
        INDArray labels = Nd4j.createFromArray(new double[][][] {{{1, 6, 0, 10, 2}}, {{5, 8, 4, 0, 0}},
                {{2, 9, 7, 3, 0}}});
        INDArray mask = masked ? Nd4j.createFromArray(new double[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0},
                {1, 0, 0, 0, 0}}) : Nd4j.ones(DataType.DOUBLE, BATCH, STEPS);
        return new DataSet(x, labels, mask, mask);
    }

    @Test
    void parameterCountIsHeadPlusEachClustersProjectionAndOutput() {
        // head: 4 ids + 2 clusters; cluster 1: 3 ids over 8/2 = 4; cluster 2: 4 ids over 8/4 = 2
        long expected = (IN + 1) * 6 + (IN * 4 + (4 + 1) * 3) + (IN * 2 + (2 + 1) * 4);
        assertEquals(expected, graph().numParams());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void probabilitiesSumToOneAndTheLossIsTheirNegativeLogLikelihood(boolean masked) {
        ComputationGraph graph = graph();
        DataSet batch = batch(masked);
        INDArray mask = batch.getFeaturesMaskArray();
        INDArray p = graph.output(false, new INDArray[] {batch.getFeatures()}, new INDArray[] {mask})[0];
        assertEquals(BATCH, p.size(0));
        assertEquals(CLASSES, p.size(1));
        double nll = 0;
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < STEPS; t++) {
                double sum = p.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                        org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(t)).sumNumber().doubleValue();
                boolean real = mask.getDouble(b, t) != 0;
                assertEquals(real ? 1.0 : 0.0, sum, 1e-12, "step " + b + "," + t);
                if (real) {
                    nll -= Math.log(p.getDouble(b, batch.getLabels().getInt(b, 0, t), t));
                }
            }
        }
        graph.setInputs(batch.getFeatures());
        graph.setLabels(batch.getLabels());
        graph.setLayerMaskArrays(new INDArray[] {mask}, new INDArray[] {mask});
        graph.computeGradientAndScore();
        assertEquals(nll / BATCH, graph.score(), 1e-10);
        assertEquals(nll / BATCH, graph.score(batch), 1e-10);
    }

    /** What a GPU backend runs ({@link Backend}): the same probabilities and score through ND4J's ops. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void throughNd4jOpsTheProbabilitiesAndScoreAreTheHostKernels(boolean masked) {
        ComputationGraph graph = graph();
        DataSet batch = batch(masked);
        INDArray[] mask = {batch.getFeaturesMaskArray()};
        INDArray host = graph.output(false, new INDArray[] {batch.getFeatures()}, mask)[0].dup();
        double hostScore = graph.score(batch);
        System.setProperty(Backend.OPS_PROPERTY, "nd4j-strict");
        try {
            INDArray ops = graph.output(false, new INDArray[] {batch.getFeatures()}, mask)[0];
            assertEquals(0, host.sub(ops).norm1Number().doubleValue(), 1e-12);
            assertEquals(hostScore, graph.score(batch), 1e-10);
        } finally {
            System.clearProperty(Backend.OPS_PROPERTY);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gradientsPassFiniteDifferenceCheck(boolean masked) {
        // The score sums five steps (about 18 nats), so the central difference of two scores carries
        // rounding of about 18 x 2^-52 / 1e-6, a few 1e-9: absolute differences below 1e-8 pass.
        assertTrue(GraphGradientCheck.passes(graph(), batch(masked), 1e-6, 1e-8));
    }

    @Test
    void aSavedNetworkLoadsWithItsCutoffsAndGivesTheSameOutput(@TempDir Path dir) throws Exception {
        ComputationGraph graph = graph();
        Path file = dir.resolve("net.zip");
        ModelSerializer.writeModel(graph, file.toFile(), false);
        ComputationGraph loaded = ModelSerializer.restoreComputationGraph(file.toFile(), false);
        assertTrue(Files.size(file) > 0);
        AdaptiveSoftmax conf = (AdaptiveSoftmax) loaded.getLayer("out").conf().getLayer();
        assertEquals(7, conf.getCutoffs()[1]);
        INDArray x = batch(false).getFeatures();
        assertTrue(graph.outputSingle(x).equalsWithEps(loaded.outputSingle(x), 1e-12));
    }

    @Test
    void cutoffsMustRiseInsideTheVocabulary() {
        assertThrows(IllegalArgumentException.class,
                () -> new AdaptiveSoftmax.Builder().nIn(IN).nOut(CLASSES).cutoffs(7, 4).build());
        assertThrows(IllegalArgumentException.class,
                () -> new AdaptiveSoftmax.Builder().nIn(IN).nOut(CLASSES).cutoffs(4, 11).build());
        assertThrows(IllegalArgumentException.class,
                () -> new AdaptiveSoftmax.Builder().nIn(IN).nOut(CLASSES).build());
    }
}
