package rnn.nn.layer;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A parameter initialiser of a fixed set of keys, some of them weights (for L2) and some biases:
 * subclasses say how the flat vector is cut into views and how fresh parameters are set.
 */
public abstract class KeyedParams implements ParamInitializer {
    private final List<String> keys;
    private final List<String> weights;
    private final List<String> biases;

    public KeyedParams(List<String> keys, List<String> weights, List<String> biases) {
        this.keys = keys;
        this.weights = weights;
        this.biases = biases;
    }

    /** The views of a flat parameter (or gradient) vector, by key. */
    protected abstract Map<String, INDArray> views(Layer layer, INDArray flat);

    /** Sets fresh parameters in their views. */
    protected abstract void initialize(Layer layer, Map<String, INDArray> views);

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return keys;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return weights;
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return biases;
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return weights.contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return biases.contains(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Layer layer = conf.getLayer();
        keys.forEach(conf::addVariable);
        Map<String, INDArray> views = views(layer, paramsView);
        if (initializeParams) {
            initialize(layer, views);
        }
        return Collections.synchronizedMap(views);
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views(conf.getLayer(), gradientView);
    }
}
