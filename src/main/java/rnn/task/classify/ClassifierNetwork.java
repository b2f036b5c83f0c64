package rnn.task.classify;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import rnn.config.EncoderConfig;
import rnn.config.Pooling;
import rnn.config.TrainingConfig;
import rnn.nn.layer.SequencePoolingVertex;
import rnn.nn.GraphStart;
import rnn.nn.RecurrentEncoder;

/**
 * The sequence classifier: token embedding, a stack of recurrent layers, pooling over time and a
 * softmax output, as one {@link ComputationGraph} with input {@value #INPUT} and output
 * {@value #OUTPUT}.
 *
 * <p>Shapes: input ids {@code [batch, time]} with mask {@code [batch, time]}; every recurrent
 * activation is NCW {@code [batch, features, time]}; pooled {@code [batch, poolings x directions x hidden]};
 * output {@code [batch, classes]}. Pooled features are the mean and max poolings in the configured
 * order, then the last-step pooling. Pooling is masked: mean and max see only real steps, and
 * {@code last} takes the forward direction at each sequence's last real step (and the backward
 * direction at its first). DL4J applies a layer's dropout to that layer's input, so
 * {@code embedding_dropout} sits on the first recurrent layer and {@code dropout} on the later
 * ones and on the output layer.
 */
public final class ClassifierNetwork {
    public static final String INPUT = "tokens";
    public static final String OUTPUT = "output";

    private ClassifierNetwork() {
    }

    /** A freshly initialised network for a vocabulary of {@code vocabSize} and {@code classes} labels. */
    public static ComputationGraph build(EncoderConfig model, List<Pooling> pooling, TrainingConfig training,
                                         int vocabSize, int classes) {
        ComputationGraphConfiguration.GraphBuilder graph = GraphStart.graph(training, INPUT);
        graph.addLayer("embedding", GraphStart.embedding(vocabSize, model.embeddingSize()), INPUT);

        RecurrentEncoder encoder = new RecurrentEncoder(graph, model, INPUT);
        RecurrentEncoder.Output encoded = encoder.add("embedding", model.embeddingSize());

        List<String> pooled = new ArrayList<>();
        int width = 0;
        Pooling[] overTime = pooling.stream().filter(p -> p != Pooling.LAST).toArray(Pooling[]::new);
        if (overTime.length > 0) {
            graph.addVertex("pool", new SequencePoolingVertex(INPUT, overTime),
                    encoder.addSequence("encoded", encoded));
            pooled.add("pool");
            width += overTime.length * encoded.width();
        }
        if (pooling.contains(Pooling.LAST)) {
            encoder.addLastStep("pool_last", encoded);
            pooled.add("pool_last");
            width += encoded.width();
        }
        String features = pooled.get(0);
        if (pooled.size() > 1) {
            graph.addVertex("pooled", new MergeVertex(), pooled.toArray(String[]::new));
            features = "pooled";
        }

        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(width).nOut(classes)
                .activation(Activation.SOFTMAX);
        if (model.dropout() > 0) {
            output.dropOut(new Dropout(1 - model.dropout()));
        }
        graph.addLayer(OUTPUT, output.build(), features).setOutputs(OUTPUT);

        return GraphStart.create(graph, model, training);
    }
}
