package rnn.bench;

import java.util.List;

/**
 * The size of the work: one batch of {@code batch} sequences of up to {@code steps} token ids
 * drawn from {@code vocab}, through an embedding of {@code embedding} and cells of {@code hidden}
 * units per direction.
 *
 * @param batch           sequences per batch ({@code training.batch_size})
 * @param steps           time steps of the longest sequence
 * @param embedding       {@code model.embedding_size}
 * @param hidden          {@code model.hidden}
 * @param vocab           vocabulary size (token ids are drawn uniformly from it)
 * @param variableLengths lengths spread evenly from {@code steps / 2} to {@code steps}, so that masking
 *                        does real work; otherwise every step of every sequence is real
 */
record BenchShape(int batch, int steps, int embedding, int hidden, int vocab, boolean variableLengths) {

    /** The config overrides that give the network this shape (mean and max pooling, as the IMDB default). */
    List<String> overrides() {
        return List.of("model.embedding_size=" + embedding, "model.hidden=" + hidden, "model.pooling=[mean,max]",
                "training.batch_size=" + batch);
    }

    /**
     * The length of each sequence. Variable lengths are spread evenly rather than drawn at random
     * so that the PyTorch reference, with its own random generator, sees exactly the same lengths
     * (and so the same number of real tokens); the longest is always {@code steps}.
     */
    int[] lengths() {
        int[] lengths = new int[batch];
        int shortest = variableLengths ? Math.max(1, steps / 2) : steps;
        for (int b = 0; b < batch; b++) {
            lengths[b] = batch == 1 ? steps
                    : shortest + (int) Math.round((double) (steps - shortest) * b / (batch - 1));
        }
        return lengths;
    }

    /** Real (unpadded) tokens in one batch: {@code batch x steps} when every step is real. */
    long tokens() {
        long sum = 0;
        for (int length : lengths()) {
            sum += length;
        }
        return sum;
    }

    /** One line for the header. */
    String describe() {
        return "batch " + batch + " x " + steps + " steps, vocab " + vocab + ", embedding " + embedding + ", hidden "
                + hidden + ", pooling [mean, max], "
                + (variableLengths ? "lengths spread " + lengths()[0] + ".." + steps + " (masked)" : "every step real");
    }
}
