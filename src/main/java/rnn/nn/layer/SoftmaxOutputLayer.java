package rnn.nn.layer;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.nn.memory.Blas;
import rnn.nn.memory.ScratchArrays;
import rnn.nn.memory.TimeMajor;

/**
 * The softmax output over a large vocabulary ({@link SoftmaxOutput}). Input {@code [batch, nIn,
 * time]} (NCW) with an optional mask {@code [batch, time]} (a prefix of real steps); labels are
 * class ids {@code [batch, 1, time]}. The logits of every step are one matrix product into a
 * time-major scratch array; one pass per row then turns them into probabilities (for the output)
 * or into the loss and its gradient, {@code softmax - onehot(label)} (for training), in place.
 */
public final class SoftmaxOutputLayer extends SequenceOutputLayer<SoftmaxOutput> {
    private final ScratchArrays scratch = new ScratchArrays();
    /**
     * The mean loss found by the last back-propagation, for the score DL4J asks for right after
     * it (computeGradientAndScore); used once, since parameters may change before the next ask.
     */
    private double lossFromBackprop = Double.NaN;

    SoftmaxOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** The time-major input {@code [time x batch, nIn]} and the logits {@code [time x batch, classes]} it gives. */
    private record Logits(INDArray inputs, INDArray values) {
    }

    /** The logits of the current input (after dropout when training). */
    private Logits logits(boolean training, LayerWorkspaceMgr workspaceMgr) {
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray x = input;
        long rows = x.size(2) * x.size(0);
        INDArray inputs = buffer("inputs", rows, x.size(1));
        TimeMajor.fromNcw(x, inputs);
        INDArray logits = buffer("logits", rows, layerConf().getNOut());
        Blas.gemm(inputs, false, getParam(SoftmaxOutput.Params.WEIGHTS), false, logits, 1.0, 0.0);
        return new Logits(inputs, logits);
    }

    /** See {@link SoftmaxRows#apply}: probabilities, or at labelled rows the loss gradient; returns the summed loss. */
    private double softmaxRows(INDArray logits, int[] label) {
        return SoftmaxRows.apply(logits, getParam(SoftmaxOutput.Params.BIAS), label);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        Logits forward = logits(true, workspaceMgr);
        INDArray dLogits = forward.values();
        int batch = (int) input.size(0);
        int steps = (int) input.size(2);
        double loss = softmaxRows(dLogits, rowLabels(batch, steps));
        lossFromBackprop = loss / batch;
        // Gradients of the loss summed over the batch, as DL4J's output layers give them: the
        // updater divides by the batch size (the score, in contrast, is the mean).
        Blas.gemm(forward.inputs(), true, dLogits, false, gradientViews.get(SoftmaxOutput.Params.WEIGHTS), 1.0, 0.0);
        INDArray ones = buffer("ones", 1, dLogits.size(0)).assign(1);
        INDArray biasGradient = gradientViews.get(SoftmaxOutput.Params.BIAS).reshape(1, dLogits.size(1));
        Blas.gemm(ones, false, dLogits, false, biasGradient, 1.0, 0.0);
        INDArray dInputs = buffer("dInputs", dLogits.size(0), input.size(1));
        Blas.gemm(dLogits, false, getParam(SoftmaxOutput.Params.WEIGHTS), true, dInputs, 1.0, 0.0);
        INDArray epsilonOut = TimeMajor.sequenceOf(dInputs, batch, workspaceMgr, ArrayType.ACTIVATION_GRAD);
        weightNoiseParams.clear();
        return new Pair<>(gradientOfViews(SoftmaxOutput.Params.INSTANCE.paramKeys(layerConf())),
                backpropDropOutIfPresent(epsilonOut));
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        double loss = lossFromBackprop;
        lossFromBackprop = Double.NaN;
        if (Double.isNaN(loss)) {
            loss = softmaxRows(logits(false, workspaceMgr).values(),
                    rowLabels((int) input.size(0), (int) input.size(2))) / input.size(0);
        }
        score = loss + fullNetRegTerm;
        return score;
    }

    @Override
    public INDArray computeScoreForExamples(double fullNetRegTerm, LayerWorkspaceMgr workspaceMgr) {
        throw new UnsupportedOperationException("per-example scores are not offered; a language model is scored as a stream");
    }

    /** Probabilities {@code [batch, classes, time]}; zero at padded steps. */
    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray logits = logits(training, workspaceMgr).values();
        int batch = (int) input.size(0);
        int steps = (int) input.size(2);
        int[] marks = maskArray == null ? null : unlabelledRows(batch, steps);
        softmaxRows(logits, marks);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {batch, layerConf().getNOut(), steps}, 'f');
        TimeMajor.toNcw(logits, out);
        return out;
    }

    private INDArray buffer(String name, long rows, long columns) {
        return scratch.get(name, dataType, rows, columns);
    }
}
