package rnn.nn.layer;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.nn.memory.ParamViews;

/**
 * Parameters of {@link TokenEmbedding}: the vectors {@code W [ids, size]}, row-major so that each
 * id's vector is contiguous, initialised by the layer's weight init with fan-in 1 and fan-out
 * {@code size}, as DL4J initialises its embedding layers; a weight for L2.
 */
public final class TokenEmbeddingParams extends KeyedParams {
    public static final String WEIGHTS = "W";
    static final TokenEmbeddingParams INSTANCE = new TokenEmbeddingParams();

    private TokenEmbeddingParams() {
        super(List.of(WEIGHTS), List.of(WEIGHTS), List.of());
    }

    @Override
    public long numParams(Layer layer) {
        TokenEmbedding l = (TokenEmbedding) layer;
        return l.getNIn() * l.getNOut();
    }

    @Override
    public Map<String, INDArray> views(Layer layer, INDArray flat) {
        TokenEmbedding l = (TokenEmbedding) layer;
        return new ParamViews(flat).rows(WEIGHTS, l.getNIn(), l.getNOut()).views();
    }

    @Override
    public void initialize(Layer layer, Map<String, INDArray> views) {
        TokenEmbedding l = (TokenEmbedding) layer;
        // Fan-in 1, as DL4J's embedding layers have it: the vocabulary's size says nothing about
        // one vector's scale. (Fan-in = vocabulary shrinks XAVIER's vectors with the vocabulary, and
        // a tagger started that way learnt worse.)
        l.getWeightInitFn().init(1, l.getNOut(), new long[] {l.getNIn(), l.getNOut()}, 'c', views.get(WEIGHTS));
    }
}
