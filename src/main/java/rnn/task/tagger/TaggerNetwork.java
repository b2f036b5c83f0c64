package rnn.task.tagger;

import java.util.List;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

import rnn.config.EncoderConfig;
import rnn.text.TagScheme;
import rnn.nn.crf.CrfOutput;
import rnn.nn.layer.CharCnn;
import rnn.nn.layer.IdRowsVertex;
import rnn.nn.layer.StepConcatVertex;
import rnn.nn.GraphStart;
import rnn.nn.RecurrentEncoder;

/**
 * The sequence tagger: token embedding, a stack of recurrent layers (bidirectional by default)
 * and either a softmax over the tags at every token or a linear-chain CRF over the sentence
 * ({@link CrfOutput}), as one {@link ComputationGraph} with input {@value #INPUT} and output
 * {@value #OUTPUT}.
 *
 * <p>With {@code model.chars}, a {@link CharCnn} reads each word's characters and its features are
 * concatenated with the word embedding before the recurrent layers.
 *
 * <p>Shapes: input ids {@code [batch, time]}, or {@code [batch, 1 + max_chars, time]} with
 * characters (see {@link rnn.data.TaggedExample#toDataSet}), with mask {@code [batch, time]}; labels, the tag ids,
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
    public static ComputationGraph build(TaggerConfig config, int vocabSize, int charVocabSize, List<String> tags,
                                         TagScheme scheme) {
        EncoderConfig model = config.encoder();
        ComputationGraphConfiguration.GraphBuilder graph = GraphStart.graph(config.training(), INPUT);
        CharEncoderConfig chars = config.chars();
        String features = "embedding";
        int width = model.embeddingSize();
        if (chars == null) {
            graph.addLayer("embedding", GraphStart.embedding(vocabSize, model.embeddingSize()), INPUT);
        } else {
            // Row 0 of the input holds the word ids, rows 1 to max_chars the characters.
            graph.addVertex("word_ids", new IdRowsVertex(0, 0), INPUT);
            graph.addVertex("char_ids", new IdRowsVertex(1, chars.maxChars()), INPUT);
            graph.addLayer("embedding", GraphStart.embedding(vocabSize, model.embeddingSize()), "word_ids");
            graph.addLayer("chars", new CharCnn.Builder().charEmbeddingSize(chars.embeddingSize())
                    .window(chars.window()).nIn(charVocabSize).nOut(chars.filters()).build(), "char_ids");
            graph.addVertex("words", new StepConcatVertex(), "embedding", "chars");
            features = "words";
            width += chars.filters();
        }
        RecurrentEncoder encoder = new RecurrentEncoder(graph, model, INPUT);
        RecurrentEncoder.Output encoded = encoder.add(features, width);
        FeedForwardLayer.Builder<?> output = config.output() == TaggerOutput.CRF
                ? new CrfOutput.Builder().tags(tags).constraints(scheme)
                : new RnnOutputLayer.Builder(new LossSparseMCXENT()).nOut(tags.size())
                        .activation(Activation.SOFTMAX)
                        .dataFormat(RNNFormat.NCW);   // without it DL4J reports "Sequence lengths do not match"
        output.nIn(encoded.width());
        if (model.dropout() > 0) {
            // DL4J's RnnOutputLayer applies dropout to its input flattened to [batch x time, features],
            // where one mask per sequence cannot be drawn: the softmax output keeps per-step masks
            output.dropOut(config.output() == TaggerOutput.CRF ? encoder.sequenceDropout(model.dropout())
                    : new Dropout(1 - model.dropout()));
        }
        graph.addLayer(OUTPUT, output.build(), encoder.addSequence("encoded", encoded)).setOutputs(OUTPUT);
        return GraphStart.create(graph, model, config.training());
    }
}
