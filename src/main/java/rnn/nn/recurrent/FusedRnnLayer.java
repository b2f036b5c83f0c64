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
 * The computation of {@link FusedRnn}, arranged as {@link FusedLstmLayer} is: one input projection
 * for all steps and directions, then per step one {@code [batch, hidden] x [hidden, hidden]}
 * product added to the step's projection and a tanh ({@link RnnCell}). The backward pass needs
 * only the states ({@code tanh' = 1 - h^2}), so the projection's memory takes the gradients.
 */
final class FusedRnnLayer extends FusedRecurrentLayer<FusedRnn> {
    /** What a forward pass computed, kept for the backward pass. */
    private record RnnPass(INDArray inputs, INDArray preActivations, INDArray hidden, float[] mask,
                           INDArray initialHidden, int batch, int steps) implements Pass {
    }

    private RnnPass saved;

    FusedRnnLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int backLength,
                                                          LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        RnnPass pass = saved != null ? saved : (RnnPass) run(true, null, workspaceMgr);
        saved = null;
        int b = pass.batch();
        int steps = pass.steps();
        int units = units();
        INDArray recurrent = getParamWithNoise(FusedRecurrentParams.RECURRENT_WEIGHTS, true, workspaceMgr);
        INDArray inputWeights = getParamWithNoise(FusedRecurrentParams.INPUT_WEIGHTS, true, workspaceMgr);

        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray dHidden = hiddenGradient(epsilon, b, steps);
            INDArray dPre = pass.preActivations();   // from here on the pre-activations' gradients
            recurBack(recurrent, dPre, dHidden, b, steps, firstStep(backLength, steps), (d, k, t, previous) ->
                    CellKernels.rnnBackward(step(d, t, b), pass.hidden(), dHidden, dPre, pass.mask()), dPre);
            recurrentWeightGradient(pass.hidden(), pass.initialHidden(), dPre, b, steps);
            return finishBackprop(pass.inputs(), dPre, inputWeights, b, steps, workspaceMgr);
        }
    }

    @Override
    Pass run(boolean training, Map<String, INDArray> state, LayerWorkspaceMgr workspaceMgr) {
        if (!Backend.hostKernels(training)) {
            return runWithOps(state, workspaceMgr, (projection, recurrent, previousHidden, previousCell, d) ->
                    new INDArray[] {Transforms.tanh(recurrent == null ? projection : projection.add(recurrent), true)});
        }
        INDArray x = inputSequence(training, workspaceMgr);   // [batch, nIn, time] (NCW)
        int b = (int) x.size(0);
        int steps = (int) x.size(2);
        int units = units();
        INDArray inputWeights = getParamWithNoise(FusedRecurrentParams.INPUT_WEIGHTS, training, workspaceMgr);
        INDArray recurrent = getParamWithNoise(FusedRecurrentParams.RECURRENT_WEIGHTS, training, workspaceMgr);
        double[] bias = biasValues(FusedRecurrentParams.BIAS, training, workspaceMgr);

        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray inputs = timeMajorInputs(x);
            INDArray pre = project(inputs, inputWeights);   // then the recurrent products are added
            INDArray hidden = buffer("hidden", (long) steps * b, (long) units * directions());
            INDArray h0 = initialState(state, STATE_HIDDEN);
            float[] mask = timeMajorMask(b, steps);
            recur(recurrent, h0, hidden, pre, true, b, steps, (d, k, t, previous) ->
                    CellKernels.rnnForward(step(d, t, b), pre, bias, d * units, hidden, mask));
            RnnPass pass = new RnnPass(inputs, pre, hidden, mask, h0, b, steps);
            saved = training ? pass : null;
            return pass;
        }
    }

    /** Where the rows of direction {@code d} at time {@code t} sit: pre-activations and states share the layout. */
    private LstmCell.Step step(int d, int t, int b) {
        int units = units();
        int stride = units * directions();
        int offset = t * b * stride + d * units;
        return new LstmCell.Step(offset, stride, offset, 0, stride, t * b, b, units);
    }

    @Override
    void storeLast(Pass pass, Map<String, INDArray> state) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            state.put(STATE_HIDDEN, lastStates(pass.hidden(), pass.batch(), pass.steps()));
        }
    }
}
