package rnn.nn;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.HashMap;
import java.util.Map;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The computation of {@link FusedLstm}, arranged as cuDNN and PyTorch arrange it: the input
 * projection of all time steps is one matrix product before the recurrence, each step does one
 * {@code [batch, hidden] x [hidden, 4 hidden]} product and one fused element-wise pass
 * ({@link LstmCell}), and the weight gradients of all steps are one product each after it. The
 * forward pass of training keeps its gate activations and states for the backward pass instead
 * of recomputing them.
 *
 * <p>Internal arrays are time-major ({@code [time x batch, features]}, row-major), live outside
 * DL4J's workspaces and are reused from call to call while the shape stays the same.
 */
final class FusedLstmLayer extends BaseRecurrentLayer<FusedLstm> {
    private static final String STATE_HIDDEN = "h";
    private static final String STATE_CELL = "c";

    /** What a forward pass computed, kept for the backward pass. */
    private record Pass(INDArray inputs, INDArray gates, INDArray cells, INDArray hidden, float[] mask,
                        INDArray initialHidden, INDArray initialCell, int batch, int steps) {
    }

    private final Map<String, INDArray> scratch = new HashMap<>();
    private Pass saved;

    FusedLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        return output(run(training, null, null, workspaceMgr), workspaceMgr);
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        Pass pass = run(false, stateMap.get(STATE_HIDDEN), stateMap.get(STATE_CELL), workspaceMgr);
        storeLast(pass, stateMap);
        return output(pass, workspaceMgr);
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
                                                LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        Pass pass = run(training, tBpttStateMap.get(STATE_HIDDEN), tBpttStateMap.get(STATE_CELL), workspaceMgr);
        if (storeLastForTBPTT) {
            storeLast(pass, tBpttStateMap);
        }
        return output(pass, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        return tbpttBackpropGradient(epsilon, -1, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int backLength,
                                                          LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        Pass pass = saved != null ? saved : run(true, null, null, workspaceMgr);
        saved = null;
        int b = pass.batch();
        int steps = pass.steps();
        int units = (int) layerConf().getNOut();
        INDArray recurrent = getParamWithNoise(FusedLstmParams.RECURRENT_WEIGHTS, true, workspaceMgr);
        INDArray inputWeights = getParamWithNoise(FusedLstmParams.INPUT_WEIGHTS, true, workspaceMgr);

        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray dHidden = buffer("dHidden", (long) steps * b, units);   // [time x batch, hidden]
            dHidden.reshape('c', steps, b, units).assign(permuteIfNWC(epsilon).permute(2, 0, 1));
            INDArray dCell = buffer("dCell", b, units);
            dCell.assign(0);
            Floats gates = Floats.of(pass.gates());
            Floats cells = Floats.of(pass.cells());
            Floats dh = Floats.of(dHidden);
            Floats dc = Floats.of(dCell);
            Floats initialCell = pass.initialCell() == null ? null : Floats.of(pass.initialCell());
            // Step k of the recurrence reads time t(k) = k forwards, or steps-1-k in reverse.
            int dir = reverse() ? -1 : 1;
            int start = reverse() ? steps - 1 : 0;
            int firstStep = backLength > 0 ? Math.max(0, steps - backLength) : 0;
            double[] dBias = new double[4 * units];
            for (int k = steps - 1; k >= firstStep; k--) {
                int t = start + dir * k;
                int previous = t - dir;
                LstmCell.backward(gates, t * b * 4 * units, k == 0 ? initialCell : cells, k == 0 ? 0 : previous * b * units,
                        cells, t * b * units, dh, t * b * units, dc, dBias, pass.mask(), t * b, b, units);
                if (k > firstStep) {   // dHidden[previous] += dGates[t] RW^T
                    Nd4j.gemm(rows(pass.gates(), t, b), recurrent, rows(dHidden, previous, b), false, true, 1.0, 1.0);
                }
            }
            if (firstStep > 0) {   // steps beyond the truncation get no gradient
                if (reverse()) {
                    rowsFrom(pass.gates(), steps - firstStep, steps, b).assign(0);
                } else {
                    rowsFrom(pass.gates(), 0, firstStep, b).assign(0);
                }
            }
            INDArray dGates = pass.gates();   // [time x batch, 4 hidden], now gradients
            Nd4j.gemm(pass.inputs(), dGates, gradientViews.get(FusedLstmParams.INPUT_WEIGHTS), true, false, 1.0, 0.0);
            INDArray dRecurrent = gradientViews.get(FusedLstmParams.RECURRENT_WEIGHTS);
            if (steps > 1) {   // sum over steps of h[previous]^T dGates[t], as one product
                INDArray previousHidden = reverse() ? rowsFrom(pass.hidden(), 1, steps, b)
                        : rowsFrom(pass.hidden(), 0, steps - 1, b);
                INDArray laterGates = reverse() ? rowsFrom(dGates, 0, steps - 1, b) : rowsFrom(dGates, 1, steps, b);
                Nd4j.gemm(previousHidden, laterGates, dRecurrent, true, false, 1.0, 0.0);
            } else {
                dRecurrent.assign(0);
            }
            if (pass.initialHidden() != null) {
                Nd4j.gemm(pass.initialHidden(), rows(dGates, start, b), dRecurrent, true, false, 1.0, 1.0);
            }
            gradientViews.get(FusedLstmParams.BIAS).assign(Nd4j.createFromArray(dBias).castTo(dataType));
            INDArray dInputs = dGates.mmul(inputWeights.transpose());   // [time x batch, nIn]
            long nIn = layerConf().getNIn();
            INDArray epsilonOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                    new long[] {b, nIn, steps}, 'f');
            epsilonOut.assign(dInputs.reshape('c', steps, b, nIn).permute(1, 2, 0));
            Gradient gradient = new DefaultGradient(gradientsFlattened);
            for (String key : FusedLstmParams.INSTANCE.paramKeys(layerConf())) {
                gradient.gradientForVariable().put(key, gradientViews.get(key));
            }
            weightNoiseParams.clear();
            return new Pair<>(gradient, permuteIfNWC(backpropDropOutIfPresent(epsilonOut)));
        }
    }

    /** Runs the layer over {@code this.input} from the given initial states (null: zero). */
    private Pass run(boolean training, INDArray initialHidden, INDArray initialCell, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray x = permuteIfNWC(input).castTo(dataType);   // [batch, nIn, time] (NCW)
        int b = (int) x.size(0);
        long nIn = x.size(1);
        int steps = (int) x.size(2);
        int units = (int) layerConf().getNOut();
        INDArray inputWeights = getParamWithNoise(FusedLstmParams.INPUT_WEIGHTS, training, workspaceMgr);
        INDArray recurrent = getParamWithNoise(FusedLstmParams.RECURRENT_WEIGHTS, training, workspaceMgr);
        INDArray bias = getParamWithNoise(FusedLstmParams.BIAS, training, workspaceMgr);

        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray inputs = buffer("inputs", (long) steps * b, nIn);   // [time x batch, nIn]
            inputs.reshape('c', steps, b, nIn).assign(x.permute(2, 0, 1));
            INDArray gates = buffer("gates", (long) steps * b, 4L * units);
            Nd4j.gemm(inputs, inputWeights, gates, false, false, 1.0, 0.0);
            gates.addiRowVector(bias);
            INDArray cells = buffer("cells", (long) steps * b, units);
            INDArray hidden = buffer("hidden", (long) steps * b, units);
            INDArray h0 = initialHidden == null ? null : initialHidden.castTo(dataType).dup('c');
            INDArray c0 = initialCell == null ? null : initialCell.castTo(dataType).dup('c');
            float[] mask = timeMajorMask(b, steps);
            Floats g = Floats.of(gates);
            Floats c = Floats.of(cells);
            Floats h = Floats.of(hidden);
            Floats initial = c0 == null ? null : Floats.of(c0);
            int dir = reverse() ? -1 : 1;
            int start = reverse() ? steps - 1 : 0;
            for (int k = 0; k < steps; k++) {
                int t = start + dir * k;
                int previous = t - dir;
                INDArray previousHidden = k == 0 ? h0 : rows(hidden, previous, b);
                if (previousHidden != null) {
                    Nd4j.gemm(previousHidden, recurrent, rows(gates, t, b), false, false, 1.0, 1.0);
                }
                LstmCell.forward(g, t * b * 4 * units, k == 0 ? initial : c, k == 0 ? 0 : previous * b * units, c, h,
                        t * b * units, mask, t * b, b, units);
            }
            Pass pass = new Pass(inputs, gates, cells, hidden, mask, h0, c0, b, steps);
            saved = training ? pass : null;
            return pass;
        }
    }

    /** The layer's output {@code [batch, hidden, time]} in the activations workspace. */
    private INDArray output(Pass pass, LayerWorkspaceMgr workspaceMgr) {
        long units = layerConf().getNOut();
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {pass.batch(), units, pass.steps()}, 'f');
        out.assign(pass.hidden().reshape('c', pass.steps(), pass.batch(), units).permute(1, 2, 0));
        return permuteIfNWC(out);
    }

    private void storeLast(Pass pass, Map<String, INDArray> state) {
        int last = reverse() ? 0 : pass.steps() - 1;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            state.put(STATE_HIDDEN, rows(pass.hidden(), last, pass.batch()).dup('c'));
            state.put(STATE_CELL, rows(pass.cells(), last, pass.batch()).dup('c'));
        }
    }

    private boolean reverse() {
        return layerConf().isReverse();
    }

    /** The mask as one value per (time, row), time-major; null when every step is real. */
    private float[] timeMajorMask(int batch, int steps) {
        if (maskArray == null) {
            return null;
        }
        float[][] byRow = maskArray.castTo(DataType.FLOAT).reshape(batch, steps).toFloatMatrix();   // [batch, time]
        float[] out = new float[batch * steps];
        for (int r = 0; r < batch; r++) {
            for (int t = 0; t < steps; t++) {
                out[t * batch + r] = byRow[r][t];
            }
        }
        return out;
    }

    /** A reusable dense row-major array of this shape, outside workspaces. */
    private INDArray buffer(String name, long rows, long columns) {
        INDArray a = scratch.get(name);
        if (a == null || a.size(0) != rows || a.size(1) != columns || a.dataType() != dataType) {
            a = Nd4j.createUninitialized(dataType, new long[] {rows, columns}, 'c');
            scratch.put(name, a);
        }
        return a;
    }

    /** Rows of step {@code t} in a time-major array: {@code [batch, features]}. */
    private static INDArray rows(INDArray timeMajor, int t, int batch) {
        return timeMajor.get(interval((long) t * batch, (long) (t + 1) * batch), all());
    }

    /** Rows of steps {@code from} (inclusive) to {@code to} (exclusive). */
    private static INDArray rowsFrom(INDArray timeMajor, int from, int to, int batch) {
        return timeMajor.get(interval((long) from * batch, (long) to * batch), all());
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
        throw new UnsupportedOperationException("FusedLstm has no layer-wise pretraining");
    }
}
