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
 * The computation of {@link FusedLstm}, arranged as cuDNN and PyTorch arrange it: the input
 * projection of all time steps and both directions is one matrix product before the recurrence,
 * each step does one {@code [batch, hidden] x [hidden, 4 hidden]} product and one fused
 * element-wise pass ({@link LstmCell}), and the weight gradients of all steps are one product
 * each after it. The forward pass of training keeps its gate activations and states for the
 * backward pass instead of recomputing them.
 */
final class FusedLstmLayer extends FusedRecurrentLayer<FusedLstm> {
    static final String STATE_CELL = "c";

    /** What a forward pass computed, kept for the backward pass. */
    private record LstmPass(INDArray inputs, INDArray gates, INDArray cells, INDArray hidden, float[] mask,
                            INDArray initialHidden, INDArray initialCell, int batch, int steps) implements Pass {
    }

    private LstmPass saved;

    FusedLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int backLength,
                                                          LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        LstmPass pass = saved != null ? saved : (LstmPass) run(true, null, workspaceMgr);
        saved = null;
        int b = pass.batch();
        int steps = pass.steps();
        int units = units();
        int directions = directions();
        INDArray recurrent = getParamWithNoise(FusedRecurrentParams.RECURRENT_WEIGHTS, true, workspaceMgr);
        INDArray inputWeights = getParamWithNoise(FusedRecurrentParams.INPUT_WEIGHTS, true, workspaceMgr);

        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray dHidden = hiddenGradient(epsilon, b, steps);
            INDArray dCell = buffer("dCell", b, (long) directions * units);
            dCell.assign(0);
            recurBack(recurrent, pass.gates(), dHidden, b, steps, firstStep(backLength, steps), (d, k, t, previous) ->
                    CellKernels.lstmBackward(step(d, t, previous, k == 0, b), pass.gates(),
                            k == 0 ? pass.initialCell() : pass.cells(), pass.cells(), dHidden, dCell, d * units,
                            pass.mask()), pass.gates());
            INDArray dGates = pass.gates();   // [time x batch, directions x 4 hidden], now gradients
            recurrentWeightGradient(pass.hidden(), pass.initialHidden(), dGates, b, steps);
            return finishBackprop(pass.inputs(), dGates, inputWeights, b, steps, workspaceMgr);
        }
    }

    @Override
    Pass run(boolean training, Map<String, INDArray> state, LayerWorkspaceMgr workspaceMgr) {
        if (!Backend.hostKernels(training)) {
            return runWithOps(state, workspaceMgr, FusedLstmLayer::stepWithOps);
        }
        INDArray x = inputSequence(training, workspaceMgr);   // [batch, nIn, time] (NCW)
        int b = (int) x.size(0);
        int steps = (int) x.size(2);
        int units = units();
        int directions = directions();
        INDArray inputWeights = getParamWithNoise(FusedRecurrentParams.INPUT_WEIGHTS, training, workspaceMgr);
        INDArray recurrent = getParamWithNoise(FusedRecurrentParams.RECURRENT_WEIGHTS, training, workspaceMgr);
        double[] bias = biasValues(FusedRecurrentParams.BIAS, training, workspaceMgr);

        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray inputs = timeMajorInputs(x);
            // The input projection of every step and direction: one product.
            INDArray gates = project(inputs, inputWeights);   // then the recurrent products are added
            INDArray cells = buffer("cells", (long) steps * b, (long) units * directions);
            INDArray hidden = buffer("hidden", (long) steps * b, (long) units * directions);
            INDArray h0 = initialState(state, STATE_HIDDEN);
            INDArray c0 = initialState(state, STATE_CELL);
            float[] mask = timeMajorMask(b, steps);
            recur(recurrent, h0, hidden, gates, true, b, steps, (d, k, t, previous) ->
                    CellKernels.lstmForward(step(d, t, previous, k == 0, b), gates, bias, d * 4 * units,
                            k == 0 ? c0 : cells, cells, hidden, mask, training));
            LstmPass pass = new LstmPass(inputs, gates, cells, hidden, mask, h0, c0, b, steps);
            saved = training ? pass : null;
            return pass;
        }
    }

    /** An LSTM step in ND4J ops: gate blocks a, f, o, i as {@link LstmCell} has them. */
    private static INDArray[] stepWithOps(INDArray projection, INDArray recurrent, INDArray previousHidden,
                                          INDArray previousCell, int d) {
        int units = (int) projection.size(1) / 4;
        INDArray pre = recurrent == null ? projection : projection.add(recurrent);
        INDArray a = Transforms.tanh(columns(pre, 0, units), true);
        INDArray f = Transforms.sigmoid(columns(pre, units, units), true);
        INDArray o = Transforms.sigmoid(columns(pre, 2 * units, units), true);
        INDArray i = Transforms.sigmoid(columns(pre, 3 * units, units), true);
        INDArray cell = i.muli(a);
        if (previousCell != null) {
            cell.addi(f.muli(previousCell));
        }
        return new INDArray[] {o.muli(Transforms.tanh(cell, true)), cell};
    }

    /** Offsets of step {@code k} of direction {@code d} at time {@code t} (previous time {@code previous}). */
    private LstmCell.Step step(int d, int t, int previous, boolean first, int b) {
        int units = units();
        int directions = directions();
        int stateStride = units * directions;
        int gateStride = 4 * stateStride;
        int previousOffset = (first ? 0 : previous * b * stateStride) + d * units;
        return new LstmCell.Step(t * b * gateStride + d * 4 * units, gateStride, t * b * stateStride + d * units,
                previousOffset, stateStride, t * b, b, units);
    }

    @Override
    void storeLast(Pass pass, Map<String, INDArray> state) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            state.put(STATE_HIDDEN, lastStates(pass.hidden(), pass.batch(), pass.steps()));
            state.put(STATE_CELL, lastStates(pass.cells(), pass.batch(), pass.steps()));
        }
    }
}
