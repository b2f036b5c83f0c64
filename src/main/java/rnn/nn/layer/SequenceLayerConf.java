package rnn.nn.layer;

import java.util.Collection;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.nn.memory.ParamViews;

/**
 * What the configurations of rnn's non-recurrent custom layers over sequences share
 * ({@link CharCnn}, {@link rnn.nn.crf.CrfOutput}, {@link SoftmaxOutput}): NCW in, {@code nOut} features per
 * step out, and the layer built and wired to its parameters the same way.
 */
public abstract class SequenceLayerConf extends FeedForwardLayer {
    /** For JSON deserialisation. */
    public SequenceLayerConf() {
    }

    public SequenceLayerConf(FeedForwardLayer.Builder<?> builder) {
        super(builder);
    }

    /** The layer that computes this configuration. */
    protected abstract org.deeplearning4j.nn.api.Layer newLayer(NeuralNetConfiguration conf, DataType dataType);

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
            DataType dataType) {
        return ParamViews.wire(newLayer(conf, dataType), this, conf, listeners, layerIndex, paramsView,
                initializeParams, initializer());
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeRecurrent in = (InputType.InputTypeRecurrent) inputType;
        return InputType.recurrent(getNOut(), in.getTimeSeriesLength(), in.getFormat());
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return null;
    }
}
