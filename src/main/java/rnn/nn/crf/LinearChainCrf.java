package rnn.nn.crf;

/**
 * The arithmetic of a linear-chain CRF over one sentence of {@code L} tokens and {@code K} tags:
 * a path's score is {@code start[y0] + sum_t emission[t][yt] + sum_t transition[y(t-1)][yt] + end[y(L-1)]},
 * and {@code p(path) = exp(score) / Z}. In log space and double precision throughout.
 *
 * <p>Forbidden moves (a transition, start or end the tag scheme does not allow, such as
 * {@code O -> I-PER} in IOB2) get {@link #FORBIDDEN} added to their score: their probability is
 * then below {@code e^-10000}, so they never win Viterbi and get no gradient to speak of.
 */
final class LinearChainCrf {
    /** Added to the score of a forbidden move. */
    static final double FORBIDDEN = -1e4;

    /** Gradients of {@code log Z - score(gold)} (the negative log-likelihood), and its value. */
    record Gradients(double nll, double[][] emissions, double[][] transitions, double[] start, double[] end) {
    }

    private final double[][] transitions;
    private final double[] start;
    private final double[] end;
    private final int tags;

    /** Scores with forbidden moves already penalised; the arrays are used, not copied. */
    LinearChainCrf(double[][] transitions, double[] start, double[] end) {
        this.transitions = transitions;
        this.start = start;
        this.end = end;
        this.tags = start.length;
    }

    /** The score of one tag path over {@code emissions [L][K]}. */
    double score(double[][] emissions, int[] path) {
        double s = start[path[0]] + end[path[path.length - 1]];
        for (int t = 0; t < path.length; t++) {
            s += emissions[t][path[t]];
            if (t > 0) {
                s += transitions[path[t - 1]][path[t]];
            }
        }
        return s;
    }

    /** {@code log Z}: the log of the summed exp-scores of every path. */
    double logPartition(double[][] emissions) {
        double[][] alpha = forward(emissions);
        int last = emissions.length - 1;
        double[] closing = new double[tags];
        for (int k = 0; k < tags; k++) {
            closing[k] = alpha[last][k] + end[k];
        }
        return logSumExp(closing);
    }

    /** Each step's probability of each tag, {@code [time][tag]}, given the whole sentence (forward-backward). */
    double[][] marginals(double[][] emissions) {
        int length = emissions.length;
        double[][] alpha = forward(emissions);
        double[][] beta = backward(emissions);
        double[] closing = new double[tags];
        for (int k = 0; k < tags; k++) {
            closing[k] = alpha[length - 1][k] + end[k];
        }
        double logZ = logSumExp(closing);
        double[][] out = new double[length][tags];
        for (int t = 0; t < length; t++) {
            for (int k = 0; k < tags; k++) {
                out[t][k] = Math.exp(alpha[t][k] + beta[t][k] - logZ);
            }
        }
        return out;
    }

    /** The negative log-likelihood of {@code gold} and its gradients, by the forward-backward algorithm. */
    Gradients gradients(double[][] emissions, int[] gold) {
        int length = emissions.length;
        double[][] alpha = forward(emissions);
        double[][] beta = backward(emissions);
        double[] closing = new double[tags];
        for (int k = 0; k < tags; k++) {
            closing[k] = alpha[length - 1][k] + end[k];
        }
        double logZ = logSumExp(closing);
        double[][] dEmissions = new double[length][tags];
        double[][] dTransitions = new double[tags][tags];
        double[] dStart = new double[tags];
        double[] dEnd = new double[tags];
        for (int t = 0; t < length; t++) {
            for (int k = 0; k < tags; k++) {
                dEmissions[t][k] = Math.exp(alpha[t][k] + beta[t][k] - logZ);
            }
            if (t > 0) {
                for (int i = 0; i < tags; i++) {
                    for (int j = 0; j < tags; j++) {
                        dTransitions[i][j] += Math.exp(alpha[t - 1][i] + transitions[i][j] + emissions[t][j]
                                + beta[t][j] - logZ);
                    }
                }
            }
        }
        for (int k = 0; k < tags; k++) {
            dStart[k] = dEmissions[0][k];
            dEnd[k] = dEmissions[length - 1][k];
        }
        // Minus the gold path's counts: d(-score(gold)).
        for (int t = 0; t < length; t++) {
            dEmissions[t][gold[t]] -= 1;
            if (t > 0) {
                dTransitions[gold[t - 1]][gold[t]] -= 1;
            }
        }
        dStart[gold[0]] -= 1;
        dEnd[gold[length - 1]] -= 1;
        return new Gradients(logZ - score(emissions, gold), dEmissions, dTransitions, dStart, dEnd);
    }

    /** The highest-scoring path (Viterbi); ties go to the lower tag index. */
    int[] viterbi(double[][] emissions) {
        int length = emissions.length;
        double[][] best = new double[length][tags];
        int[][] from = new int[length][tags];
        for (int k = 0; k < tags; k++) {
            best[0][k] = start[k] + emissions[0][k];
        }
        for (int t = 1; t < length; t++) {
            for (int j = 0; j < tags; j++) {
                int arg = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < tags; i++) {
                    double s = best[t - 1][i] + transitions[i][j];
                    if (s > max) {
                        max = s;
                        arg = i;
                    }
                }
                best[t][j] = max + emissions[t][j];
                from[t][j] = arg;
            }
        }
        int last = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < tags; k++) {
            double s = best[length - 1][k] + end[k];
            if (s > max) {
                max = s;
                last = k;
            }
        }
        int[] path = new int[length];
        path[length - 1] = last;
        for (int t = length - 1; t > 0; t--) {
            path[t - 1] = from[t][path[t]];
        }
        return path;
    }

    private double[][] forward(double[][] emissions) {
        int length = emissions.length;
        double[][] alpha = new double[length][tags];
        double[] terms = new double[tags];
        for (int k = 0; k < tags; k++) {
            alpha[0][k] = start[k] + emissions[0][k];
        }
        for (int t = 1; t < length; t++) {
            for (int j = 0; j < tags; j++) {
                for (int i = 0; i < tags; i++) {
                    terms[i] = alpha[t - 1][i] + transitions[i][j];
                }
                alpha[t][j] = logSumExp(terms) + emissions[t][j];
            }
        }
        return alpha;
    }

    private double[][] backward(double[][] emissions) {
        int length = emissions.length;
        double[][] beta = new double[length][tags];
        double[] terms = new double[tags];
        for (int k = 0; k < tags; k++) {
            beta[length - 1][k] = end[k];
        }
        for (int t = length - 2; t >= 0; t--) {
            for (int i = 0; i < tags; i++) {
                for (int j = 0; j < tags; j++) {
                    terms[j] = transitions[i][j] + emissions[t + 1][j] + beta[t + 1][j];
                }
                beta[t][i] = logSumExp(terms);
            }
        }
        return beta;
    }

    static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : values) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }
}
