package rnn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import rnn.text.Vocabulary;

/**
 * Pretrained word vectors in the text format that word2vec, GloVe and fastText write (plain or
 * .gz): one word per line followed by its numbers, separated by spaces; word2vec's and fastText's
 * first line, {@code COUNT DIMENSION}, is recognised and skipped; a word may contain spaces (the
 * numbers are the last fields). Words are kept in file order,
 * which these tools write most frequent first; with {@code lowercase} each word is folded to lower
 * case and only its first occurrence is kept.
 *
 * @param words   the words kept, in file order
 * @param vectors one vector per word, all of the same length
 */
public record WordVectors(List<String> words, float[][] vectors) {

    /** Each entry's vector, by its index in {@code vocabulary}; null for entries without one. */
    public float[][] byIndex(Vocabulary vocabulary) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            at.put(words.get(i), i);
        }
        float[][] out = new float[vocabulary.size()][];
        for (int id = 0; id < out.length; id++) {
            Integer i = at.get(vocabulary.get(id));
            out[id] = i == null ? null : vectors[i];
        }
        return out;
    }

    /** The length of every vector. */
    public int dimension() {
        return vectors.length == 0 ? 0 : vectors[0].length;
    }

    /**
     * A vocabulary counted from training data and the vectors of {@code data.word_vectors} that
     * start its embedding: the file's first {@code vocabSize} words and any of {@code trainWords}
     * further on are read, and the vocabulary is extended with the words read (in file order, up to
     * {@code vocabSize} entries), so that a word training lacks still gets its pretrained vector
     * rather than {@code <unk>}'s.
     *
     * @throws DataException when the vectors' length is not {@code embeddingSize}
     */
    public static Extended extend(Vocabulary counted, Path file, boolean lowercase, int vocabSize,
                                  Set<String> trainWords, int embeddingSize) {
        WordVectors vectors = read(file, lowercase, vocabSize, trainWords);
        if (vectors.dimension() != embeddingSize) {
            throw new DataException("data.word_vectors: " + file + " holds vectors of " + vectors.dimension()
                    + " numbers, but model.embedding_size is " + embeddingSize);
        }
        return new Extended(counted.extendedWith(vectors.words(), vocabSize), vectors);
    }

    /**
     * The vectors of a fixed vocabulary's words in the file, by id ({@code null} rows for words it
     * lacks): what starts a language model's embedding, whose vocabulary stays as counted since it
     * is also what the model predicts.
     *
     * @throws DataException when the vectors' length is not {@code embeddingSize}, or no word has one
     */
    public static float[][] forVocabulary(Path file, boolean lowercase, Vocabulary vocabulary, int embeddingSize) {
        WordVectors vectors = read(file, lowercase, 0, new HashSet<>(vocabulary.entries()));
        if (vectors.words().isEmpty()) {
            throw new DataException("data.word_vectors: " + file + " has a vector for none of the vocabulary's "
                    + vocabulary.size() + " words (data.lowercase is " + lowercase + ")");
        }
        if (vectors.dimension() != embeddingSize) {
            throw new DataException("data.word_vectors: " + file + " holds vectors of " + vectors.dimension()
                    + " numbers, but model.embedding_size is " + embeddingSize);
        }
        return vectors.byIndex(vocabulary);
    }

    /** {@code pretrained vectors for N of the M <unit>}: how many rows of {@code byId} (by token id) a run starts from a vector. */
    public static String started(float[][] byId, String unit) {
        return String.format(Locale.ROOT, "pretrained vectors for %,d of the %,d %s",
                Arrays.stream(byId).filter(Objects::nonNull).count(), byId.length, unit);
    }

    /** A vocabulary extended with the words of pretrained vectors, and those vectors. */
    public record Extended(Vocabulary vocabulary, WordVectors vectors) {
    }

    /**
     * Reads the file, keeping the first {@code firstWords} words (after folding and removing
     * repeats) and, further on, any word of {@code alsoWanted}: a large file (GloVe has 400,000
     * words) is read through without holding every vector.
     */
    public static WordVectors read(Path file, boolean lowercase, int firstWords, Set<String> alsoWanted) {
        List<String> words = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int dimension = -1;
        int number = 0;
        try (BufferedReader reader = TextFiles.open(file)) {
            for (String line; (line = reader.readLine()) != null; ) {
                number++;
                // Only the end is trimmed: a word may itself be a Unicode space.
                String[] fields = line.stripTrailing().split(" ");
                if (fields.length == 1 && fields[0].isEmpty()) {
                    continue;
                }
                if (dimension < 0 && words.isEmpty() && isHeader(fields)) {
                    dimension = Integer.parseInt(fields[1]);   // word2vec's count line gives it
                    continue;
                }
                if (dimension < 0) {   // GloVe has no count line: the first vector's length
                    dimension = fields.length - 1;
                    if (dimension < 1) {
                        throw new DataException(file + ":" + number + ": expected a word and its numbers, separated by spaces");
                    }
                }
                if (fields.length < dimension + 1) {
                    throw new DataException(file + ":" + number + ": expected a word and " + dimension
                            + " numbers, as on the first line, found " + (fields.length - 1) + " fields after the word");
                }
                // The numbers are the last fields; a word may hold spaces (GloVe's 840B file has some).
                int wordFields = fields.length - dimension;
                String word = wordFields == 1 ? fields[0] : String.join(" ", Arrays.copyOf(fields, wordFields));
                if (lowercase) {
                    word = word.toLowerCase(Locale.ROOT);
                }
                if (!seen.add(word) || seen.size() > firstWords && !alsoWanted.contains(word)) {
                    continue;
                }
                words.add(word);
                vectors.add(numbers(fields, wordFields, file, number));
            }
        } catch (IOException e) {
            throw TextFiles.readFailure(file, e);
        }
        if (seen.isEmpty()) {
            throw new DataException(file + ": no word vectors in the file");
        }
        // none kept (no word of alsoWanted, with firstWords 0) is for the caller to judge
        return new WordVectors(List.copyOf(words), vectors.toArray(float[][]::new));
    }

    /** word2vec's and fastText's first line (before any vector): two whole numbers. */
    private static boolean isHeader(String[] fields) {
        return fields.length == 2 && fields[0].matches("\\d{1,12}") && fields[1].matches("\\d{1,6}");
    }

    private static float[] numbers(String[] fields, int from, Path file, int number) {
        float[] vector = new float[fields.length - from];
        for (int i = from; i < fields.length; i++) {
            try {
                vector[i - from] = Float.parseFloat(fields[i]);
            } catch (NumberFormatException e) {
                throw new DataException(file + ":" + number + ": '" + fields[i] + "' is not a number");
            }
        }
        return vector;
    }
}
