package rnn.nn;

import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import rnn.nn.layer.TokenEmbedding;
import rnn.nn.layer.TokenEmbeddingParams;
import rnn.nn.memory.Floats;
import rnn.nn.recurrent.FusedRecurrent;
import rnn.text.Vocabulary;

/**
 * Starts a network's token embedding and recurrent layers from another network's ({@code
 * model.encoder_from}), typically a language model's. Each token both vocabularies hold takes
 * the source's vector; the others keep their initial values. Recurrent layer {@code i} takes the
 * source's layer {@code i} for each direction both have (forward first, so a one-directional
 * language model starts a bidirectional layer's forward half). Inputs the source's layer did not
 * have (the backward half of the layer below, a tagger's character features) get zero weights
 * in a copied direction, so that it starts computing exactly what the source computed; the
 * layers above the encoder keep their initial values.
 *
 * <p>Both networks must use rnn's fused layers of one cell type and width, with embeddings of
 * one width; a mismatch is an {@link IllegalArgumentException} saying which.
 */
public final class EncoderCopy {
    private static final String EMBEDDING = "embedding";
    /** The input weights' key in the fused layers' parameters (as in DL4J's LSTM). */
    private static final String INPUT_WEIGHTS = "W";

    private EncoderCopy() {
    }

    /** What was copied: tokens found in the source's vocabulary, of how many, and recurrent layers. */
    public record Copied(int tokens, int vocabulary, int layers) {
    }

    public static Copied copy(ComputationGraph source, Vocabulary sourceTokens, ComputationGraph target,
                              Vocabulary targetTokens) {
        int tokens = copyEmbedding(source, sourceTokens, target, targetTokens);
        int layers = 0;
        while (has(target, "rnn" + layers) && has(source, "rnn" + layers)) {
            copyLayer(source.getLayer("rnn" + layers), target.getLayer("rnn" + layers), layers);
            layers++;
        }
        if (layers == 0) {
            throw new IllegalArgumentException("its recurrent layers are not rnn's fused ones, or this network's are"
                    + " not (model.implementation: fused)");
        }
        return new Copied(tokens, targetTokens.size(), layers);
    }

    private static int copyEmbedding(ComputationGraph source, Vocabulary sourceTokens, ComputationGraph target,
                                     Vocabulary targetTokens) {
        if (!has(source, EMBEDDING)
                || !(source.getLayer(EMBEDDING).conf().getLayer() instanceof TokenEmbedding)) {
            throw new IllegalArgumentException("it has no token embedding");
        }
        INDArray from = source.getLayer(EMBEDDING).getParam(TokenEmbeddingParams.WEIGHTS);   // [ids, size], row-major
        INDArray to = target.getLayer(EMBEDDING).getParam(TokenEmbeddingParams.WEIGHTS);
        int size = (int) to.size(1);
        if (from.size(1) != size) {
            throw new IllegalArgumentException("its embedding is " + from.size(1) + " wide and model.embedding_size is "
                    + size);
        }
        Floats in = Floats.of(from);
        Floats out = Floats.of(to);
        double[] row = new double[size];
        int copied = 0;
        for (int id = 0; id < targetTokens.size(); id++) {
            String token = targetTokens.get(id);
            if (sourceTokens.contains(token)) {
                in.get(sourceTokens.indexOf(token) * size, row, size);
                out.set(id * size, row, size);
                copied++;
            }
        }
        return copied;
    }

    private static boolean has(ComputationGraph network, String layer) {
        return network.getConfiguration().getVertices().containsKey(layer);
    }

    private static void copyLayer(Layer source, Layer target, int index) {
        if (!(source.conf().getLayer() instanceof FusedRecurrent from)
                || !(target.conf().getLayer() instanceof FusedRecurrent to)) {
            throw new IllegalArgumentException("recurrent layer " + index + " is not rnn's fused layer in both");
        }
        if (from.getClass() != to.getClass() || from.getNOut() != to.getNOut()) {
            throw new IllegalArgumentException("its recurrent layer " + index + " is " + describe(from)
                    + " and this network's is " + describe(to) + " (model.cell and model.hidden)");
        }
        long h = to.getNOut();
        long block = from.gates() * h;   // one direction's columns
        int directions = Math.min(from.directions(), to.directions());
        // Rows of the input weights: the embedding (layer 0), or each direction of the layer below.
        long inputBlock = index == 0 ? from.getNIn() : h;
        int inputBlocks = index == 0 ? 1 : (int) Math.min(from.getNIn() / h, to.getNIn() / h);
        if (index == 0 && to.getNIn() < from.getNIn()) {
            throw new IllegalArgumentException("its first recurrent layer reads " + from.getNIn()
                    + " features a step and this network's " + to.getNIn());
        }
        Map<String, INDArray> sourceParams = source.paramTable();
        for (Map.Entry<String, INDArray> e : target.paramTable().entrySet()) {
            INDArray t = e.getValue();
            INDArray s = sourceParams.get(e.getKey());
            for (int d = 0; d < directions; d++) {
                INDArrayIndex columns = NDArrayIndex.interval(d * block, (d + 1) * block);
                if (t.rank() == 1) {
                    t.reshape(t.length()).get(columns).assign(s.reshape(s.length()).get(columns));
                } else if (!e.getKey().equals(INPUT_WEIGHTS)) {
                    t.get(NDArrayIndex.all(), columns).assign(s.get(NDArrayIndex.all(), columns));
                } else {
                    t.get(NDArrayIndex.all(), columns).assign(0);
                    for (int b = 0; b < inputBlocks; b++) {
                        INDArrayIndex rows = NDArrayIndex.interval(b * inputBlock, (b + 1) * inputBlock);
                        t.get(rows, columns).assign(s.get(rows, columns));
                    }
                }
            }
        }
    }

    private static String describe(FusedRecurrent layer) {
        return layer.getClass().getSimpleName().replace("Fused", "").toLowerCase(java.util.Locale.ROOT) + " of "
                + layer.getNOut();
    }
}
