package rnn.nn;

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
 * The sequence tagger: token embedding, a stack of recurrent layers (bidirectional by default)
 * and a softmax over the tags at every token, as one {@link ComputationGraph} with input
 * {@value #INPUT} and output {@value #OUTPUT}.
 *
 * <p>Shapes: input ids {@code [batch, time]} with mask {@code [batch, time]}; labels, the tag ids,
 * {@code [batch, 1, time]} with the same mask (sparse cross-entropy over real tokens only);
 * output probabilities {@code [batch, tags, time]}.
 */
public final class TaggerNetwork {
    public static final String INPUT = "tokens";
    public static final String OUTPUT = "tags";

    private TaggerNetwork() {
    }

    /** A freshly initialised network over {@code vocabSize} tokens and {@code tags} tags. */
    public static ComputationGraph build(ModelConfig model, TrainingConfig training, int vocabSize, int tags) {
        ComputationGraphConfiguration.GraphBuilder graph = GraphStart.graph(training, INPUT);
        graph.addLayer("embedding", GraphStart.embedding(vocabSize, model.embeddingSize()), INPUT);
        RecurrentEncoder encoder = new RecurrentEncoder(graph, model, INPUT);
        RecurrentEncoder.Output encoded = encoder.add("embedding", model.embeddingSize());
        RnnOutputLayer.Builder output = new RnnOutputLayer.Builder(new LossSparseMCXENT())
                .nIn(encoded.width()).nOut(tags)
                .activation(Activation.SOFTMAX)
                .dataFormat(RNNFormat.NCW);   // without it DL4J reports "Sequence lengths do not match"
        if (model.dropout() > 0) {
            output.dropOut(new Dropout(1 - model.dropout()));
        }
        graph.addLayer(OUTPUT, output.build(), encoder.addSequence("encoded", encoded)).setOutputs(OUTPUT);
        ComputationGraph network = new ComputationGraph(graph.build());
        network.init();
        return network;
    }
}
