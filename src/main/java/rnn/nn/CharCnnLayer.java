package rnn.nn;

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

/**
 * The character-level word encoder ({@link CharCnn}). All windows of all real words of a batch
 * go through the filters as one matrix product; the maximum per word and filter is kept, with
 * the window it came from, so that back-propagation sends each filter's gradient to that window
 * only (and from there to the characters' embeddings).
 */
public final class CharCnnLayer extends BaseLayer<CharCnn> {
    /**
     * The forward pass's windows ({@code [rows, window x d]}, row-major, as plain values: arrays
     * made in DL4J's workspaces do not outlive the pass) and winners, kept for back-propagation.
     */
    private record Pass(double[] windows, int[][] windowChars, int[] wordOf, int[][] winner, double[][] out,
                        int[] words, int batch, int steps) {
    }

    private Pass last;

    CharCnnLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private Pass run() {
        int batch = (int) input.size(0);
        int maxChars = (int) input.size(1);
        int steps = (int) input.size(2);
        float[] ids = input.castTo(DataType.FLOAT).dup('c').data().asFloat();   // [batch][maxChars][time]
        float[][] mask = maskArray == null ? null : maskArray.castTo(DataType.FLOAT).reshape(batch, steps).toFloatMatrix();
        int window = layerConf().getWindow();
        int half = window / 2;
        int d = layerConf().getCharEmbeddingSize();

        // Words (b, t) that are real, and their characters.
        java.util.List<int[]> chars = new java.util.ArrayList<>();
        java.util.List<Integer> wordIndex = new java.util.ArrayList<>();
        int rows = 0;
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                if (mask != null && mask[b][t] == 0) {
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
                chars.add(word);
                wordIndex.add(b * steps + t);
                rows += word.length;
            }
        }
        // One row per character position: the embeddings of its window, padding id 0 beyond the word.
        double[] embeddings = Floats.rowMajor(getParam(CharCnnParams.EMBEDDINGS));   // [chars][d]
        double[] windows = new double[rows * window * d];
        int[][] windowChars = new int[rows][window];
        int[] wordOf = new int[rows];
        int row = 0;
        for (int w = 0; w < chars.size(); w++) {
            int[] word = chars.get(w);
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
        int filters = (int) layerConf().getNOut();
        double[] scores = scores(windows, rows);   // [rows][filters]
        int[][] winner = new int[chars.size()][filters];
        double[][] out = new double[chars.size()][filters];
        for (int w = 0; w < chars.size(); w++) {
            java.util.Arrays.fill(out[w], Double.NEGATIVE_INFINITY);
        }
        for (int r = 0; r < rows; r++) {
            int w = wordOf[r];
            for (int f = 0; f < filters; f++) {
                if (scores[r * filters + f] > out[w][f]) {
                    out[w][f] = scores[r * filters + f];
                    winner[w][f] = r;
                }
            }
        }
        for (double[] o : out) {
            for (int f = 0; f < filters; f++) {
                o[f] = Math.tanh(o[f]);
            }
        }
        int[] words = wordIndex.stream().mapToInt(Integer::intValue).toArray();
        return new Pass(windows, windowChars, wordOf, winner, out, words, batch, steps);
    }

    /** {@code values} as a row-major {@code rows x columns} array of the layer's type. */
    private INDArray matrix(double[] values, int rows, int columns) {
        INDArray m = Nd4j.createUninitialized(dataType, new long[] {rows, columns}, 'c');
        Floats.of(m).set(0, values, values.length);
        return m;
    }

    /** The filters' scores of every window, {@code windows [rows][window x d] W + b}, one matrix product. */
    private double[] scores(double[] windows, int rows) {
        int width = layerConf().getWindow() * layerConf().getCharEmbeddingSize();
        int filters = (int) layerConf().getNOut();
        INDArray windowMatrix = matrix(windows, rows, width);
        INDArray product = Nd4j.createUninitialized(dataType, new long[] {rows, filters}, 'c');
        Blas.gemm(windowMatrix, false, getParam(CharCnnParams.WEIGHTS), false, product, 1.0, 0.0);
        double[] scores = new double[rows * filters];
        Floats.of(product).get(0, scores, scores.length);
        double[] bias = Floats.rowMajor(getParam(CharCnnParams.BIAS));
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < filters; f++) {
                scores[r * filters + f] += bias[f];
            }
        }
        return scores;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        Pass pass = run();
        last = training ? pass : null;   // kept for back-propagation only
        int filters = (int) layerConf().getNOut();
        int steps = pass.steps();
        int batch = pass.batch();
        double[] values = new double[batch * filters * steps];   // dense 'f': [time][filters][batch]
        for (int w = 0; w < pass.words().length; w++) {
            int b = pass.words()[w] / steps;
            int t = pass.words()[w] % steps;
            for (int f = 0; f < filters; f++) {
                values[(t * filters + f) * batch + b] = pass.out()[w][f];
            }
        }
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {batch, filters, steps}, 'f');
        Floats.of(output).set(0, values, values.length);
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        Pass pass = last != null ? last : run();
        int filters = (int) layerConf().getNOut();
        int rows = pass.wordOf().length;
        int steps = pass.steps();
        int batch = pass.batch();
        double[] eps = new double[batch * filters * steps];   // dense 'f': [time][filters][batch]
        Floats.of(TimeMajor.denseF(epsilon)).get(0, eps, eps.length);
        double[] dScores = new double[rows * filters];
        for (int w = 0; w < pass.words().length; w++) {
            int b = pass.words()[w] / steps;
            int t = pass.words()[w] % steps;
            for (int f = 0; f < filters; f++) {
                double y = pass.out()[w][f];
                dScores[pass.winner()[w][f] * filters + f] += eps[(t * filters + f) * batch + b] * (1 - y * y);
            }
        }
        int d = layerConf().getCharEmbeddingSize();
        int width = layerConf().getWindow() * d;
        INDArray dZ = matrix(dScores, rows, filters);
        Blas.gemm(matrix(pass.windows(), rows, width), true, dZ, false, gradientViews.get(CharCnnParams.WEIGHTS),
                1.0, 0.0);
        double[] dBias = new double[filters];
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < filters; f++) {
                dBias[f] += dScores[r * filters + f];
            }
        }
        Floats.of(gradientViews.get(CharCnnParams.BIAS)).set(0, dBias, filters);
        INDArray dWindowMatrix = Nd4j.createUninitialized(dataType, new long[] {rows, width}, 'c');
        Blas.gemm(dZ, false, getParam(CharCnnParams.WEIGHTS), true, dWindowMatrix, 1.0, 0.0);
        double[] dWindows = new double[rows * width];   // [rows][window x d]
        Floats.of(dWindowMatrix).get(0, dWindows, dWindows.length);
        int chars = (int) layerConf().getNIn();
        double[] dEmbeddings = new double[chars * d];   // 'f' order, as the gradient view: [d][chars]
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < pass.windowChars()[r].length; o++) {
                int c = pass.windowChars()[r][o];
                for (int k = 0; k < d; k++) {
                    dEmbeddings[k * chars + c] += dWindows[r * width + o * d + k];
                }
            }
        }
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
