package rnn.nn.layer;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.nn.memory.Backend;
import rnn.nn.memory.Blas;
import rnn.nn.memory.ScratchArrays;
import rnn.nn.memory.TimeMajor;

/**
 * What the softmax layers over sequences share ({@link SoftmaxOutputLayer}: a language model's or a tagger's; {@link
 * AdaptiveSoftmaxLayer}): the input {@code [batch, nIn, time]} (NCW, an optional mask {@code
 * [batch, time]} of a prefix of real steps) becomes one time-major matrix {@code [time x batch,
 * nIn]} in reused scratch arrays; a subclass gives the loss summed over its labelled rows and,
 * in training, its gradients; back-propagation and the score are then the same for both.
 */
abstract class StreamOutputLayer<C extends FeedForwardLayer> extends SequenceOutputLayer<C> {
    private final ScratchArrays scratch = new ScratchArrays();
    /**
     * The mean loss found by the last back-propagation, for the score DL4J asks for right after
     * it (computeGradientAndScore); used once, since parameters may change before the next ask.
     */
    private double lossFromBackprop = Double.NaN;

    StreamOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** A summed loss and, when asked for, its gradient with respect to the time-major inputs. */
    protected record Loss(double sum, INDArray dInputs) {
    }

    /**
     * The negative log-likelihood summed over the rows of {@code inputs} whose {@code label} is
     * not negative (a negative label marks a padded step). With {@code gradients}, the parameter
     * gradient views hold the loss's gradients summed over rows, as DL4J's output layers give
     * them (the updater divides by the batch size; the score, in contrast, is the mean), and the
     * result holds the input gradient {@code [rows, nIn]}.
     */
    protected abstract Loss loss(INDArray inputs, int[] label, boolean gradients);

    /** The current input (after dropout when training) as a time-major matrix {@code [time x batch, nIn]}. */
    protected INDArray inputs(boolean training, LayerWorkspaceMgr workspaceMgr) {
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray inputs = buffer("inputs", input.size(2) * input.size(0), input.size(1));
        TimeMajor.fromNcw(input, inputs);
        return inputs;
    }

    /** A scratch matrix of this layer, reused from call to call. */
    protected INDArray buffer(String name, long rows, long columns) {
        return scratch.get(name, dataType, rows, columns);
    }

    /** {@code target = sum over the rows of m}. */
    protected void columnSums(INDArray m, INDArray target) {
        INDArray ones = buffer("ones", 1, m.size(0)).assign(1);
        Blas.gemm(ones, false, m, false, target.reshape(1, m.size(1)), 1.0, 0.0);
    }

    /** Time-major probabilities {@code [rows, nOut]} as an output {@code [batch, nOut, time]}. */
    protected INDArray sequenceOf(INDArray probabilities, LayerWorkspaceMgr workspaceMgr) {
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {input.size(0), probabilities.size(1), input.size(2)}, 'f');
        TimeMajor.toNcw(probabilities, out);
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        int batch = (int) input.size(0);
        Loss loss = loss(inputs(true, workspaceMgr), rowLabels(batch, (int) input.size(2)), true);
        lossFromBackprop = loss.sum() / batch;
        INDArray epsilonOut = TimeMajor.sequenceOf(loss.dInputs(), batch, workspaceMgr, ArrayType.ACTIVATION_GRAD);
        weightNoiseParams.clear();
        return new Pair<>(gradientOfViews(layerConf().initializer().paramKeys(layerConf())),
                backpropDropOutIfPresent(epsilonOut));
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        double loss = lossFromBackprop;
        lossFromBackprop = Double.NaN;
        if (Double.isNaN(loss)) {
            int batch = (int) input.size(0);
            int[] labels = rowLabels(batch, (int) input.size(2));
            loss = (Backend.hostKernels(training) ? loss(inputs(false, workspaceMgr), labels, false).sum()
                    : lossWithOps(labels, workspaceMgr)) / batch;
        }
        score = loss + fullNetRegTerm;
        return score;
    }

    /**
     * The summed negative log-likelihood from the output's probabilities, for scoring through
     * ND4J's ops (see {@code Backend}): {@link #loss} reads rows in host memory.
     */
    private double lossWithOps(int[] labels, LayerWorkspaceMgr workspaceMgr) {
        INDArray probabilities = activate(false, workspaceMgr);   // [batch, classes, time]
        int batch = (int) input.size(0);
        double sum = 0;
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] >= 0) {
                sum -= Math.log(probabilities.getDouble(r % batch, labels[r], r / batch));
            }
        }
        return sum;
    }

    @Override
    public INDArray computeScoreForExamples(double fullNetRegTerm, LayerWorkspaceMgr workspaceMgr) {
        throw new UnsupportedOperationException("per-example scores are not offered; language models and taggers are scored by rnn's own evaluators");
    }
}
