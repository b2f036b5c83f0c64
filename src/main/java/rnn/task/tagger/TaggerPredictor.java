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

    /**
     * A sentence's tags and each token's confidence: the probability the model gives the tag it
     * chose (a CRF's marginal probability of that tag at that token, or the softmax's).
     */
    public record Tags(List<String> tags, float[] confidences) {
    }

    @Override
    public List<List<String>> predictBatch(List<List<String>> sentences) {
        return tag(sentences, false).stream().map(Tags::tags).toList();
    }

    /** As {@link #predictBatch}, with each token's confidence. */
    public List<Tags> predictWithConfidence(List<List<String>> sentences) {
        return tag(sentences, true);
    }

    private List<Tags> tag(List<List<String>> sentences, boolean confidences) {
        List<TaggedExample> encoded = new ArrayList<>(sentences.size());
        for (List<String> words : sentences) {
            encoded.add(encoder.encode(words, null));
        }
        SequenceTagger.Tagged tagged = new SequenceTagger(network, options.batchSize(), encoder.maxChars(),
                options.threads()).tag(encoded, confidences);
        List<Tags> out = new ArrayList<>(tagged.tags().length);
        for (int s = 0; s < tagged.tags().length; s++) {
            List<String> names = new ArrayList<>(tagged.tags()[s].length);
            for (int t : tagged.tags()[s]) {
                names.add(tags.get(t));
            }
            out.add(new Tags(output == null ? names : output.convert(names),
                    confidences ? tagged.confidences()[s] : null));
        }
        return out;
    }
}
