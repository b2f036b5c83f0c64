package rnn.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;
import static rnn.nn.recurrent.RecurrentFixture.BATCH;
import static rnn.nn.recurrent.RecurrentFixture.IN;
import static rnn.nn.recurrent.RecurrentFixture.STEPS;
import static rnn.nn.recurrent.RecurrentFixture.UNITS;
import static rnn.nn.recurrent.RecurrentFixture.input;
import static rnn.nn.recurrent.RecurrentFixture.labels;
import static rnn.nn.recurrent.RecurrentFixture.mask;
import static rnn.nn.recurrent.RecurrentFixture.passesGradientCheck;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import rnn.config.CellType;
import rnn.config.Pooling;
import rnn.config.RecurrentImplementation;
import rnn.config.TrainingConfig;
import rnn.data.BucketedBatchIterator;
import rnn.data.EncodedExample;
import rnn.nn.DoublePrecisionTest;
import rnn.nn.GraphGradientCheck;
import rnn.task.classify.ClassifierNetwork;
import rnn.config.EncoderConfig;
import rnn.task.registry.Tasks;

/** {@link FusedLstm} computes exactly what DL4J's LSTM computes, and its gradients are right. */
class FusedLstmTest extends DoublePrecisionTest {

    private static MultiLayerNetwork network(BaseRecurrentLayer.Builder<?> recurrent) {
        boolean both = recurrent instanceof FusedLstm.Builder && ((FusedLstm) recurrent.nIn(IN).nOut(UNITS).build())
                .isBidirectional();
        return network(recurrent, both ? 2 * UNITS : UNITS);
    }

