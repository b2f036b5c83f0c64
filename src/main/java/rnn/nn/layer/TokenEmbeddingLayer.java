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

import rnn.nn.memory.Backend;
import rnn.nn.memory.Floats;
import rnn.nn.memory.TimeMajor;

/**
 * The token embedding ({@link TokenEmbedding}). The output is time-major (see {@link TimeMajor}):
 * the forward pass copies each token's vector, a contiguous row, into its row of a
 * {@code [time, batch, size]} array, and the recurrent layer above reads that array as its input
 * matrix with no copy; the backward pass adds each real token's output gradient into its id's row
 * of the weight gradient. Masked steps output zero and send nothing back. Ids have no gradient:
 * like DL4J's embedding layer this one returns none.
 */
public final class TokenEmbeddingLayer extends BaseLayer<TokenEmbedding> {
    TokenEmbeddingLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** The batch's ids and mask, {@code [row x steps + t]}. */
    private record Tokens(int[] ids, float[] mask, int batch, int steps) {
        boolean real(int r, int t) {
            return mask == null || mask[r * steps + t] != 0;
        }
    }

    private Tokens tokens() {
        int batch = (int) input.size(0);
        int steps = (int) input.size(input.rank() - 1);
        if (input.rank() == 3 && input.size(1) != 1 || input.rank() != 2 && input.rank() != 3) {
            throw new IllegalArgumentException("token embedding input must be ids [batch, time] or [batch, 1, time], got "
                    + java.util.Arrays.toString(input.shape()));
        }
        int[] ids = input.reshape(input.ordering(), batch, steps).castTo(DataType.INT).dup('c').data().asInt();
        long vocabulary = layerConf().getNIn();
        for (int id : ids) {
            if (id < 0 || id >= vocabulary) {
                throw new IllegalArgumentException("token id " + id + " outside the embedding's vocabulary of "
                        + vocabulary);
            }
        }
        float[] mask = maskArray == null ? null
                : maskArray.castTo(DataType.FLOAT).reshape(maskArray.ordering(), batch, steps).dup('c').data().asFloat();
        return new Tokens(ids, mask, batch, steps);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        Tokens tokens = tokens();
        int b = tokens.batch();
        int size = (int) layerConf().getNOut();
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {tokens.steps(), b, size}, 'c');
        if (!Backend.hostKernels(training)) {
            return TimeMajor.ncwView(out.assign(rowsWithOps(tokens, workspaceMgr).reshape('c', out.shape())));
        }
        Floats weights = Floats.of(getParamWithNoise(TokenEmbeddingParams.WEIGHTS, training, workspaceMgr));
        Floats o = Floats.of(out);
        double[] vector = new double[size];
        for (int t = 0; t < tokens.steps(); t++) {
            for (int r = 0; r < b; r++) {
                if (tokens.real(r, t)) {
                    weights.get(tokens.ids()[r * tokens.steps() + t] * size, vector, size);
                } else {
                    java.util.Arrays.fill(vector, 0);
                }
                o.set((t * b + r) * size, vector, size);
            }
        }
        return TimeMajor.ncwView(out);
    }

    /** The embedding rows of the tokens, time-major ({@code [time x batch, size]}), zero at padding, in ND4J ops. */
    private INDArray rowsWithOps(Tokens tokens, LayerWorkspaceMgr workspaceMgr) {
        int b = tokens.batch();
        int[] ids = new int[b * tokens.steps()];
        double[] real = new double[ids.length];
        for (int t = 0; t < tokens.steps(); t++) {
            for (int r = 0; r < b; r++) {
                boolean isReal = tokens.real(r, t);
                ids[t * b + r] = isReal ? tokens.ids()[r * tokens.steps() + t] : 0;
                real[t * b + r] = isReal ? 1 : 0;
            }
        }
        INDArray rows = Nd4j.pullRows(getParamWithNoise(TokenEmbeddingParams.WEIGHTS, false, workspaceMgr), 1, ids);
        return tokens.mask() == null ? rows
                : rows.muliColumnVector(Nd4j.createFromArray(real).castTo(dataType).reshape(ids.length, 1));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        Tokens tokens = tokens();
        int b = tokens.batch();
        int size = (int) layerConf().getNOut();
        Floats e = Floats.of(TimeMajor.matrix(epsilon));   // [time x batch, size]
        INDArray gradientView = gradientViews.get(TokenEmbeddingParams.WEIGHTS);
        gradientView.assign(0);
        Floats g = Floats.of(gradientView);
        double[] gradient = new double[size];
        double[] row = new double[size];
        for (int t = 0; t < tokens.steps(); t++) {
            for (int r = 0; r < b; r++) {
                if (!tokens.real(r, t)) {
                    continue;
                }
                int at = tokens.ids()[r * tokens.steps() + t] * size;
                g.get(at, row, size);
                e.get((t * b + r) * size, gradient, size);
                for (int j = 0; j < size; j++) {
                    row[j] += gradient[j];
                }
                g.set(at, row, size);
            }
        }
        Gradient result = new DefaultGradient(gradientsFlattened);
        result.gradientForVariable().put(TokenEmbeddingParams.WEIGHTS, gradientView);
        weightNoiseParams.clear();
        return new Pair<>(result, null);
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
    public Gradient gradient() {
        throw new UnsupportedOperationException("the token embedding computes gradients in backpropGradient");
    }
}
