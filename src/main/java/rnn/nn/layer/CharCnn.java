package rnn.nn.layer;


import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Configuration of a character-level word encoder ({@link CharCnnLayer}): each word's characters
 * are embedded ({@code charEmbeddingSize} wide, over a character vocabulary of {@code nIn}), a
 * convolution of width {@code window} runs over them (the word padded with the padding character
 * at both ends), and the maximum over positions of each of the {@code nOut} filters, through tanh,
 * is the word's feature vector. Words unseen in training thus still get features from their
 * spelling (capitals, suffixes, digits).
 *
 * <p>Input: character ids {@code [batch, maxChars, time]}, each word's characters from row 0,
 * padded with id 0. Output: {@code [batch, nOut, time]} (NCW), zero at padded time steps.
 */
public final class CharCnn extends SequenceLayerConf {
    private int charEmbeddingSize;
    private int window;

    /** For JSON deserialisation. */
    private CharCnn() {
    }

    private CharCnn(Builder builder) {
        super(builder);
        this.charEmbeddingSize = builder.charEmbeddingSize;
        this.window = builder.window;
    }

    public int getCharEmbeddingSize() {
        return charEmbeddingSize;
    }

    public void setCharEmbeddingSize(int charEmbeddingSize) {
        this.charEmbeddingSize = charEmbeddingSize;
    }

    public int getWindow() {
        return window;
    }

    public void setWindow(int window) {
        this.window = window;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer newLayer(NeuralNetConfiguration conf, DataType dataType) {
        return new CharCnnLayer(conf, dataType);
    }

    @Override
    public ParamInitializer initializer() {
        return CharCnnParams.INSTANCE;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof CharCnn other && other.charEmbeddingSize == charEmbeddingSize
                && other.window == window;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(super.hashCode(), charEmbeddingSize, window);
    }

    /** Builds a {@link CharCnn}: nIn characters, nOut filters. */
    public static final class Builder extends FeedForwardLayer.Builder<Builder> {
        private int charEmbeddingSize = 25;
        private int window = 3;

        public Builder charEmbeddingSize(int size) {
            this.charEmbeddingSize = size;
            return this;
        }

        /** Characters each filter sees; odd, so that a window centres on a character. */
        public Builder window(int window) {
            if (window < 1 || window % 2 == 0) {
                throw new IllegalArgumentException("window must be odd and positive, got " + window);
            }
            this.window = window;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public CharCnn build() {
            return new CharCnn(this);
        }
    }
}
