package rnn.config;

import java.io.Serializable;
import java.util.List;

/**
 * The {@code data:} keys that say where a task's word vectors come from: a file, or word2vec
 * trained at the start of the run on the training texts and more unlabelled text. The vectors
 * start the embedding of the words they know, and those words join the vocabulary.
 *
 * @param file       {@code word_vectors}: pretrained vectors (word2vec, GloVe or fastText text format,
 *                   as {@code rnn vectors} writes), or null
 * @param epochs     {@code vectors_epochs}: when above 0, word2vec trains for that many epochs at the
 *                   start of a run; 0 for none; {@link #AUTO} ({@code auto}): see {@link #epochsToTrain(boolean)}.
 *                   A number above 0 is refused together with a {@code file}
 * @param unlabelled {@code unlabelled}: more text for those vectors, one document a line (plain or .gz)
 */
public record WordVectorSource(String file, int epochs, List<String> unlabelled) implements Serializable {
    /** {@code vectors_epochs: auto}. */
    public static final int AUTO = -1;

    /** No vectors: the embedding starts from random values. */
    public static final WordVectorSource NONE = new WordVectorSource(null, 0, List.of());

    public WordVectorSource {
        unlabelled = unlabelled == null ? List.of() : List.copyOf(unlabelled);
    }

    /**
     * The epochs of word2vec a run trains: {@code vectors_epochs}, or for {@code auto} one when
     * there is unlabelled text ({@code unlabelled}, or the training data's own when
     * {@code trainHasUnlabelled}, as an IMDB archive has) and no {@code file}, none otherwise:
     * vectors of the labelled texts alone measured worse than none on a small set.
     */
    public int epochsToTrain(boolean trainHasUnlabelled) {
        if (epochs != AUTO) {
            return epochs;
        }
        return file == null && (trainHasUnlabelled || !unlabelled.isEmpty()) ? 1 : 0;
    }

    /** Whether {@code vectors_epochs} is {@code auto}. */
    public boolean auto() {
        return epochs == AUTO;
    }

    /** Reads {@code word_vectors}, {@code vectors_epochs} and {@code unlabelled} from a {@code data:} section. */
    public static WordVectorSource read(ConfigSection data) {
        WordVectorSource source = new WordVectorSource(data.getOptionalString("word_vectors", null),
                data.getIntOrWord("vectors_epochs", 0, 0, "auto", AUTO),
                data.getOptionalStringList("unlabelled", 0));
        if (source.epochs > 0 && source.file != null) {
            throw data.error("vectors_epochs", "word vectors come either from data.word_vectors or from training them "
                    + "(vectors_epochs); set one of them");
        }
        return source;
    }

    /** Writes the three keys in the order {@link #read} documents them. */
    public YamlWriter write(YamlWriter out) {
        return out.key("word_vectors", file).key("vectors_epochs", auto() ? "auto" : epochs)
                .key("unlabelled", unlabelled);
    }
}
