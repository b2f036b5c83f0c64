package rnn.task.lm;

import java.util.List;
import java.util.function.UnaryOperator;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.TrainingListener;

import rnn.config.EncoderConfig;
import rnn.config.TrainingConfig;
import rnn.nn.layer.AdaptiveSoftmax;
import rnn.nn.layer.SoftmaxOutput;
import rnn.nn.GraphStart;
import rnn.nn.RecurrentEncoder;
import rnn.nn.TiedWeights;

/**
 * The language model: token embedding, a stack of one-directional recurrent layers, and a softmax
 * over the vocabulary at every step, as one {@link ComputationGraph} with input {@value #INPUT}
 * and output {@value #OUTPUT}.
 *
 * <p>Shapes: input ids {@code [batch, 1, time]}; labels, the next token's id at each step,
 * {@code [batch, 1, time]}; output probabilities {@code [batch, vocabulary, time]}. The softmax is
 * rnn's {@link SoftmaxOutput}: DL4J's {@code RnnOutputLayer} with sparse cross-entropy computes
 * the same, but builds one-hot labels and several arrays of the vocabulary's width per step,
 * which made it most of a word model's training time. Training uses DL4J's
 * truncated BPTT with segments of {@code bptt_length} steps; the recurrent layers carry their
 * state from one segment to the next within a fit call. Dropout: {@code embedding_dropout} on the
 * first recurrent layer's input, {@code dropout} between layers and before the softmax.
 *
 * <p>{@code model.softmax: adaptive} puts an {@link AdaptiveSoftmax} in the softmax's place (the
 * vocabulary's ids run by falling frequency, as it needs); {@code model.tie_embeddings} makes the
 * softmax's weights the embedding's ({@link TiedWeights}).
 */
public final class LanguageModelNetwork {
    public static final String INPUT = "tokens";
    public static final String OUTPUT = "next";
    static final String EMBEDDING = "embedding";

    private LanguageModelNetwork() {
    }

    /** A freshly initialised network over a vocabulary of {@code vocabSize} tokens. */
    public static ComputationGraph build(LanguageModelConfig config, int vocabSize) {
        return build(config, vocabSize, null);
    }

    /**
     * As {@link #build(LanguageModelConfig, int)}, with the embedding and recurrent layers then
     * started by {@code start} (null for none) before the output is tied to the embedding.
     */
    static ComputationGraph build(LanguageModelConfig config, int vocabSize, UnaryOperator<ComputationGraph> start) {
        EncoderConfig model = config.encoder();
        TrainingConfig training = config.training();
        int bpttLength = config.bpttLength();
        if (model.bidirectional()) {
            throw new IllegalArgumentException("a language model cannot be bidirectional");
        }
        ComputationGraphConfiguration.GraphBuilder graph = GraphStart.graph(training, INPUT);
        graph.addLayer(EMBEDDING, GraphStart.embedding(vocabSize, model.embeddingSize()), INPUT);
        RecurrentEncoder encoder = new RecurrentEncoder(graph, model, INPUT);
        RecurrentEncoder.Output encoded = encoder.add(EMBEDDING, model.embeddingSize());

        int[] cutoffs = cutoffs(config.output(), vocabSize);
        FeedForwardLayer.Builder<?> output = cutoffs.length == 0
                ? new SoftmaxOutput.Builder()
                : new AdaptiveSoftmax.Builder().cutoffs(cutoffs);
        output.nIn(encoded.width()).nOut(vocabSize);
        if (model.dropout() > 0) {
            output.dropOut(encoder.sequenceDropout(model.dropout()));
        }
        graph.addLayer(OUTPUT, output.build(), encoder.addSequence("encoded", encoded)).setOutputs(OUTPUT);
        graph.backpropType(BackpropType.TruncatedBPTT)
                .tBPTTForwardLength(bpttLength)
                .tBPTTBackwardLength(bpttLength);

        ComputationGraph network = GraphStart.create(graph, model, training);
        if (start != null) {
            network = start.apply(network);
        }
        if (config.output().tieEmbeddings()) {
            TiedWeights.copy(network, EMBEDDING, OUTPUT);
        }
        return network;
    }

    /** What must see every update of such a network while it trains: the tie of its embeddings, when tied. */
    public static List<TrainingListener> trainingListeners(LanguageModelConfig config) {
        return config.output().tieEmbeddings() ? List.of(TiedWeights.listener(EMBEDDING, OUTPUT)) : List.of();
    }

    /** The adaptive softmax's cutoffs inside a vocabulary of {@code vocabSize}; none for the full softmax. */
    static int[] cutoffs(LanguageModelConfig.Output output, int vocabSize) {
        if (output.softmax() != LanguageModelConfig.Softmax.ADAPTIVE) {
            return new int[0];
        }
        return output.cutoffs().stream().mapToInt(Integer::intValue).filter(c -> c < vocabSize).toArray();
    }
}
