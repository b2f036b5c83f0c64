package rnn.nn.recurrent;

import java.util.Map;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import rnn.nn.memory.Backend;

/**
 * The computation of {@link FusedGru}, arranged as {@link FusedLstmLayer} is: one input projection
 * for all steps and directions, one {@code [batch, hidden] x [hidden, 3 hidden]} product and one
 * fused element-wise pass ({@link GruCell}) per step, weight gradients as one product each. The
 * recurrent products are kept apart from the input projection because the reset gate scales
 * only the recurrent part of the candidate.
 */
final class FusedGruLayer extends FusedRecurrentLayer<FusedGru> {
    /** What a forward pass computed, kept for the backward pass. */
    private record GruPass(INDArray inputs, INDArray input, INDArray recurrent, INDArray hidden, float[] mask,
                           INDArray initialHidden, int batch, int steps) implements Pass {
    }

    private GruPass saved;

    FusedGruLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int backLength,
                                                          LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        GruPass pass = saved != null ? saved : (GruPass) run(true, null, workspaceMgr);
        saved = null;
        int b = pass.batch();
        int steps = pass.steps();
        INDArray recurrentWeights = getParamWithNoise(FusedRecurrentParams.RECURRENT_WEIGHTS, true, workspaceMgr);
        INDArray inputWeights = getParamWithNoise(FusedRecurrentParams.INPUT_WEIGHTS, true, workspaceMgr);

        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray dHidden = hiddenGradient(epsilon, b, steps);
            recurBack(recurrentWeights, pass.recurrent(), dHidden, b, steps, firstStep(backLength, steps),
                    (d, k, t, previous) -> CellKernels.gruBackward(step(d, t, previous, k == 0, b), pass.input(),
                            pass.recurrent(), k == 0 ? pass.initialHidden() : pass.hidden(), dHidden,
                            k == 0 ? null : dHidden, pass.mask()),
                    pass.input(), pass.recurrent());
            recurrentWeightGradient(pass.hidden(), pass.initialHidden(), pass.recurrent(), b, steps);
            setBiasGradient(FusedRecurrentParams.RECURRENT_BIAS, pass.recurrent());
            return finishBackprop(pass.inputs(), pass.input(), inputWeights, b, steps, workspaceMgr);
        }
    }

    @Override
    Pass run(boolean training, Map<String, INDArray> state, LayerWorkspaceMgr workspaceMgr) {
        if (!Backend.hostKernels(training)) {
            INDArray recurrentBias = getParamWithNoise(FusedRecurrentParams.RECURRENT_BIAS, false, workspaceMgr);
            return runWithOps(state, workspaceMgr, (projection, recurrent, previousHidden, previousCell, d) ->
                    stepWithOps(projection, recurrent, columns(recurrentBias.reshape(1, -1), d * 3 * units(),
                            3 * units()), previousHidden));
        }
        INDArray x = inputSequence(training, workspaceMgr);   // [batch, nIn, time] (NCW)
        int b = (int) x.size(0);
        int steps = (int) x.size(2);
        int units = units();
        int width = 3 * units;
        INDArray inputWeights = getParamWithNoise(FusedRecurrentParams.INPUT_WEIGHTS, training, workspaceMgr);
        INDArray recurrentWeights = getParamWithNoise(FusedRecurrentParams.RECURRENT_WEIGHTS, training, workspaceMgr);
        double[] bias = biasValues(FusedRecurrentParams.BIAS, training, workspaceMgr);
        double[] recurrentBias = biasValues(FusedRecurrentParams.RECURRENT_BIAS, training, workspaceMgr);

        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray inputs = timeMajorInputs(x);
            INDArray input = project(inputs, inputWeights);
            INDArray recurrent = buffer("recurrent", (long) steps * b, (long) width * directions());
            INDArray hidden = buffer("hidden", (long) steps * b, (long) units * directions());
            INDArray h0 = initialState(state, STATE_HIDDEN);
            float[] mask = timeMajorMask(b, steps);
            recur(recurrentWeights, h0, hidden, recurrent, false, b, steps, (d, k, t, previous) ->
                    CellKernels.gruForward(step(d, t, previous, k == 0, b), input, recurrent, bias, recurrentBias,
                            d * width, k == 0 ? h0 : hidden, hidden, mask, training));
            GruPass pass = new GruPass(inputs, input, recurrent, hidden, mask, h0, b, steps);
            saved = training ? pass : null;
            return pass;
        }
    }

    /** A GRU step in ND4J ops: blocks r, z, n as {@link GruCell} has them; the reset gate scales {@code h' R + rb} of n. */
    private static INDArray[] stepWithOps(INDArray projection, INDArray recurrent, INDArray recurrentBias,
                                          INDArray previousHidden) {
        int units = (int) projection.size(1) / 3;
        INDArray fromState = recurrent == null
                ? Nd4j.zeros(projection.dataType(), projection.shape()).addiRowVector(recurrentBias)
                : recurrent.addRowVector(recurrentBias);
        INDArray r = Transforms.sigmoid(columns(projection, 0, units).add(columns(fromState, 0, units)), false);
        INDArray z = Transforms.sigmoid(columns(projection, units, units).add(columns(fromState, units, units)), false);
        INDArray n = Transforms.tanh(columns(projection, 2 * units, units)
                .add(r.muli(columns(fromState, 2 * units, units))), false);
        INDArray hidden = n.muli(z.rsub(1));
        if (previousHidden != null) {
            hidden.addi(z.muli(previousHidden));
        }
        return new INDArray[] {hidden};
    }

    /** Offsets of the step of direction {@code d} at time {@code t} (previous time {@code previous}). */
    private LstmCell.Step step(int d, int t, int previous, boolean first, int b) {
        int units = units();
        int stateStride = units * directions();
        int gateStride = 3 * stateStride;
        int previousOffset = (first ? 0 : previous * b * stateStride) + d * units;
        return new LstmCell.Step(t * b * gateStride + d * 3 * units, gateStride, t * b * stateStride + d * units,
                previousOffset, stateStride, t * b, b, units);
    }

    @Override
    void storeLast(Pass pass, Map<String, INDArray> state) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            state.put(STATE_HIDDEN, lastStates(pass.hidden(), pass.batch(), pass.steps()));
        }
    }
}
