package rnn.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

import rnn.nn.DoublePrecisionTest;
import rnn.nn.GraphGradientCheck;

/** rnn's softmax output computes what DL4J's RnnOutputLayer with sparse cross-entropy does. */
class SoftmaxOutputTest extends DoublePrecisionTest {
    private static final int IN = 4;
    private static final int CLASSES = 7;

    private static ComputationGraph graph(boolean ours) {
        var output = ours ? new SoftmaxOutput.Builder().nIn(IN).nOut(CLASSES).build()
                : new RnnOutputLayer.Builder(new LossSparseMCXENT()).nIn(IN).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).build();
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER).updater(new Sgd(1.0))
                .graphBuilder().addInputs("in").addLayer("out", output, "in").setOutputs("out").build());
        graph.init();
        return graph;
    }

    private static DataSet batch(boolean masked) {
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, IN, 5).subi(0.5).muli(4);
        INDArray labels = Nd4j.createFromArray(new double[][][] {{{1, 6, 0, 3, 2}}, {{5, 5, 4, 0, 0}}, {{2, 0, 0, 0, 0}}});
        INDArray mask = masked ? Nd4j.createFromArray(new double[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0},
                {1, 0, 0, 0, 0}}) : null;
        return new DataSet(x, labels, mask, mask);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void outputsScoreAndGradientsEqualDl4jsSparseCrossEntropy(boolean masked) {
        ComputationGraph ours = graph(true);
        ComputationGraph theirs = graph(false);
        ours.params().assign(Nd4j.rand(DataType.DOUBLE, ours.params().shape()).subi(0.5));
        theirs.params().assign(ours.params());
        DataSet batch = batch(masked);
        INDArray[] in = {batch.getFeatures()};
        INDArray[] mask = masked ? new INDArray[] {batch.getFeaturesMaskArray()} : null;
        INDArray a = ours.output(false, in, mask)[0];
        INDArray b = theirs.output(false, in, mask)[0];
        if (masked) {
            // DL4J leaves the padded steps' probabilities; ours are zero there. Real steps must agree.
            b.muli(batch.getFeaturesMaskArray().reshape(3, 1, 5).broadcast(3, CLASSES, 5));
        }
        assertTrue(a.equalsWithEps(b, 1e-12), a + "\n" + b);
        for (ComputationGraph g : new ComputationGraph[] {ours, theirs}) {
            g.setInputs(in);
            g.setLabels(batch.getLabels());
            g.setLayerMaskArrays(mask, mask);
            g.computeGradientAndScore();
        }
        assertEquals(theirs.score(), ours.score(), 1e-12);
        Map<String, INDArray> ourGradients = ours.gradient().gradientForVariable();
        for (Map.Entry<String, INDArray> e : theirs.gradient().gradientForVariable().entrySet()) {
            assertTrue(e.getValue().reshape(e.getValue().length()).equalsWithEps(
                    ourGradients.get(e.getKey()).reshape(e.getValue().length()), 1e-12), e.getKey());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gradientsPassFiniteDifferenceCheck(boolean masked) {
        ComputationGraph ours = graph(true);
        DataSet batch = batch(masked);
        if (!masked) {
            batch.setFeaturesMaskArray(Nd4j.ones(DataType.DOUBLE, 3, 5));
        }
        assertTrue(GraphGradientCheck.passes(ours, batch, 1e-6, 1e-10));
    }
}
