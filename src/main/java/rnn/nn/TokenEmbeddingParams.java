package rnn.nn;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Parameters of {@link TokenEmbedding}: the vectors {@code W [ids, size]}, row-major so that each
 * id's vector is contiguous, initialised by the layer's weight init (fan-in the vocabulary, as DL4J
 * initialises its embedding layer); a weight for L2.
 */
final class TokenEmbeddingParams extends KeyedParams {
    static final String WEIGHTS = "W";
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
    Map<String, INDArray> views(Layer layer, INDArray flat) {
        TokenEmbedding l = (TokenEmbedding) layer;
        return new ParamViews(flat).rows(WEIGHTS, l.getNIn(), l.getNOut()).views();
    }

    @Override
    void initialize(Layer layer, Map<String, INDArray> views) {
        TokenEmbedding l = (TokenEmbedding) layer;
        l.getWeightInitFn().init(l.getNIn(), l.getNOut(), new long[] {l.getNIn(), l.getNOut()}, 'c',
                views.get(WEIGHTS));
    }
}
