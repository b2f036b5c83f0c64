package rnn.nn.layer;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import rnn.nn.memory.ParamViews;

/**
 * Parameters of {@link CharCnn}: character embeddings {@code E [chars, d]} (uniform in
 * {@code +-sqrt(3 / d)}), filters {@code W [window x d, filters]} (the layer's weight init) and
 * bias {@code b [filters]} (zero). E and W count as weights for L2.
 */
final class CharCnnParams extends KeyedParams {
    static final String EMBEDDINGS = "E";
    static final String WEIGHTS = "W";
    static final String BIAS = "b";
    static final CharCnnParams INSTANCE = new CharCnnParams();

    private CharCnnParams() {
        super(List.of(EMBEDDINGS, WEIGHTS, BIAS), List.of(EMBEDDINGS, WEIGHTS), List.of(BIAS));
    }

    @Override
    public long numParams(Layer layer) {
        CharCnn l = (CharCnn) layer;
        long d = l.getCharEmbeddingSize();
        return l.getNIn() * d + (long) l.getWindow() * d * l.getNOut() + l.getNOut();
    }

    @Override
    protected Map<String, INDArray> views(Layer layer, INDArray flat) {
        CharCnn l = (CharCnn) layer;
        long d = l.getCharEmbeddingSize();
        return new ParamViews(flat).matrix(EMBEDDINGS, l.getNIn(), d).matrix(WEIGHTS, l.getWindow() * d, l.getNOut())
                .vector(BIAS, l.getNOut()).views();
    }

    @Override
    protected void initialize(Layer layer, Map<String, INDArray> views) {
        CharCnn l = (CharCnn) layer;
        double bound = Math.sqrt(3.0 / l.getCharEmbeddingSize());
        INDArray e = views.get(EMBEDDINGS);
        e.assign(Nd4j.rand(e.dataType(), e.shape()).muli(2 * bound).subi(bound));
        long fanIn = (long) l.getWindow() * l.getCharEmbeddingSize();
        l.getWeightInitFn().init(fanIn, l.getNOut(), new long[] {fanIn, l.getNOut()},
                IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, views.get(WEIGHTS));
        views.get(BIAS).assign(0);
    }
}
