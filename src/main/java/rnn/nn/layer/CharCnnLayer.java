package rnn.nn.layer;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import rnn.nn.memory.Blas;
import rnn.nn.memory.Floats;
import rnn.nn.memory.TimeMajor;
import rnn.nn.recurrent.LstmCell;

/**
 * The character-level word encoder ({@link CharCnn}). All windows of all real words of a batch
 * go through the filters as one matrix product; the maximum per word and filter is kept, with
 * the window it came from, so that back-propagation sends each filter's gradient to that window
 * only (and from there to the characters' embeddings).
 */
public final class CharCnnLayer extends BaseLayer<CharCnn> {
    /**
     * The forward pass's windows ({@code [rows, window x d]}, row-major, as plain values: arrays
     * made in DL4J's workspaces do not outlive the pass) and winners, kept for back-propagation
     * ({@code winner} is null after a pass for inference only).
     */
    private record Pass(double[] windows, int[][] windowChars, int[] wordOf, int[][] winner, double[][] out,
                        int[] words, int batch, int steps) {
    }

    private Pass last;

    CharCnnLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    // The loops below are small static methods on plain arrays, kept apart from the ND4J calls:
    // a tagging run is short, and the JIT compiler shares the two cores with it. One large method
    // mixing these loops with ND4J calls took long to compile with C2 (several on-stack-replacement
    // versions, inlined ND4J code), and so held one of the cores during a short `rnn tag` run.

    /** The forward pass; {@code forBackprop}: also find which window gave each maximum. */
    private Pass run(boolean forBackprop) {
        int batch = (int) input.size(0);
        int maxChars = (int) input.size(1);
        int steps = (int) input.size(2);
        float[] ids = input.castTo(DataType.FLOAT).dup('c').data().asFloat();   // [batch][maxChars][time]
        float[] mask = maskArray == null ? null : maskArray.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int window = layerConf().getWindow();
        int d = layerConf().getCharEmbeddingSize();
        int filters = (int) layerConf().getNOut();
        Words words = realWords(ids, mask, batch, maxChars, steps);
        int rows = words.rows();
        double[] windows = new double[rows * window * d];
        int[][] windowChars = new int[rows][window];
        int[] wordOf = new int[rows];
        fillWindows(words.chars(), Floats.rowMajor(getParam(CharCnnParams.EMBEDDINGS)), window, d, windows,
                windowChars, wordOf);
        double[] scores = scores(windows, rows);   // [rows][filters]
        int[][] winner = forBackprop ? new int[words.chars().length][filters] : null;
        double[][] out = new double[words.chars().length][filters];
        maxOverWindows(scores, wordOf, filters, out, winner);
        return new Pass(windows, windowChars, wordOf, winner, out, words.index(), batch, steps);
    }

    /** The real words of a batch: each one's character ids, its index {@code b x steps + t}, and their total length. */
    private record Words(int[][] chars, int[] index, int rows) {
    }

