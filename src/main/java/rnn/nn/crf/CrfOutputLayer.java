package rnn.nn.crf;


import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import rnn.nn.layer.SequenceOutputLayer;
import rnn.nn.memory.Blas;
import rnn.nn.memory.Floats;
import rnn.nn.memory.TimeMajor;

/**
 * The linear-chain CRF output layer ({@link CrfOutput}). Input {@code [batch, nIn, time]} (NCW)
 * with the mask {@code [batch, time]} marking each sentence's real tokens (a prefix); labels are
 * tag ids {@code [batch, 1, time]}. The loss is the negative log-likelihood of the gold tags
 * averaged over the batch; the output is the Viterbi path as one-hot {@code [batch, tags, time]}
 * (zero at padding), so the most likely tag of a step is its argmax. With
 * {@link #writeMarginals}, each path step holds its tag's marginal probability instead of 1
 * (still the step's largest value), for a confidence per token.
 */
public final class CrfOutputLayer extends SequenceOutputLayer<CrfOutput> {
    /** Whether the path's cells hold marginal probabilities (one forward-backward pass more per sentence). */
    private boolean marginals;

    CrfOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Makes the output's path cells hold each tag's marginal probability rather than 1. */
    public void writeMarginals(boolean on) {
        marginals = on;
    }

    /** Emission scores and the sentence lengths of the current input. */
    private record Emissions(double[][][] scores, int[] lengths, INDArray inputs) {
    }

    private Emissions emissions(boolean training, LayerWorkspaceMgr workspaceMgr) {
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray x = input;   // [batch, nIn, time], after dropout when training
        int batch = (int) x.size(0);
        int steps = (int) x.size(2);
        int tags = (int) layerConf().getNOut();
        INDArray inputs = TimeMajor.matrix(x);   // [time x batch, nIn]; no copy when the layer below is rnn's
        if (inputs.dataType() != dataType) {
            inputs = inputs.castTo(dataType);   // Blas.gemm reads every operand as the output's type
        }
        INDArray product = Nd4j.createUninitialized(dataType, new long[] {inputs.size(0), tags}, 'c');
        Blas.gemm(inputs, false, getParam(CrfOutputParams.WEIGHTS), false, product, 1.0, 0.0);
        double[] flat = Floats.read(product);   // [time x batch][tags], bias still to add
        double[] bias = Floats.rowMajor(getParam(CrfOutputParams.BIAS));
        int[] lengths = lengths(batch, steps);
        double[][][] bySentence = new double[batch][][];
        for (int b = 0; b < batch; b++) {
            bySentence[b] = new double[Math.max(lengths[b], 0)][];
            for (int t = 0; t < lengths[b]; t++) {
                double[] row = java.util.Arrays.copyOfRange(flat, (t * batch + b) * tags, (t * batch + b + 1) * tags);
                for (int j = 0; j < tags; j++) {
                    row[j] += bias[j];
                }
                bySentence[b][t] = row;
            }
        }
        return new Emissions(bySentence, lengths, inputs);
    }

