package rnn.task.tagger;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;

import rnn.bundle.Bundle;
import rnn.data.TaggedExample;
import rnn.predict.Predictor;
import rnn.predict.PredictorOptions;
import rnn.text.TagScheme;
import rnn.text.Vocabulary;

/**
 * Tags sentences of words with a tagger: one tag per word, in input order, written in an output
 * scheme (IOB1, IOB2 or BIOES) or, with none, as the model learnt them. Batches follow
 * {@link rnn.predict.LengthBatches}; with more than one thread, batches are tagged side by side.
 */
public final class TaggerPredictor implements Predictor<List<String>, List<String>> {
    private final ComputationGraph network;
    private final TaggerEncoder encoder;
    private final Vocabulary tags;
    private final PredictorOptions options;
    private final TagScheme output;

    /** {@code output}: the scheme tags are written in, or null for the model's own tags. */
    TaggerPredictor(ComputationGraph network, TaggerEncoder encoder, Vocabulary tags, PredictorOptions options,
                    TagScheme output) {
        this.network = network;
        this.encoder = encoder;
        this.tags = tags;
        this.options = options;
        this.output = output;
    }

    /** A bundle's predictor; {@code output}: the scheme tags are written in, or null for the model's own tags. */
    public TaggerPredictor(Bundle bundle, PredictorOptions options, TagScheme output) {
        this(bundle.network(), TaggerEncoder.of(bundle), bundle.labels(), options, output);
    }

    /** IOB2 for a model of entity tags, the model's own tags (null) for tags without spans. */
    public static TagScheme defaultOutputScheme(Bundle bundle) {
        return ((TaggerConfig) bundle.config()).data().tagScheme() == TagSchemeName.NONE ? null : TagScheme.IOB2;
    }

    @Override
    public List<List<String>> predictBatch(List<List<String>> sentences) {
        List<TaggedExample> encoded = new ArrayList<>(sentences.size());
        for (List<String> words : sentences) {
            encoded.add(encoder.encode(words, null));
        }
        int[][] best = new SequenceTagger(network, options.batchSize(), encoder.maxChars(), options.threads())
                .tag(encoded);
        List<List<String>> out = new ArrayList<>(best.length);
        for (int[] sentence : best) {
            List<String> names = new ArrayList<>(sentence.length);
            for (int t : sentence) {
                names.add(tags.get(t));
            }
            out.add(output == null ? names : output.convert(names));
        }
        return out;
    }
}