    private static MultiLayerNetwork network(BaseRecurrentLayer.Builder<?> recurrent, int width) {
        return RecurrentFixture.network(recurrent.nIn(IN).nOut(UNITS).dataFormat(RNNFormat.NCW).build(), width);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void outputsAndGradientsEqualDl4jLstmForTheSameWeights(boolean masked) {
        Nd4j.getRandom().setSeed(3);
        MultiLayerNetwork ours = network(new FusedLstm.Builder());
        MultiLayerNetwork theirs = network(new LSTM.Builder().activation(Activation.TANH));
        assertEquals(theirs.numParams(), ours.numParams());
        theirs.setParams(ours.params().dup());
        INDArray x = input();
        INDArray mask = masked ? mask() : null;

        INDArray a = ours.feedForward(x, mask, mask).get(1);
        INDArray b = theirs.feedForward(x, mask, mask).get(1);
        if (masked) {
            // DL4J's LSTM leaves garbage at padded steps; ours writes zeros there. Real steps must agree.
            b.muli(mask.reshape(BATCH, 1, STEPS).broadcast(BATCH, UNITS, STEPS));
        }
        assertTrue(a.equalsWithEps(b, 1e-12), "outputs differ:\n" + a + "\n" + b);

        ours.setInput(x);
        ours.setLabels(labels());
        ours.setLayerMaskArrays(mask, mask);
        theirs.setInput(x);
        theirs.setLabels(labels());
        theirs.setLayerMaskArrays(mask, mask);
        ours.computeGradientAndScore();
        theirs.computeGradientAndScore();
        assertEquals(theirs.score(), ours.score(), 1e-12);
        Map<String, INDArray> ourGradients = ours.gradient().gradientForVariable();
        for (Map.Entry<String, INDArray> e : theirs.gradient().gradientForVariable().entrySet()) {
            assertTrue(e.getValue().equalsWithEps(ourGradients.get(e.getKey()), 1e-10), "gradient " + e.getKey() + "\n" + e.getValue() + "\n" + ourGradients.get(e.getKey()));
        }
    }

    @ParameterizedTest
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void gradientsPassFiniteDifferenceCheck(boolean masked, boolean bidirectional) {
        Nd4j.getRandom().setSeed(5);
        MultiLayerNetwork net = network(new FusedLstm.Builder().bidirectional(bidirectional));
        assertTrue(passesGradientCheck(net, masked));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void classifierGradientsPassFiniteDifferenceCheck(boolean bidirectional) {
        Nd4j.getRandom().setSeed(7);
        TrainingConfig training = Tasks.parseConfig("", "test", List.of("training.clip_norm=0",
                "training.optimizer=sgd", "training.learning_rate=1.0")).training();   // what the checker requires
        EncoderConfig model = new EncoderConfig(3, 0.0, CellType.LSTM, RecurrentImplementation.FUSED, 3, 2, bidirectional,
                0.0);
        List<Pooling> pooling = List.of(Pooling.MEAN, Pooling.MAX, Pooling.LAST);
        ComputationGraph graph = ClassifierNetwork.build(model, pooling, training, 10, 2);
        graph = new ComputationGraph(graph.getConfiguration().clone());
        graph.getConfiguration().setDataType(DataType.DOUBLE);
        graph.init();
        var batch = BucketedBatchIterator.toDataSet(List.of(new EncodedExample(new int[] {2, 3, 4, 5}, 0),
                new EncodedExample(new int[] {6, 7}, 1), new EncodedExample(new int[] {8}, 1)), 2);
        assertTrue(GraphGradientCheck.passes(graph, batch, 1e-4, 1e-8));
    }

    @Test
    void bidirectionalLayerIsAForwardCellAndABackwardCellFromEachSequencesLastRealStep() {
        Nd4j.getRandom().setSeed(11);
        MultiLayerNetwork both = network(new FusedLstm.Builder().bidirectional(true));
        MultiLayerNetwork forward = network(new FusedLstm.Builder());
        MultiLayerNetwork backward = network(new FusedLstm.Builder());
        copyDirection(both, 0, forward);
        copyDirection(both, 1, backward);
        INDArray x = input();
        INDArray mask = mask();
        INDArray out = both.feedForward(x, mask, mask).get(1);   // [batch, 2 x units, time]
        INDArray forwardOut = forward.feedForward(x, mask, mask).get(1);
        assertTrue(out.get(all(), interval(0, UNITS), all()).equalsWithEps(forwardOut, 1e-12));
        int[] lengths = {5, 3, 1};
        for (int b = 0; b < BATCH; b++) {
            int n = lengths[b];
            INDArray reversed = Nd4j.create(DataType.DOUBLE, 1, IN, n);
            for (int t = 0; t < n; t++) {
                reversed.get(all(), all(), point(t)).assign(x.get(point(b), all(), point(n - 1 - t)));
            }
            INDArray expected = backward.feedForward(reversed).get(1);
            for (int t = 0; t < n; t++) {
                assertTrue(out.get(point(b), interval(UNITS, 2 * UNITS), point(t)).equalsWithEps(
                        expected.get(point(0), all(), point(n - 1 - t)), 1e-12), "row " + b + " step " + t);
            }
        }
    }

    /** Copies direction {@code d}'s weights of a bidirectional layer into a one-direction layer. */
    private static void copyDirection(MultiLayerNetwork bidirectional, int d, MultiLayerNetwork target) {
        var from = bidirectional.getLayer(0);
        var to = target.getLayer(0);
        to.setParam("W", from.getParam("W").get(all(), interval(d * 4 * UNITS, (d + 1) * 4 * UNITS)));
        to.setParam("RW", from.getParam("RW").get(all(), interval(d * 4 * UNITS, (d + 1) * 4 * UNITS)));
        to.setParam("b", from.getParam("b").get(interval(d * 4 * UNITS, (d + 1) * 4 * UNITS)));
    }

    @Test
    void stateCarriesAcrossTimeStepCalls() {
        Nd4j.getRandom().setSeed(9);
        MultiLayerNetwork net = network(new FusedLstm.Builder());
        INDArray x = input();
        INDArray whole = net.output(x);
        net.rnnClearPreviousState();
        INDArray first = net.rnnTimeStep(x.get(all(), all(), interval(0, 2)));
        INDArray rest = net.rnnTimeStep(x.get(all(), all(), interval(2, STEPS)));
        assertTrue(Nd4j.concat(2, first, rest).equalsWithEps(whole, 1e-12));
    }
}
