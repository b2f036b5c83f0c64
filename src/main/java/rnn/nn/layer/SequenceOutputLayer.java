package rnn.nn.layer;

import java.util.List;

import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * What rnn's output layers over sequences share: labels (class ids {@code [batch, 1, time]}),
 * the gradient object over the gradient views, and DL4J's {@code Classifier} methods, which are
 * for training an output layer on its own and which rnn, training whole networks, does not offer.
 */
public abstract class SequenceOutputLayer<C extends FeedForwardLayer> extends BaseLayer<C> implements IOutputLayer {
    protected INDArray labels;

    public SequenceOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** The gradient object over this layer's gradient views, once they hold the values. */
    public Gradient gradientOfViews(List<String> keys) {
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        for (String key : keys) {
            gradient.gradientForVariable().put(key, gradientViews.get(key));
        }
        return gradient;
    }

    /** Real steps per sequence, from the mask (all steps without one); the real steps are a prefix. */
    public int[] lengths(int batch, int steps) {
        int[] lengths = new int[batch];
        if (maskArray == null) {
            java.util.Arrays.fill(lengths, steps);
            return lengths;
        }
        float[] mask = maskArray.castTo(DataType.FLOAT).dup('c').data().asFloat();   // [batch][time]
        for (int b = 0; b < batch; b++) {
            int n = 0;
            while (n < steps && mask[b * steps + n] != 0) {
                n++;
            }
            lengths[b] = n;
        }
        return lengths;
    }

    /** Each time-major row's label (row {@code t * batch + b}), -1 at padded steps. */
    protected int[] rowLabels(int batch, int steps) {
        float[] ids = labels.castTo(DataType.FLOAT).dup('c').data().asFloat();   // [batch][1][time]
        int[] lengths = lengths(batch, steps);
        int[] out = new int[steps * batch];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                out[t * batch + b] = t < lengths[b] ? (int) ids[b * steps + t] : -1;
            }
        }
        return out;
    }

    /** Each time-major row as {@link SoftmaxRows} takes it without labels: real ({@link SoftmaxRows#NO_LABEL}) or padded (-1). */
    protected int[] unlabelledRows(int batch, int steps) {
        int[] lengths = lengths(batch, steps);
        int[] marks = new int[steps * batch];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                marks[t * batch + b] = t < lengths[b] ? SoftmaxRows.NO_LABEL : -1;
            }
        }
        return marks;
    }

    @Override
    public boolean needsLabels() {
        return true;
    }

    @Override
    public void setLabels(INDArray labels) {
        this.labels = labels;
    }

    @Override
    public INDArray getLabels() {
        return labels;
    }

    @Override
    public void clear() {
        super.clear();
        labels = null;
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public int numLabels() {
        return (int) layerConf().getNOut();
    }

    @Override
    public Gradient gradient() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " computes gradients in backpropGradient");
    }

    @Override
    public double f1Score(DataSet data) {
        throw unsupported();
    }

    @Override
    public double f1Score(INDArray examples, INDArray labels) {
        throw unsupported();
    }

    @Override
    public void fit(DataSetIterator iter) {
        throw unsupported();
    }

    @Override
    public int[] predict(INDArray examples) {
        throw unsupported();
    }

    @Override
    public List<String> predict(DataSet dataSet) {
        throw unsupported();
    }

    @Override
    public void fit(INDArray examples, INDArray labels) {
        throw unsupported();
    }

    @Override
    public void fit(DataSet data) {
        throw unsupported();
    }

    @Override
    public void fit(INDArray examples, int[] labels) {
        throw unsupported();
    }

    private UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException(getClass().getSimpleName()
                + " is trained and run as part of a network");
    }
}
