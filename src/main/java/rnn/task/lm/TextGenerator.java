package rnn.task.lm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import rnn.bundle.Bundle;
import rnn.predict.Predictor;
import rnn.text.TokenLevel;
import rnn.text.StreamTokens;
import rnn.text.Vocabulary;

/**
 * Writes text with a language model bundle, one token at a time: the prompt is read through the
 * network, then each next token is drawn from the predicted distribution (sharpened or flattened
 * by the temperature, cut to the {@code k} most likely) and fed back in. As a {@link Predictor},
 * it takes prompts one after another (a network's state is one sequence's). {@code <pad>} is never
 * drawn. The same seed gives the same text; temperature 0 always takes the most likely token.
 */
public final class TextGenerator implements Predictor<TextGenerator.Prompt, String> {
    /**
     * One generation: continue {@code text} by {@code length} tokens drawn as {@code sampling} says.
     */
    public record Prompt(String text, int length, Sampling sampling) {
        public Prompt {
            if (length < 0) {
                throw new IllegalArgumentException("length must be at least 0");
            }
        }
    }

    /**
     * How to draw each token.
     *
     * @param temperature divides the log-probabilities; 0 is greedy
     * @param topK        draw among the {@code k} most likely tokens only; 0 for all
     * @param seed        seeds the draws
     */
    public record Sampling(double temperature, int topK, long seed) {
        public Sampling {
            if (temperature < 0 || Double.isNaN(temperature)) {
                throw new IllegalArgumentException("temperature must be at least 0");
            }
            if (topK < 0) {
                throw new IllegalArgumentException("top-k must be at least 0");
            }
        }
    }

    private final ComputationGraph network;
    private final Vocabulary vocabulary;
    private final StreamTokens tokenizer;

    public TextGenerator(Bundle bundle) {
        this.network = bundle.network();
        this.vocabulary = bundle.tokens();
        LanguageModelConfig.Data data = ((LanguageModelConfig) bundle.config()).data();
        this.tokenizer = new StreamTokens(data.level(), data.lowercase());
    }

    /**
     * Continues {@code prompt} by {@code length} tokens (characters for a character model), giving
     * each token's text to {@code out} as soon as it is drawn. The prompt is read as the start of
     * a line; an empty prompt starts a new one.
     */
    public void generate(String prompt, int length, Sampling sampling, Consumer<String> out) {
        // The prompt is read as the start of a line: after a line break (or <eos>). A network fed
        // from zero state straight into mid-line text has seen that only at its rows' starts in
        // training, and continues it poorly.
        List<String> primed = new ArrayList<>();
        primed.add(tokenizer.level() == TokenLevel.CHAR ? "\n" : StreamTokens.EOS);
        primed.addAll(tokenizer.splitPrompt(prompt));
        SplittableRandom random = new SplittableRandom(sampling.seed());
        network.rnnClearPreviousState();
        float[] ids = new float[primed.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.indexOf(primed.get(i));
        }
        float[] next = lastStep(network.rnnTimeStep(input(ids))[0]);
        String previous = primed.get(primed.size() - 1);
        for (int i = 0; i < length; i++) {
            int token = draw(next, sampling, random);
            String text = vocabulary.get(token);
            out.accept(tokenizer.render(previous, text));
            previous = text;
            if (i + 1 < length) {
                next = lastStep(network.rnnTimeStep(input(new float[] {token}))[0]);
            }
        }
        network.rnnClearPreviousState();
    }

    /** The continuation of each prompt (the prompt itself not included), in input order. */
    @Override
    public List<String> predictBatch(List<Prompt> prompts) {
        List<String> out = new ArrayList<>(prompts.size());
        for (Prompt p : prompts) {
            StringBuilder text = new StringBuilder();
            generate(p.text(), p.length(), p.sampling(), text::append);
            out.add(text.toString());
        }
        return out;
    }

    private static INDArray input(float[] ids) {
        return Nd4j.create(ids, new long[] {1, 1, ids.length}, 'c').castTo(DataType.FLOAT);
    }

    /** The distribution after the last step of {@code probabilities} {@code [1, vocabulary, time]}. */
    private static float[] lastStep(INDArray probabilities) {
        long last = probabilities.size(2) - 1;
        return probabilities.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(last)).toFloatVector();
    }

    /** The next token: the most likely at temperature 0, otherwise a draw from the tempered, cut distribution. */
    static int draw(float[] probabilities, Sampling sampling, SplittableRandom random) {
        int n = probabilities.length;
        if (sampling.temperature() == 0) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (i != Vocabulary.PAD_INDEX && (best < 0 || probabilities[i] > probabilities[best])) {
                    best = i;
                }
            }
            return best;
        }
        double floor = Double.NEGATIVE_INFINITY;
        if (sampling.topK() > 0 && sampling.topK() < n - 1) {
            float[] sorted = probabilities.clone();
            sorted[Vocabulary.PAD_INDEX] = -1;
            Arrays.sort(sorted);
            floor = sorted[n - sampling.topK()];   // the k-th largest; ties at the boundary are kept
        }
        List<Integer> candidates = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (i == Vocabulary.PAD_INDEX || probabilities[i] < floor || probabilities[i] <= 0) {
                continue;
            }
            double logit = Math.log(probabilities[i]) / sampling.temperature();
            candidates.add(i);
            weights.add(logit);
            max = Math.max(max, logit);
        }
        double total = 0;
        for (int j = 0; j < weights.size(); j++) {
            double w = Math.exp(weights.get(j) - max);   // shifted so that large logits cannot overflow
            weights.set(j, w);
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int j = 0; j < candidates.size(); j++) {
            u -= weights.get(j);
            if (u < 0) {
                return candidates.get(j);
            }
        }
        return candidates.get(candidates.size() - 1);
    }
}
