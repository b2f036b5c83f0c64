package rnn.nn.layer;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.nd4j.linalg.api.buffer.DataType;

import rnn.nn.memory.TimeMajor;

/**
 * Configuration of rnn's token embedding ({@link TokenEmbeddingLayer}): a vocabulary of
 * {@code nIn} ids, each mapped to a learned vector of {@code nOut} values.
 *
 * <p>Input: ids {@code [batch, time]} or {@code [batch, 1, time]}. Output: {@code [batch, nOut,
 * time]} (NCW, laid out time-major in memory: see {@link TimeMajor}; rnn's recurrent layers read it
 * without a copy), zero at masked steps. It replaces DL4J's {@code EmbeddingSequenceLayer}, which spent about an eighth of a
 * BiGRU training step masking, copying and scattering its gradient through general ND4J ops.
 */
public final class TokenEmbedding extends SequenceLayerConf {
    /** For JSON deserialisation. */
    private TokenEmbedding() {
    }

    private TokenEmbedding(Builder builder) {
        super(builder);
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer newLayer(NeuralNetConfiguration conf, DataType dataType) {
        return new TokenEmbeddingLayer(conf, dataType);
    }

    @Override
    public ParamInitializer initializer() {
        return TokenEmbeddingParams.INSTANCE;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof TokenEmbedding;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    /** Builds a {@link TokenEmbedding}: nIn ids, nOut values per vector. */
    public static final class Builder extends FeedForwardLayer.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked")
        public TokenEmbedding build() {
            return new TokenEmbedding(this);
        }
    }
}
