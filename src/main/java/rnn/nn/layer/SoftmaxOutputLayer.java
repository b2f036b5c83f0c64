package rnn.nn.layer;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.nn.memory.Blas;

/**
 * The softmax output over a large vocabulary ({@link SoftmaxOutput}); labels are class ids
 * {@code [batch, 1, time]}. The logits of every step are one matrix product into a time-major
 * scratch array; one pass per row then turns them into probabilities (for the output) or into
 * the loss and its gradient, {@code softmax - onehot(label)} (for training), in place.
 */
public final class SoftmaxOutputLayer extends StreamOutputLayer<SoftmaxOutput> {

    SoftmaxOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** The logits {@code [rows, classes]} of time-major inputs. */
    private INDArray logits(INDArray inputs) {
        INDArray logits = buffer("logits", inputs.size(0), layerConf().getNOut());
        Blas.gemm(inputs, false, getParam(SoftmaxOutput.Params.WEIGHTS), false, logits, 1.0, 0.0);
        return logits;
    }

    @Override
    protected Loss loss(INDArray inputs, int[] label, boolean gradients) {
        INDArray dLogits = logits(inputs);
        double loss = SoftmaxRows.apply(dLogits, getParam(SoftmaxOutput.Params.BIAS), label);
        if (!gradients) {
            return new Loss(loss, null);
        }
        Blas.gemm(inputs, true, dLogits, false, gradientViews.get(SoftmaxOutput.Params.WEIGHTS), 1.0, 0.0);
        columnSums(dLogits, gradientViews.get(SoftmaxOutput.Params.BIAS));
        INDArray dInputs = buffer("dInputs", dLogits.size(0), inputs.size(1));
        Blas.gemm(dLogits, false, getParam(SoftmaxOutput.Params.WEIGHTS), true, dInputs, 1.0, 0.0);
        return new Loss(loss, dInputs);
    }

    /** Probabilities {@code [batch, classes, time]}; zero at padded steps. */
    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray logits = logits(inputs(training, workspaceMgr));
        int[] marks = maskArray == null ? null : unlabelledRows((int) input.size(0), (int) input.size(2));
        SoftmaxRows.apply(logits, getParam(SoftmaxOutput.Params.BIAS), marks);
        return sequenceOf(logits, workspaceMgr);
    }
}
