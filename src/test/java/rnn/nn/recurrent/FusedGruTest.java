package rnn.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import rnn.config.CellType;
import rnn.config.ConfigException;
import rnn.config.Pooling;
import rnn.config.RecurrentImplementation;
import rnn.config.TrainingConfig;
import rnn.data.BucketedBatchIterator;
import rnn.data.EncodedExample;
import rnn.nn.DoublePrecisionTest;
import rnn.nn.GraphGradientCheck;
import rnn.task.classify.ClassifierNetwork;
import rnn.task.classify.SequenceClassifier;
import rnn.config.EncoderConfig;
import rnn.task.registry.Tasks;

/** {@link FusedGru} computes PyTorch's GRU, bidirectional and masked, with correct gradients. */
class FusedGruTest extends DoublePrecisionTest {

    private static MultiLayerNetwork network(boolean bidirectional) {
        MultiLayerNetwork net = RecurrentFixture.network(new FusedGru.Builder().bidirectional(bidirectional).nIn(IN)
                .nOut(UNITS).dataFormat(RNNFormat.NCW).build(), bidirectional ? 2 * UNITS : UNITS);
        // Non-zero biases, so that a mix-up of the input and recurrent biases shows.
        net.getLayer(0).getParam("b").assign(Nd4j.rand(DataType.DOUBLE, 1, net.getLayer(0).getParam("b").length())
                .reshape(net.getLayer(0).getParam("b").shape()).subi(0.5));
        net.getLayer(0).getParam("rb").assign(Nd4j.rand(DataType.DOUBLE, 1, net.getLayer(0).getParam("rb").length())
                .reshape(net.getLayer(0).getParam("rb").shape()).subi(0.5));
        return net;
    }

