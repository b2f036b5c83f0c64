package rnn.nn.memory;

import java.util.LinkedHashMap;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What rnn's custom layers share in handling their parameters: named views cut one after another
 * from DL4J's flat parameter (or gradient) vector, and the wiring of a new layer to its views.
 */
public final class ParamViews {
    private final INDArray vector;
    private final Map<String, INDArray> views = new LinkedHashMap<>();
    private long at;

    public ParamViews(INDArray flat) {
        this.vector = flat.reshape(flat.length());
    }

    /** The next {@code rows x columns} values as a column-major matrix (DL4J's layout for weights). */
    public ParamViews matrix(String key, long rows, long columns) {
        views.put(key, vector.get(NDArrayIndex.interval(at, at + rows * columns)).reshape('f', rows, columns));
        at += rows * columns;
        return this;
    }

    /** The next {@code rows x columns} values as a row-major matrix (each row contiguous). */
    public ParamViews rows(String key, long rows, long columns) {
        views.put(key, vector.get(NDArrayIndex.interval(at, at + rows * columns)).reshape('c', rows, columns));
        at += rows * columns;
        return this;
    }

    /** The next {@code length} values as a vector. */
    public ParamViews vector(String key, long length) {
        views.put(key, vector.get(NDArrayIndex.interval(at, at + length)));
        at += length;
        return this;
    }

    /** The views by key, in order; every value of the flat vector must belong to one. */
    public Map<String, INDArray> views() {
        if (at != vector.length()) {
            throw new IllegalStateException("parameter views cover " + at + " of " + vector.length() + " values");
        }
        return views;
    }

    /** Gives a freshly made layer its configuration, listeners, index and parameters (initialised if asked). */
    public static <L extends Layer> L wire(L layer, FeedForwardLayer layerConf, NeuralNetConfiguration conf,
                                    java.util.Collection<TrainingListener> listeners, int index, INDArray paramsView,
                                    boolean initializeParams, ParamInitializer initializer) {
        org.deeplearning4j.nn.conf.layers.LayerValidation.assertNInNOutSet(layerConf.getClass().getSimpleName(),
                layerConf.getLayerName(), index, layerConf.getNIn(), layerConf.getNOut());
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer.init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }
}
