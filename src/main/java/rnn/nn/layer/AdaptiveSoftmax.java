package rnn.nn.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.nn.memory.ParamViews;

/**
 * Configuration of an adaptive softmax (Grave et al. 2017, "Efficient softmax approximation for
 * GPUs") over a vocabulary of {@code nOut} ids ordered by falling frequency
 * ({@link AdaptiveSoftmaxLayer}). The head is a softmax over the {@code cutoffs[0]} most frequent
 * ids and one entry per tail cluster; cluster {@code k} holds the ids from {@code cutoffs[k]} up to
 * the next cutoff (the last up to {@code nOut}) and is a softmax of its own over a projection of
 * the input {@code nIn / divisor^(k+1)} wide. {@code p(id) = p_head(id)} in the head, else
 * {@code p_head(cluster) p_cluster(id)}: exact probabilities that sum to one, while a training
 * step computes a tail only for the rows whose label falls in it, so rare words, most of a
 * vocabulary, cost little. Same labels, loss and output ({@code [batch, nOut, time]}
 * probabilities) as {@link SoftmaxOutput}.
 */
public final class AdaptiveSoftmax extends SequenceLayerConf {
    private int[] cutoffs;
    private int divisor;

    /** For JSON deserialisation. */
    private AdaptiveSoftmax() {
    }

    private AdaptiveSoftmax(Builder builder) {
        super(builder);
        this.cutoffs = builder.cutoffs.clone();
        this.divisor = builder.divisor;
        validate(cutoffs, getNOut(), divisor);
    }

    /** Where the head ends and each tail cluster starts, ascending, each in {@code [1, nOut)}. */
    public int[] getCutoffs() {
        return cutoffs;
    }

    public void setCutoffs(int[] cutoffs) {
        this.cutoffs = cutoffs;
    }

    /** Each cluster's projection is this many times narrower than the one before (the input for the first). */
    public int getDivisor() {
        return divisor;
    }

    public void setDivisor(int divisor) {
        this.divisor = divisor;
    }

    /** Tail clusters. */
    int clusters() {
        return cutoffs.length;
    }

    /** Head entries: the most frequent ids, then one per cluster. */
    int headSize() {
        return cutoffs[0] + cutoffs.length;
    }

    /** First id of cluster {@code k}. */
    int clusterStart(int k) {
        return cutoffs[k];
    }

    /** Ids in cluster {@code k}. */
    int clusterSize(int k) {
        return (k + 1 < cutoffs.length ? cutoffs[k + 1] : (int) getNOut()) - cutoffs[k];
    }

    /** Width of cluster {@code k}'s projection. */
    int projection(int k) {
        long width = getNIn();
        for (int i = 0; i <= k; i++) {
            width /= divisor;
        }
        return (int) Math.max(1, width);
    }

    static void validate(int[] cutoffs, long classes, int divisor) {
        if (cutoffs.length == 0) {
            throw new IllegalArgumentException("an adaptive softmax needs at least one cutoff");
        }
        for (int k = 0; k < cutoffs.length; k++) {
            if (cutoffs[k] < 1 || cutoffs[k] >= classes || (k > 0 && cutoffs[k] <= cutoffs[k - 1])) {
                throw new IllegalArgumentException("cutoffs must rise, each between 1 and " + (classes - 1)
                        + ", got " + Arrays.toString(cutoffs));
            }
        }
        if (divisor < 1) {
            throw new IllegalArgumentException("divisor must be at least 1, got " + divisor);
        }
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer newLayer(NeuralNetConfiguration conf, DataType dataType) {
        return new AdaptiveSoftmaxLayer(conf, dataType);
    }

    @Override
    public ParamInitializer initializer() {
        return new Params(clusters());
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof AdaptiveSoftmax other && Arrays.equals(other.cutoffs, cutoffs)
                && other.divisor == divisor;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(super.hashCode(), Arrays.hashCode(cutoffs), divisor);
    }

    /** Builds an {@link AdaptiveSoftmax}: nIn features in, nOut ids, the cutoffs, divisor 4 unless set. */
    public static final class Builder extends FeedForwardLayer.Builder<Builder> {
        private int[] cutoffs = new int[0];
        private int divisor = 4;

        public Builder cutoffs(int... cutoffs) {
            this.cutoffs = cutoffs.clone();
            return this;
        }

        public Builder divisor(int divisor) {
            this.divisor = divisor;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public AdaptiveSoftmax build() {
            return new AdaptiveSoftmax(this);
        }
    }

    /**
     * The head {@code W [nIn, head]} and {@code b [head]}; per cluster {@code k} (from 1) the
     * projection {@code Pk [nIn, width]}, output {@code Ok [width, size]} and bias {@code bk [size]}.
     * Weights take the layer's weight init, biases start at zero.
     */
    static final class Params extends KeyedParams {
        static final String HEAD_WEIGHTS = "W";
        static final String HEAD_BIAS = "b";

        Params(int clusters) {
            super(keys(clusters, true, true), keys(clusters, true, false), keys(clusters, false, true));
        }

        static String projection(int k) {
            return "P" + (k + 1);
        }

        static String output(int k) {
            return "O" + (k + 1);
        }

        static String bias(int k) {
            return "b" + (k + 1);
        }

        private static List<String> keys(int clusters, boolean weights, boolean biases) {
            List<String> keys = new ArrayList<>();
            if (weights) {
                keys.add(HEAD_WEIGHTS);
            }
            if (biases) {
                keys.add(HEAD_BIAS);
            }
            for (int k = 0; k < clusters; k++) {
                if (weights) {
                    keys.add(projection(k));
                    keys.add(output(k));
                }
                if (biases) {
                    keys.add(bias(k));
                }
            }
            return keys;
        }

        @Override
        public long numParams(Layer layer) {
            AdaptiveSoftmax l = (AdaptiveSoftmax) layer;
            long n = (l.getNIn() + 1) * l.headSize();
            for (int k = 0; k < l.clusters(); k++) {
                n += l.getNIn() * l.projection(k) + (long) (l.projection(k) + 1) * l.clusterSize(k);
            }
            return n;
        }

        @Override
        protected Map<String, INDArray> views(Layer layer, INDArray flat) {
            AdaptiveSoftmax l = (AdaptiveSoftmax) layer;
            ParamViews views = new ParamViews(flat).matrix(HEAD_WEIGHTS, l.getNIn(), l.headSize())
                    .vector(HEAD_BIAS, l.headSize());
            for (int k = 0; k < l.clusters(); k++) {
                views.matrix(projection(k), l.getNIn(), l.projection(k))
                        .matrix(output(k), l.projection(k), l.clusterSize(k))
                        .vector(bias(k), l.clusterSize(k));
            }
            return views.views();
        }

        @Override
        protected void initialize(Layer layer, Map<String, INDArray> views) {
            AdaptiveSoftmax l = (AdaptiveSoftmax) layer;
            init(l, views.get(HEAD_WEIGHTS), l.getNIn(), l.headSize());
            views.get(HEAD_BIAS).assign(0);
            for (int k = 0; k < l.clusters(); k++) {
                init(l, views.get(projection(k)), l.getNIn(), l.projection(k));
                init(l, views.get(output(k)), l.projection(k), l.clusterSize(k));
                views.get(bias(k)).assign(0);
            }
        }

        private static void init(AdaptiveSoftmax l, INDArray view, long in, long out) {
            l.getWeightInitFn().init(in, out, new long[] {in, out}, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, view);
        }
    }
}
