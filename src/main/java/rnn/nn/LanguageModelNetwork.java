package rnn.nn;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

import rnn.config.ModelConfig;
import rnn.config.TrainingConfig;

/**
 * The language model: token embedding, a stack of one-directional recurrent layers, and a softmax
 * over the vocabulary at every step, as one {@link ComputationGraph} with input {@value #INPUT}
 * and output {@value #OUTPUT}.
 *
 * <p>Shapes: input ids {@code [batch, 1, time]}; labels, the next token's id at each step,
 * {@code [batch, 1, time]} (sparse cross-entropy, so no one-hot array of the vocabulary's width
 * is ever built); output probabilities {@code [batch, vocabulary, time]}. Training uses DL4J's
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
    public static ComputationGraph build(ModelConfig model, TrainingConfig training, int vocabSize) {
        if (model.bidirectional()) {
            throw new IllegalArgumentException("a language model cannot be bidirectional");
        }
        ComputationGraphConfiguration.GraphBuilder graph = GraphStart.graph(training, INPUT);
        graph.addLayer("embedding", GraphStart.embedding(vocabSize, model.embeddingSize()), INPUT);
        RecurrentEncoder encoder = new RecurrentEncoder(graph, model, INPUT);
        RecurrentEncoder.Output encoded = encoder.add("embedding", model.embeddingSize());

        RnnOutputLayer.Builder output = new RnnOutputLayer.Builder(new LossSparseMCXENT())
                .nIn(encoded.width()).nOut(vocabSize)
                .activation(Activation.SOFTMAX)
                .dataFormat(RNNFormat.NCW);   // without it DL4J reports "Sequence lengths do not match"
        if (model.dropout() > 0) {
            output.dropOut(new Dropout(1 - model.dropout()));
        }
        graph.addLayer(OUTPUT, output.build(), encoder.addSequence("encoded", encoded)).setOutputs(OUTPUT);
        graph.backpropType(BackpropType.TruncatedBPTT)
                .tBPTTForwardLength(training.bpttLength())
                .tBPTTBackwardLength(training.bpttLength());

        ComputationGraph network = new ComputationGraph(graph.build());
        network.init();
        return network;
    }
}
