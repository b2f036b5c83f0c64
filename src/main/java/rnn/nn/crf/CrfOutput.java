package rnn.nn.crf;

import java.util.List;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.nd4j.linalg.api.buffer.DataType;

import rnn.text.TagScheme;
import rnn.nn.layer.SequenceLayerConf;

/**
 * Configuration of a linear-chain CRF output layer ({@link CrfOutputLayer}): emission scores
 * {@code x W + b} for each of {@code nOut} tags at every step of an NCW input, learnt transition
 * scores between tags and from the start and to the end of a sentence, the negative
 * log-likelihood of the gold tags as loss, and Viterbi decoding as output.
 *
 * <p>With {@link #getScheme() scheme} set, the moves the scheme forbids (per
 * {@link TagScheme#allows}) between the tags named in {@link #getTags() tags} are penalised by
 * {@link LinearChainCrf#FORBIDDEN}, so decoding never produces an ill-formed sequence.
 */
public final class CrfOutput extends SequenceLayerConf {
    private List<String> tags;
    private String scheme;

    /** For JSON deserialisation. */
    private CrfOutput() {
    }

    private CrfOutput(Builder builder) {
        super(builder);
        this.tags = builder.tags;
        this.scheme = builder.scheme;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    /** The constraining scheme's name, or null for none. */
    public String getScheme() {
        return scheme;
    }

    public void setScheme(String scheme) {
        this.scheme = scheme;
    }

    /** The additive penalties of moves: {@code [from][to]}, then start and end, from the scheme. */
    double[][] transitionPenalties() {
        int k = (int) getNOut();
        double[][] penalty = new double[k + 2][k];   // rows k and k+1: start and end
        if (scheme == null) {
            return penalty;
        }
        TagScheme rules = TagScheme.valueOf(scheme);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                penalty[i][j] = rules.allows(tags.get(i), tags.get(j)) ? 0 : LinearChainCrf.FORBIDDEN;
            }
            penalty[k][j] = rules.allowsStart(tags.get(j)) ? 0 : LinearChainCrf.FORBIDDEN;
            penalty[k + 1][j] = rules.allowsEnd(tags.get(j)) ? 0 : LinearChainCrf.FORBIDDEN;
        }
        return penalty;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer newLayer(NeuralNetConfiguration conf, DataType dataType) {
        return new CrfOutputLayer(conf, dataType);
    }

    @Override
    public ParamInitializer initializer() {
        return CrfOutputParams.INSTANCE;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof CrfOutput other && java.util.Objects.equals(tags, other.tags)
                && java.util.Objects.equals(scheme, other.scheme);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(super.hashCode(), tags, scheme);
    }

    /** Builds a {@link CrfOutput}: {@code nIn} features in, one emission score per tag. */
    public static final class Builder extends FeedForwardLayer.Builder<Builder> {
        private List<String> tags;
        private String scheme;

        /** The tags, in index order; their number is nOut. */
        public Builder tags(List<String> tags) {
            this.tags = List.copyOf(tags);
            nOut(tags.size());
            return this;
        }

        /** Forbid the moves {@code scheme} does not allow; null for no constraints. */
        public Builder constraints(TagScheme scheme) {
            this.scheme = scheme == null ? null : scheme.name();
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public CrfOutput build() {
            return new CrfOutput(this);
        }
    }
}