    private LinearChainCrf crf() {
        int k = (int) layerConf().getNOut();
        double[][] penalties = layerConf().transitionPenalties();
        double[] transitionValues = Floats.rowMajor(getParam(CrfOutputParams.TRANSITIONS));   // [from][to]
        double[][] transitions = new double[k][];
        for (int i = 0; i < k; i++) {
            transitions[i] = java.util.Arrays.copyOfRange(transitionValues, i * k, (i + 1) * k);
        }
        double[] start = Floats.rowMajor(getParam(CrfOutputParams.START));
        double[] end = Floats.rowMajor(getParam(CrfOutputParams.END));
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                transitions[i][j] += penalties[i][j];
            }
            start[j] += penalties[k][j];
            end[j] += penalties[k + 1][j];
        }
        return new LinearChainCrf(transitions, start, end);
    }

    private int[] gold(int b, int length) {
        int[] tags = new int[length];
        for (int t = 0; t < length; t++) {
            tags[t] = labels.getInt(b, 0, t);
        }
        return tags;
    }

    /** Negative log-likelihood of each sentence's gold tags; 0 for an empty one. */
    private double[] sentenceLosses() {
        Emissions e = emissions(false, LayerWorkspaceMgr.noWorkspaces());
        LinearChainCrf crf = crf();
        double[] losses = new double[e.lengths().length];
        for (int b = 0; b < losses.length; b++) {
            int n = e.lengths()[b];
            if (n > 0) {
                losses[b] = crf.logPartition(e.scores()[b]) - crf.score(e.scores()[b], gold(b, n));
            }
        }
        return losses;
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        double[] losses = sentenceLosses();
        double sum = 0;
        for (double l : losses) {
            sum += l;
        }
        score = sum / losses.length + fullNetRegTerm;
        return score;
    }

    @Override
    public INDArray computeScoreForExamples(double fullNetRegTerm, LayerWorkspaceMgr workspaceMgr) {
        double[] losses = sentenceLosses();
        for (int b = 0; b < losses.length; b++) {
            losses[b] += fullNetRegTerm;
        }
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS,
                Nd4j.createFromArray(losses).castTo(dataType).reshape(losses.length, 1));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        Emissions e = emissions(true, workspaceMgr);
        LinearChainCrf crf = crf();
        int batch = e.lengths().length;
        int steps = (int) input.size(2);
        int k = (int) layerConf().getNOut();
        // Gradients of the loss summed over the batch, as DL4J's output layers give them: the
        // updater divides by the batch size (the score, in contrast, is the mean).
        double[][] dScores = new double[steps * batch][k];   // zero at padding
        double[][] dTransitions = new double[k][k];
        double[] dStart = new double[k];
        double[] dEnd = new double[k];
        double lossSum = 0;
        for (int b = 0; b < batch; b++) {
            int n = e.lengths()[b];
            if (n == 0) {
                continue;
            }
            LinearChainCrf.Gradients g = crf.gradients(e.scores()[b], gold(b, n));
            lossSum += g.nll();
            for (int t = 0; t < n; t++) {
                for (int j = 0; j < k; j++) {
                    dScores[t * batch + b][j] = g.emissions()[t][j];
                }
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    dTransitions[i][j] += g.transitions()[i][j];
                }
                dStart[i] += g.start()[i];
                dEnd[i] += g.end()[i];
            }
        }
        score = lossSum / batch;

        INDArray dZ = Nd4j.createFromArray(dScores).castTo(dataType);   // [time x batch, tags]
        gradientViews.get(CrfOutputParams.WEIGHTS).assign(e.inputs().transpose().mmul(dZ));
        gradientViews.get(CrfOutputParams.BIAS).assign(dZ.sum(0));
        gradientViews.get(CrfOutputParams.TRANSITIONS).assign(Nd4j.createFromArray(dTransitions).castTo(dataType));
        gradientViews.get(CrfOutputParams.START).assign(Nd4j.createFromArray(dStart).castTo(dataType));
        gradientViews.get(CrfOutputParams.END).assign(Nd4j.createFromArray(dEnd).castTo(dataType));
        INDArray dInputs = dZ.mmul(getParam(CrfOutputParams.WEIGHTS).transpose());   // [time x batch, nIn]
        INDArray epsilonOut = TimeMajor.sequenceOf(dInputs, batch, workspaceMgr, ArrayType.ACTIVATION_GRAD);

        weightNoiseParams.clear();
        return new Pair<>(gradientOfViews(CrfOutputParams.INSTANCE.paramKeys(layerConf())),
                backpropDropOutIfPresent(epsilonOut));
    }

    /** The Viterbi path of each sentence, one-hot {@code [batch, tags, time]} (or its marginals; see the class). */
    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        Emissions e = emissions(false, workspaceMgr);
        LinearChainCrf crf = crf();
        int batch = e.lengths().length;
        int steps = (int) input.size(2);
        int tags = (int) layerConf().getNOut();
        double[] oneHot = new double[batch * tags * steps];   // [batch][tags][time]
        for (int b = 0; b < batch; b++) {
            if (e.lengths()[b] == 0) {
                continue;
            }
            int[] path = crf.viterbi(e.scores()[b]);
            double[][] p = marginals ? crf.marginals(e.scores()[b]) : null;
            for (int t = 0; t < path.length; t++) {
                // never 0, so the path stays each step's argmax
                oneHot[(b * tags + path[t]) * steps + t] = p == null ? 1 : Math.max(p[t][path[t]], Float.MIN_NORMAL);
            }
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {batch, tags, steps}, 'c');
        Floats.write(out, oneHot);
        return out;
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        return activate(training, workspaceMgr);
    }

}
