package rnn.nn;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Parameters of {@link CharCnn}: character embeddings {@code E [chars, d]} (uniform in
 * {@code +-sqrt(3 / d)}), filters {@code W [window x d, filters]} (the layer's weight init) and
 * bias {@code b [filters]} (zero). E and W count as weights for L2.
 */
final class CharCnnParams implements ParamInitializer {
    static final String EMBEDDINGS = "E";
    static final String WEIGHTS = "W";
    static final String BIAS = "b";
    static final CharCnnParams INSTANCE = new CharCnnParams();
    private static final List<String> KEYS = List.of(EMBEDDINGS, WEIGHTS, BIAS);

    private CharCnnParams() {
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        CharCnn l = (CharCnn) layer;
        long d = l.getCharEmbeddingSize();
        return l.getNIn() * d + (long) l.getWindow() * d * l.getNOut() + l.getNOut();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(EMBEDDINGS, WEIGHTS);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of(BIAS);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return EMBEDDINGS.equals(key) || WEIGHTS.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        CharCnn layer = (CharCnn) conf.getLayer();
        KEYS.forEach(conf::addVariable);
        Map<String, INDArray> views = views(layer, paramsView);
        if (initializeParams) {
            double bound = Math.sqrt(3.0 / layer.getCharEmbeddingSize());
            INDArray e = views.get(EMBEDDINGS);
            e.assign(Nd4j.rand(e.dataType(), e.shape()).muli(2 * bound).subi(bound));
            long fanIn = (long) layer.getWindow() * layer.getCharEmbeddingSize();
            layer.getWeightInitFn().init(fanIn, layer.getNOut(), new long[] {fanIn, layer.getNOut()},
                    IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, views.get(WEIGHTS));
            views.get(BIAS).assign(0);
        }
        return Collections.synchronizedMap(views);
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views((CharCnn) conf.getLayer(), gradientView);
    }

    private static Map<String, INDArray> views(CharCnn layer, INDArray flat) {
        long d = layer.getCharEmbeddingSize();
        return new ParamViews(flat).matrix(EMBEDDINGS, layer.getNIn(), d)
                .matrix(WEIGHTS, layer.getWindow() * d, layer.getNOut())
                .vector(BIAS, layer.getNOut()).views();
    }
}
