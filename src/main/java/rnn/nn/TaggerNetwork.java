package rnn.nn;

import java.util.List;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

import rnn.config.ModelConfig;
import rnn.config.TaggerOutput;
import rnn.config.TrainingConfig;
import rnn.text.TagScheme;

/**
 * The sequence tagger: token embedding, a stack of recurrent layers (bidirectional by default)
 * and either a softmax over the tags at every token or a linear-chain CRF over the sentence
 * ({@link CrfOutput}), as one {@link ComputationGraph} with input {@value #INPUT} and output
 * {@value #OUTPUT}.
 *
 * <p>Shapes: input ids {@code [batch, time]} with mask {@code [batch, time]}; labels, the tag ids,
 * {@code [batch, 1, time]} with the same mask (sparse cross-entropy over real tokens only);
 * output {@code [batch, tags, time]}: probabilities, or the CRF's Viterbi path one-hot; either
 * way the argmax over tags is the prediction.
 */
public final class TaggerNetwork {
    public static final String INPUT = "tokens";
    public static final String OUTPUT = "tags";

    private TaggerNetwork() {
    }

    /**
     * A freshly initialised network over {@code vocabSize} tokens and the given tags; a CRF output
     * forbids the moves {@code scheme} does not allow (none when it is null).
     */
    public static ComputationGraph build(ModelConfig model, TrainingConfig training, int vocabSize, List<String> tags,
                                         TagScheme scheme) {
        ComputationGraphConfiguration.GraphBuilder graph = GraphStart.graph(training, INPUT);
        graph.addLayer("embedding", GraphStart.embedding(vocabSize, model.embeddingSize()), INPUT);
        RecurrentEncoder encoder = new RecurrentEncoder(graph, model, INPUT);
        RecurrentEncoder.Output encoded = encoder.add("embedding", model.embeddingSize());
        FeedForwardLayer.Builder<?> output = model.output() == TaggerOutput.CRF
                ? new CrfOutput.Builder().tags(tags).constraints(scheme)
                : new RnnOutputLayer.Builder(new LossSparseMCXENT()).nOut(tags.size())
                        .activation(Activation.SOFTMAX)
                        .dataFormat(RNNFormat.NCW);   // without it DL4J reports "Sequence lengths do not match"
        output.nIn(encoded.width());
        if (model.dropout() > 0) {
            output.dropOut(new Dropout(1 - model.dropout()));
        }
        graph.addLayer(OUTPUT, output.build(), encoder.addSequence("encoded", encoded)).setOutputs(OUTPUT);
        ComputationGraph network = new ComputationGraph(graph.build());
        network.init();
        return network;
    }
}
