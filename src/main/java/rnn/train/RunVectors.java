package rnn.train;

import java.util.List;
import java.util.Set;

import rnn.data.WordVectors;
import rnn.text.Vocabulary;

/**
 * Word vectors a run trains for itself ({@code data.vectors_epochs}), as a task's data reader
 * calls for them: from the training examples ({@code T}: texts, sentences) and the vocabulary
 * counted from them, that vocabulary extended with the vectors' words and the vectors (null
 * vectors where only the vocabulary is needed: a resumed run). The task decides whether its run
 * trains vectors at all and passes {@link #none()} when not, so its reader asks one way.
 */
@FunctionalInterface
public interface RunVectors<T> {
    /** The extended vocabulary and the vectors; null when the run trains none. */
    WordVectors.Extended extend(List<T> train, Vocabulary counted, Set<String> trainWords);

    /** A run that trains no vectors. */
    static <T> RunVectors<T> none() {
        return (train, counted, trainWords) -> null;
    }
}