    /** PyTorch's GRU step, written out plainly: gate blocks r, z, n of direction {@code d}. */
    private static double[] referenceStep(double[] x, double[] h, double[][] w, double[][] rw, double[] b,
                                          double[] rb, int d) {
        int o = d * 3 * UNITS;
        double[] out = new double[UNITS];
        for (int j = 0; j < UNITS; j++) {
            double[] gx = new double[3];
            double[] gh = new double[3];
            for (int g = 0; g < 3; g++) {
                int col = o + g * UNITS + j;
                gx[g] = b[col];
                gh[g] = rb[col];
                for (int i = 0; i < IN; i++) {
                    gx[g] += x[i] * w[i][col];
                }
                for (int i = 0; i < UNITS; i++) {
                    gh[g] += h[i] * rw[i][col];
                }
            }
            double r = 1 / (1 + Math.exp(-(gx[0] + gh[0])));
            double z = 1 / (1 + Math.exp(-(gx[1] + gh[1])));
            double n = Math.tanh(gx[2] + r * gh[2]);
            out[j] = (1 - z) * n + z * h[j];
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void outputsEqualAStraightforwardReferenceGru(boolean bidirectional) {
        Nd4j.getRandom().setSeed(31);
        MultiLayerNetwork net = network(bidirectional);
        var layer = net.getLayer(0);
        double[][] w = layer.getParam("W").toDoubleMatrix();
        double[][] rw = layer.getParam("RW").toDoubleMatrix();
        double[] b = layer.getParam("b").toDoubleVector();
        double[] rb = layer.getParam("rb").toDoubleVector();
        INDArray x = input();
        INDArray out = net.feedForward(x, mask(), mask()).get(1);   // [batch, directions x units, time]
        for (int row = 0; row < BATCH; row++) {
            for (int d = 0; d < (bidirectional ? 2 : 1); d++) {
                double[] h = new double[UNITS];
                for (int k = 0; k < LENGTHS[row]; k++) {
                    int t = d == 0 ? k : LENGTHS[row] - 1 - k;   // the backward cell starts at the last real step
                    h = referenceStep(x.get(point(row), all(), point(t)).toDoubleVector(), h, w, rw, b, rb, d);
                    for (int j = 0; j < UNITS; j++) {
                        assertEquals(h[j], out.getDouble(row, d * UNITS + j, t), 1e-12, "row " + row + " t " + t);
                    }
                }
                for (int t = LENGTHS[row]; t < STEPS; t++) {
                    for (int j = 0; j < UNITS; j++) {
                        assertEquals(0.0, out.getDouble(row, d * UNITS + j, t), "padding stays zero");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void gradientsPassFiniteDifferenceCheck(boolean masked, boolean bidirectional) {
        Nd4j.getRandom().setSeed(33);
        MultiLayerNetwork net = network(bidirectional);
        assertTrue(passesGradientCheck(net, masked));
    }

    private static ComputationGraph classifier(boolean bidirectional, DataType type) {
        TrainingConfig training = Tasks.parseConfig("", "test", List.of("training.clip_norm=0",
                "training.optimizer=sgd", "training.learning_rate=1.0")).training();
        EncoderConfig model = new EncoderConfig(3, 0.0, CellType.GRU, RecurrentImplementation.FUSED, 3, 2, bidirectional,
                0.0);
        List<Pooling> pooling = List.of(Pooling.MEAN, Pooling.MAX, Pooling.LAST);
        ComputationGraph graph = new ComputationGraph(ClassifierNetwork.build(model, pooling, training, 10, 2)
                .getConfiguration().clone());
        graph.getConfiguration().setDataType(type);
        graph.init();
        return graph;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void classifierGradientsPassFiniteDifferenceCheck(boolean bidirectional) {
        Nd4j.getRandom().setSeed(35);
        ComputationGraph graph = classifier(bidirectional, DataType.DOUBLE);
        var batch = BucketedBatchIterator.toDataSet(List.of(new EncodedExample(new int[] {2, 3, 4, 5}, 0),
                new EncodedExample(new int[] {6, 7}, 1), new EncodedExample(new int[] {8}, 1)), 2);
        assertTrue(GraphGradientCheck.passes(graph, batch, 1e-4, 1e-8));
    }

    /** FLOAT runs the vectorised kernel (when the Vector API module is present), DOUBLE the scalar one. */
    @ParameterizedTest
    @ValueSource(strings = {"DOUBLE", "FLOAT"})
    void paddedBatchMatchesOneByOne(DataType type) {
        Nd4j.getRandom().setSeed(37);
        ComputationGraph graph = classifier(true, type);
        List<int[]> sequences = List.of(new int[] {3, 4, 5}, new int[] {6, 7, 8, 9, 1, 2}, new int[] {2});
        float[][] batched = new SequenceClassifier(graph, 3).probabilities(sequences);
        SequenceClassifier single = new SequenceClassifier(graph, 1);
        for (int i = 0; i < sequences.size(); i++) {
            assertArrayEquals(single.probabilities(List.of(sequences.get(i)))[0], batched[i], 1e-5f);
        }
    }

    @Test
    void stateCarriesAcrossTimeStepCalls() {
        Nd4j.getRandom().setSeed(39);
        MultiLayerNetwork net = network(false);
        INDArray x = input();
        INDArray whole = net.output(x);
        net.rnnClearPreviousState();
        INDArray first = net.rnnTimeStep(x.get(all(), all(), interval(0, 2)));
        INDArray rest = net.rnnTimeStep(x.get(all(), all(),
                interval(2, STEPS)));
        assertTrue(Nd4j.concat(2, first, rest).equalsWithEps(whole, 1e-12));
    }

    @Test
    void dl4jImplementationHasNoGru() {
        EncoderConfig model = new EncoderConfig(3, 0.0, CellType.GRU, RecurrentImplementation.DL4J, 3, 1, false, 0.0);
        List<Pooling> pooling = List.of(Pooling.MEAN);
        ConfigException e = assertThrows(ConfigException.class,
                () -> ClassifierNetwork.build(model, pooling, Tasks.parseConfig("", "test", List.of()).training(), 10, 2));
        assertTrue(e.getMessage().contains("needs model.implementation: fused"), e.getMessage());
    }
}
