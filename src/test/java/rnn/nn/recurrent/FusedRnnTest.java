package rnn.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;
import static rnn.nn.recurrent.RecurrentFixture.BATCH;
import static rnn.nn.recurrent.RecurrentFixture.IN;
import static rnn.nn.recurrent.RecurrentFixture.LENGTHS;
import static rnn.nn.recurrent.RecurrentFixture.STEPS;
import static rnn.nn.recurrent.RecurrentFixture.UNITS;
import static rnn.nn.recurrent.RecurrentFixture.input;
import static rnn.nn.recurrent.RecurrentFixture.mask;
import static rnn.nn.recurrent.RecurrentFixture.passesGradientCheck;

import java.util.List;

import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
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
import rnn.nn.DoublePrecisionTest;
import rnn.task.classify.ClassifierNetwork;
import rnn.task.classify.SequenceClassifier;
import rnn.config.EncoderConfig;
import rnn.task.registry.Tasks;

/** {@link FusedRnn} computes DL4J's SimpleRnn, bidirectional and masked, with correct gradients. */
class FusedRnnTest extends DoublePrecisionTest {

    private static MultiLayerNetwork fused(boolean bidirectional) {
        MultiLayerNetwork net = RecurrentFixture.network(new FusedRnn.Builder().bidirectional(bidirectional).nIn(IN)
                .nOut(UNITS).dataFormat(RNNFormat.NCW).build(), bidirectional ? 2 * UNITS : UNITS);
        INDArray b = net.getLayer(0).getParam("b");
        b.assign(Nd4j.rand(DataType.DOUBLE, b.shape()).subi(0.5));   // non-zero, so that the bias shows
        return net;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void outputsEqualDl4jsSimpleRnnForEachDirection(boolean bidirectional) {
        Nd4j.getRandom().setSeed(41);
        MultiLayerNetwork ours = fused(bidirectional);
        INDArray x = input();
        INDArray out = ours.feedForward(x, mask(), mask()).get(1);   // [batch, directions x units, time]
        for (int d = 0; d < (bidirectional ? 2 : 1); d++) {
            MultiLayerNetwork theirs = RecurrentFixture.network(new SimpleRnn.Builder().activation(Activation.TANH).nIn(IN)
                    .nOut(UNITS).dataFormat(RNNFormat.NCW).build(), UNITS);
            var layer = ours.getLayer(0);
            theirs.getLayer(0).getParam("W").assign(layer.getParam("W").get(all(),
                    interval(d * UNITS, (d + 1) * UNITS)));
            theirs.getLayer(0).getParam("RW").assign(layer.getParam("RW").get(all(),
                    interval(d * UNITS, (d + 1) * UNITS)));
            theirs.getLayer(0).getParam("b").assign(layer.getParam("b").reshape(1, -1).get(all(),
                    interval(d * UNITS, (d + 1) * UNITS)));
            for (int row = 0; row < BATCH; row++) {
                // DL4J's cell reads one sequence (reversed for the backward direction) of its real steps.
                INDArray sequence = Nd4j.create(DataType.DOUBLE, 1, IN, LENGTHS[row]);
                for (int k = 0; k < LENGTHS[row]; k++) {
                    int t = d == 0 ? k : LENGTHS[row] - 1 - k;
                    sequence.get(point(0), all(), point(k)).assign(x.get(point(row), all(), point(t)));
                }
                INDArray expected = theirs.feedForward(sequence).get(1);
                for (int k = 0; k < LENGTHS[row]; k++) {
                    int t = d == 0 ? k : LENGTHS[row] - 1 - k;
                    for (int j = 0; j < UNITS; j++) {
                        assertEquals(expected.getDouble(0, j, k), out.getDouble(row, d * UNITS + j, t), 1e-12,
                                "row " + row + " direction " + d + " t " + t);
                    }
                }
                for (int t = LENGTHS[row]; t < STEPS; t++) {
                    assertEquals(0.0, out.get(point(row), all(), point(t)).norm1Number().doubleValue(),
                            "padding stays zero");
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void gradientsPassFiniteDifferenceCheck(boolean masked, boolean bidirectional) {
        Nd4j.getRandom().setSeed(43);
        MultiLayerNetwork net = fused(bidirectional);
        assertTrue(passesGradientCheck(net, masked));
    }

    /** FLOAT runs the vectorised kernel (when the Vector API module is present), DOUBLE the scalar one. */
    @ParameterizedTest
    @ValueSource(strings = {"DOUBLE", "FLOAT"})
    void paddedBatchOfTheConfiguredClassifierMatchesOneByOne(DataType type) {
        Nd4j.getRandom().setSeed(45);
        TrainingConfig training = Tasks.parseConfig("", "test", List.of()).training();
        EncoderConfig model = new EncoderConfig(3, 0.0, CellType.RNN, RecurrentImplementation.FUSED, 3, 2, true,
                0.0);
        List<Pooling> pooling = List.of(Pooling.MEAN, Pooling.MAX, Pooling.LAST);
        ComputationGraph graph = new ComputationGraph(ClassifierNetwork.build(model, pooling, training, 10, 2)
                .getConfiguration().clone());
        graph.getConfiguration().setDataType(type);
        graph.init();
        assertTrue(graph.getLayer("rnn0").conf().getLayer() instanceof FusedRnn, "cell: rnn builds the fused layer");
        List<int[]> sequences = List.of(new int[] {3, 4, 5}, new int[] {6, 7, 8, 9, 1, 2}, new int[] {2});
        float[][] batched = new SequenceClassifier(graph, 3).probabilities(sequences);
        SequenceClassifier single = new SequenceClassifier(graph, 1);
        for (int i = 0; i < sequences.size(); i++) {
            assertArrayEquals(single.probabilities(List.of(sequences.get(i)))[0], batched[i], 1e-5f);
        }
    }
}