    private static Words realWords(float[] ids, float[] mask, int batch, int maxChars, int steps) {
        int count = 0;
        for (int i = 0; i < batch * steps; i++) {
            count += mask == null || mask[i] != 0 ? 1 : 0;
        }
        int[][] chars = new int[count][];
        int[] index = new int[count];
        int w = 0;
        int rows = 0;
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                if (mask != null && mask[b * steps + t] == 0) {
                    continue;
                }
                int n = 0;
                while (n < maxChars && ids[(b * maxChars + n) * steps + t] != 0) {
                    n++;
                }
                int[] word = new int[Math.max(n, 1)];   // an empty word reads as one padding character
                for (int c = 0; c < n; c++) {
                    word[c] = (int) ids[(b * maxChars + c) * steps + t];
                }
                chars[w] = word;
                index[w++] = b * steps + t;
                rows += word.length;
            }
        }
        return new Words(chars, index, rows);
    }

    /** One row per character position: the embeddings of its window, padding id 0 beyond the word. */
    private static void fillWindows(int[][] chars, double[] embeddings, int window, int d, double[] windows,
                                    int[][] windowChars, int[] wordOf) {
        int half = window / 2;
        int row = 0;
        for (int w = 0; w < chars.length; w++) {
            int[] word = chars[w];
            for (int p = 0; p < word.length; p++, row++) {
                wordOf[row] = w;
                for (int o = 0; o < window; o++) {
                    int at = p + o - half;
                    int c = at >= 0 && at < word.length ? word[at] : 0;
                    windowChars[row][o] = c;
                    System.arraycopy(embeddings, c * d, windows, (row * window + o) * d, d);
                }
            }
        }
    }

    /**
     * Each word's maximum score per filter ({@code out}, through tanh) and, unless {@code winner}
     * is null, the row it came from.
     */
    private static void maxOverWindows(double[] scores, int[] wordOf, int filters, double[][] out, int[][] winner) {
        for (double[] o : out) {
            java.util.Arrays.fill(o, Double.NEGATIVE_INFINITY);
        }
        for (int r = 0; r < wordOf.length; r++) {
            double[] o = out[wordOf[r]];
            if (winner == null) {
                for (int f = 0; f < filters; f++) {
                    o[f] = Math.max(o[f], scores[r * filters + f]);
                }
                continue;
            }
            int[] win = winner[wordOf[r]];
            for (int f = 0; f < filters; f++) {
                if (scores[r * filters + f] > o[f]) {
                    o[f] = scores[r * filters + f];
                    win[f] = r;
                }
            }
        }
        for (double[] o : out) {
            for (int f = 0; f < filters; f++) {
                o[f] = LstmCell.tanh(o[f]);   // Math.tanh is a slow native call on Java 17
            }
        }
    }

    /** {@code values} as a row-major {@code rows x columns} array of the layer's type. */
    private INDArray matrix(double[] values, int rows, int columns) {
        INDArray m = Nd4j.createUninitialized(dataType, new long[] {rows, columns}, 'c');
        Floats.write(m, values);
        return m;
    }

    /** The filters' scores of every window, {@code windows [rows][window x d] W + b}, one matrix product. */
    private double[] scores(double[] windows, int rows) {
        int width = layerConf().getWindow() * layerConf().getCharEmbeddingSize();
        int filters = (int) layerConf().getNOut();
        INDArray windowMatrix = matrix(windows, rows, width);
        INDArray product = Nd4j.createUninitialized(dataType, new long[] {rows, filters}, 'c');
        Blas.gemm(windowMatrix, false, getParam(CharCnnParams.WEIGHTS), false, product, 1.0, 0.0);
        double[] scores = Floats.read(product);
        addToRows(scores, Floats.rowMajor(getParam(CharCnnParams.BIAS)));
        return scores;
    }

    /** Adds {@code bias} to every row of the row-major {@code matrix}. */
    private static void addToRows(double[] matrix, double[] bias) {
        for (int at = 0; at < matrix.length; at += bias.length) {
            for (int f = 0; f < bias.length; f++) {
                matrix[at + f] += bias[f];
            }
        }
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        Pass pass = run(training);
        last = training ? pass : null;   // kept for back-propagation only
        int filters = (int) layerConf().getNOut();
        double[] values = toTimeMajor(pass.out(), pass.words(), pass.batch(), pass.steps(), filters);
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {pass.steps(), pass.batch(), filters}, 'c');
        Floats.write(output, values);
        return TimeMajor.ncwView(output);   // time-major, as rnn's layers hand sequences on
    }

    /** The words' features at their rows {@code t x batch + b} of a time-major array (zero elsewhere). */
    private static double[] toTimeMajor(double[][] out, int[] words, int batch, int steps, int filters) {
        double[] values = new double[batch * filters * steps];   // [time][batch][filters]
        for (int w = 0; w < words.length; w++) {
            int b = words[w] / steps;
            int t = words[w] % steps;
            System.arraycopy(out[w], 0, values, (t * batch + b) * filters, filters);
        }
        return values;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        Pass pass = last != null ? last : run(true);
        int filters = (int) layerConf().getNOut();
        int rows = pass.wordOf().length;
        double[] eps = new double[pass.batch() * filters * pass.steps()];   // [time][batch][filters]
        Floats.of(TimeMajor.matrix(epsilon)).get(0, eps, eps.length);
        double[] dScores = scoreGradients(pass, eps, rows, filters);
        int d = layerConf().getCharEmbeddingSize();
        int width = layerConf().getWindow() * d;
        INDArray dZ = matrix(dScores, rows, filters);
        Blas.gemm(matrix(pass.windows(), rows, width), true, dZ, false, gradientViews.get(CharCnnParams.WEIGHTS),
                1.0, 0.0);
        Floats.of(gradientViews.get(CharCnnParams.BIAS)).set(0, columnSums(dScores, filters), filters);
        INDArray dWindowMatrix = Nd4j.createUninitialized(dataType, new long[] {rows, width}, 'c');
        Blas.gemm(dZ, false, getParam(CharCnnParams.WEIGHTS), true, dWindowMatrix, 1.0, 0.0);
        double[] dWindows = new double[rows * width];   // [rows][window x d]
        Floats.of(dWindowMatrix).get(0, dWindows, dWindows.length);
        int chars = (int) layerConf().getNIn();
        double[] dEmbeddings = embeddingGradients(pass.windowChars(), dWindows, chars, d);
        Floats.of(gradientViews.get(CharCnnParams.EMBEDDINGS)).set(0, dEmbeddings, dEmbeddings.length);
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        for (String key : CharCnnParams.INSTANCE.paramKeys(layerConf())) {
            gradient.gradientForVariable().put(key, gradientViews.get(key));
        }
        last = null;
        // Character ids have no gradient.
        INDArray epsilonOut = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'f');
        return new Pair<>(gradient, epsilonOut);
    }

    /** Each filter's gradient, through tanh, sent to the window that won its maximum: {@code [rows][filters]}. */
    private static double[] scoreGradients(Pass pass, double[] eps, int rows, int filters) {
        double[] dScores = new double[rows * filters];
        int steps = pass.steps();
        int batch = pass.batch();
        for (int w = 0; w < pass.words().length; w++) {
            int b = pass.words()[w] / steps;
            int t = pass.words()[w] % steps;
            double[] out = pass.out()[w];
            int[] winner = pass.winner()[w];
            for (int f = 0; f < filters; f++) {
                double y = out[f];
                dScores[winner[f] * filters + f] += eps[(t * batch + b) * filters + f] * (1 - y * y);
            }
        }
        return dScores;
    }

    private static double[] columnSums(double[] matrix, int columns) {
        double[] sums = new double[columns];
        for (int at = 0; at < matrix.length; at += columns) {
            for (int f = 0; f < columns; f++) {
                sums[f] += matrix[at + f];
            }
        }
        return sums;
    }

    /** The embeddings' gradient from the windows' gradients, 'f' order as the gradient view: {@code [d][chars]}. */
    private static double[] embeddingGradients(int[][] windowChars, double[] dWindows, int chars, int d) {
        double[] dEmbeddings = new double[chars * d];
        int width = windowChars.length == 0 ? 0 : windowChars[0].length * d;
        for (int r = 0; r < windowChars.length; r++) {
            for (int o = 0; o < windowChars[r].length; o++) {
                int c = windowChars[r][o];
                for (int k = 0; k < d; k++) {
                    dEmbeddings[k * chars + c] += dWindows[r * width + o * d + k];
                }
            }
        }
        return dEmbeddings;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public void clear() {
        super.clear();
        last = null;
    }

    @Override
    public Gradient gradient() {
        throw new UnsupportedOperationException("the character encoder computes gradients in backpropGradient");
    }
}
