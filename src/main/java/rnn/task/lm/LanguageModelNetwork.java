package rnn.task.lm;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;

import rnn.config.EncoderConfig;
import rnn.config.TrainingConfig;
import rnn.nn.layer.SoftmaxOutput;
import rnn.nn.GraphStart;
import rnn.nn.NetworkSize;
import rnn.nn.RecurrentEncoder;

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
 */
public final class LanguageModelNetwork {
    public static final String INPUT = "tokens";
    public static final String OUTPUT = "next";

    private LanguageModelNetwork() {
    }

    /** A freshly initialised network over a vocabulary of {@code vocabSize} tokens. */
    public static ComputationGraph build(EncoderConfig model, TrainingConfig training, int bpttLength, int vocabSize) {
        if (model.bidirectional()) {
            throw new IllegalArgumentException("a language model cannot be bidirectional");
        }
        ComputationGraphConfiguration.GraphBuilder graph = GraphStart.graph(training, INPUT);
        graph.addLayer("embedding", GraphStart.embedding(vocabSize, model.embeddingSize()), INPUT);
        RecurrentEncoder encoder = new RecurrentEncoder(graph, model, INPUT);
        RecurrentEncoder.Output encoded = encoder.add("embedding", model.embeddingSize());

        SoftmaxOutput.Builder output = new SoftmaxOutput.Builder().nIn(encoded.width()).nOut(vocabSize);
        if (model.dropout() > 0) {
            output.dropOut(encoder.sequenceDropout(model.dropout()));
        }
        graph.addLayer(OUTPUT, output.build(), encoder.addSequence("encoded", encoded)).setOutputs(OUTPUT);
        graph.backpropType(BackpropType.TruncatedBPTT)
                .tBPTTForwardLength(bpttLength)
                .tBPTTBackwardLength(bpttLength);

        ComputationGraph network = NetworkSize.create(graph.build());
        return network;
    }
}
