package rnn.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.Map;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import rnn.nn.DoublePrecisionTest;
import rnn.nn.GraphGradientCheck;

/** rnn's token embedding computes what DL4J's EmbeddingSequenceLayer does, in its own layout. */
class TokenEmbeddingTest extends DoublePrecisionTest {
    private static final int VOCABULARY = 7;
    private static final int SIZE = 4;
    private static final int CLASSES = 3;

    private static ComputationGraph graph(boolean ours) {
        return graph(ours, VOCABULARY);
    }

    private static ComputationGraph graph(boolean ours, int vocabulary) {
        Layer embedding = ours ? new TokenEmbedding.Builder().nIn(vocabulary).nOut(SIZE).build()
                : new EmbeddingSequenceLayer.Builder().nIn(vocabulary).nOut(SIZE).outputDataFormat(RNNFormat.NCW)
                        .hasBias(false).build();
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER).updater(new Sgd(1.0))
                .graphBuilder().addInputs("ids")
                .addLayer("embedding", embedding, "ids")
                .addLayer("out", new SoftmaxOutput.Builder().nIn(SIZE).nOut(CLASSES).build(), "embedding")
                .setOutputs("out").build());
        graph.init();
        return graph;
    }

    /** Three sequences of 5, 3 and 1 real steps; id 2 appears several times, so its gradient sums. */
    private static DataSet batch() {
        INDArray ids = Nd4j.createFromArray(new double[][] {{2, 6, 0, 2, 3}, {5, 2, 4, 1, 1}, {2, 0, 0, 0, 0}});
        INDArray labels = Nd4j.createFromArray(new double[][][] {{{1, 2, 0, 1, 2}}, {{0, 2, 1, 0, 0}}, {{2, 0, 0, 0, 0}}});
        INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}, {1, 0, 0, 0, 0}});
        return new DataSet(ids, labels, mask, mask);
    }

    @Test
    void outputsAndGradientsEqualDl4jsEmbeddingLayer() {
        ComputationGraph ours = graph(true);
        ComputationGraph theirs = graph(false);
        for (String layer : new String[] {"embedding", "out"}) {
            for (Map.Entry<String, INDArray> p : ours.getLayer(layer).paramTable().entrySet()) {
                p.getValue().assign(Nd4j.rand(DataType.DOUBLE, p.getValue().shape()).subi(0.5));
                theirs.getLayer(layer).getParam(p.getKey()).assign(p.getValue());
            }
        }
        DataSet batch = batch();
        INDArray[] in = {batch.getFeatures()};
        INDArray[] mask = {batch.getFeaturesMaskArray()};
        ours.setLayerMaskArrays(mask, mask);
        theirs.setLayerMaskArrays(mask, mask);
        Map<String, INDArray> a = ours.feedForward(in, false, false);
        Map<String, INDArray> b = theirs.feedForward(in, false, false);
        assertTrue(a.get("embedding").equalsWithEps(b.get("embedding"), 1e-12), a + "\n" + b);
        assertEquals(0.0, a.get("embedding").get(point(2), all(), point(3)).norm1Number().doubleValue(),
                "a masked step's vector is zero");
        for (ComputationGraph g : new ComputationGraph[] {ours, theirs}) {
            g.setInputs(in);
            g.setLabels(batch.getLabels());
            g.setLayerMaskArrays(mask, mask);
            g.computeGradientAndScore();
        }
        assertEquals(theirs.score(), ours.score(), 1e-12);
        Map<String, INDArray> ourGradients = ours.gradient().gradientForVariable();
        for (Map.Entry<String, INDArray> e : theirs.gradient().gradientForVariable().entrySet()) {
            assertTrue(e.getValue().equalsWithEps(ourGradients.get(e.getKey()), 1e-12), e.getKey());
        }
    }

    @Test
    void freshVectorsHaveTheScaleOfDl4jsEmbeddingLayer() {
        // XAVIER with fan-in 1 and fan-out 4: standard deviation sqrt(2 / 5), whatever the vocabulary.
        // A vocabulary of 5,000, so that a fan-in of the vocabulary's size would show.
        for (ComputationGraph graph : new ComputationGraph[] {graph(true, 5000), graph(false, 5000)}) {
            double std = graph.getLayer("embedding").getParam("W").stdNumber().doubleValue();
            assertEquals(Math.sqrt(2.0 / 5), std, 0.02, "standard deviation of the fresh vectors");
        }
    }

    @Test
    void gradientsPassFiniteDifferenceCheck() {
        Nd4j.getRandom().setSeed(5);
        assertTrue(GraphGradientCheck.passes(graph(true), batch(), 1e-6, 1e-10));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, VOCABULARY})
    void anIdOutsideTheVocabularyIsRefused(double id) {
        ComputationGraph graph = graph(true);
        INDArray ids = Nd4j.createFromArray(new double[][] {{1, id}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> graph.output(ids));
        assertTrue(e.getMessage().contains("outside the embedding's vocabulary of 7"), e.getMessage());
    }
}
