package rnn.nn;

import java.io.Serializable;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import rnn.nn.layer.SoftmaxOutput;
import rnn.nn.layer.TokenEmbedding;

/**
 * Tied input and output embeddings (Press and Wolf 2017): a language model's softmax weights are
 * its token embedding. DL4J gives every layer parameters of its own, so the network holds two
 * copies, made equal when it is built. At every update {@link #listener} adds the softmax's
 * weight gradient to the embedding's and zeroes its own, and after the update gives the softmax
 * the embedding's values again: one matrix, trained on the summed gradient, updated once.
 *
 * <p>The two copies share a memory layout, so no transposing is needed: the embedding is
 * row-major {@code [ids, size]} and the softmax's weights are column-major {@code [size, ids]},
 * the first {@code ids x size} values of its parameters (its bias follows).
 */
public final class TiedWeights {
    private TiedWeights() {
    }

    /** Gives the softmax {@code output} the weights of the embedding {@code embedding}. */
    public static void copy(ComputationGraph network, String embedding, String output) {
        check(network, embedding, output);
        weights(network.getLayer(output).params(), network.getLayer(embedding))
                .assign(network.getLayer(embedding).params());
    }

    /**
     * Keeps the two tied while a network trains; stateless and serialisable, so any network with
     * these layers may use it, on this machine or on a cluster's workers.
     */
    public static TrainingListener listener(String embedding, String output) {
        return new Keeper(embedding, output);
    }

    private static final class Keeper extends BaseTrainingListener implements Serializable {
        private final String embedding;
        private final String output;

        Keeper(String embedding, String output) {
            this.embedding = embedding;
            this.output = output;
        }

        @Override
        public void onGradientCalculation(Model model) {
            ComputationGraph network = (ComputationGraph) model;
            Layer input = network.getLayer(embedding);
            INDArray outputGradient = weights(network.getLayer(output).getGradientsViewArray(), input);
            input.getGradientsViewArray().addi(outputGradient.reshape(input.getGradientsViewArray().shape()));
            outputGradient.assign(0);
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            copy((ComputationGraph) model, embedding, output);
        }
    }

    /** The softmax weights inside a flat parameter (or gradient) vector of the softmax layer. */
    private static INDArray weights(INDArray outputFlat, Layer embedding) {
        TokenEmbedding conf = (TokenEmbedding) embedding.conf().getLayer();
        long length = conf.getNIn() * conf.getNOut();
        INDArray flat = outputFlat.reshape(outputFlat.length());
        return flat.get(NDArrayIndex.interval(0, length));
    }

    /** Fails unless {@code output} is a softmax whose weights have the embedding's shape, transposed. */
    private static void check(ComputationGraph network, String embedding, String output) {
        TokenEmbedding in = (TokenEmbedding) network.getLayer(embedding).conf().getLayer();
        if (!(network.getLayer(output).conf().getLayer() instanceof SoftmaxOutput out)
                || out.getNIn() != in.getNOut() || out.getNOut() != in.getNIn()) {
            throw new IllegalArgumentException("layer '" + output + "' cannot be tied to embedding '" + embedding + "'");
        }
    }
}
