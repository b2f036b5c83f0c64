package rnn.nn.recurrent;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * What the recurrent layers' tests share: a batch of {@value #BATCH} sequences of {@value #IN}
 * features and up to {@value #STEPS} steps (real lengths {@link #LENGTHS}, padded at the end),
 * a layer of {@value #UNITS} units under a per-step softmax, and the finite-difference check.
 */
final class RecurrentFixture {
    static final int IN = 3;
    static final int UNITS = 4;
    static final int STEPS = 5;
    static final int BATCH = 3;
    static final int[] LENGTHS = {5, 3, 1};

    private RecurrentFixture() {
    }

    /** A double-precision network: {@code recurrent} ({@code width} outputs per step), then a 2-class softmax per step. */
    static MultiLayerNetwork network(Layer recurrent, int width) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE).seed(12).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list()
                .layer(recurrent)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(width).nOut(2)
                        .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).build())
                .build());
        net.init();
        return net;
    }

    static INDArray input() {
        return Nd4j.rand(DataType.DOUBLE, BATCH, IN, STEPS).subi(0.5).muli(2);   // [batch, in, time]
    }

    /** Rows of lengths 5, 3 and 1: the shorter ones padded at the end. */
    static INDArray mask() {
        return Nd4j.createFromArray(new double[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}, {1, 0, 0, 0, 0}});
    }

    static INDArray labels() {
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, BATCH, 2, STEPS);
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < STEPS; t++) {
                labels.putScalar(b, (b + t) % 2, t, 1.0);
            }
        }
        return labels;
    }

    /** Whether {@code net}'s gradients on the fixture's batch (masked or not) match finite differences. */
    static boolean passesGradientCheck(MultiLayerNetwork net, boolean masked) {
        INDArray mask = masked ? mask() : null;
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(input())
                .labels(labels()).inputMask(mask).labelMask(mask).epsilon(1e-6).maxRelError(1e-5)
                .minAbsoluteError(1e-9).print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(true));
    }
}
