package rnn.task.tagger;

import java.util.List;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;

import rnn.config.EncoderConfig;
import rnn.text.TagScheme;
import rnn.nn.crf.CrfOutput;
import rnn.nn.layer.CharCnn;
import rnn.nn.layer.IdRowsVertex;
import rnn.nn.layer.SoftmaxOutput;
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
        // rnn's softmax rather than DL4J's RnnOutputLayer, which computes the same but applies dropout
        // to its input flattened to [batch x time, features], where variational dropout cannot draw
        // one mask per sentence
        FeedForwardLayer.Builder<?> output = config.output() == TaggerOutput.CRF
                ? new CrfOutput.Builder().tags(tags).constraints(scheme)
                : new SoftmaxOutput.Builder().nOut(tags.size());
        output.nIn(encoded.width());
        if (model.dropout() > 0) {
            output.dropOut(encoder.sequenceDropout(model.dropout()));
        }
        graph.addLayer(OUTPUT, output.build(), encoder.addSequence("encoded", encoded)).setOutputs(OUTPUT);
        return GraphStart.create(graph, model, config.training());
    }
}
