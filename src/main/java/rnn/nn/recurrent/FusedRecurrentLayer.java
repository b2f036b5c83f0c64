package rnn.nn.recurrent;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

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

import rnn.nn.memory.Backend;
import rnn.nn.memory.Blas;
import rnn.nn.memory.Floats;
import rnn.nn.memory.ScratchArrays;
import rnn.nn.memory.TimeMajor;

/**
 * What rnn's fused recurrent layers share: time-major scratch arrays outside DL4J's workspaces,
 * row and direction views of them, the time-major mask, the step order of each direction, and
 * the copy of the hidden states out as the layer's NCW output.
 *
 * <p>Internal arrays are time-major ({@code [time x batch, features]}, row-major), with the
 * directions side by side in the feature columns; they are reused from call to call while the
 * shape stays the same.
 */
abstract class FusedRecurrentLayer<C extends FusedRecurrent> extends BaseRecurrentLayer<C> {
    static final String STATE_HIDDEN = "h";

    /** What a forward pass computed: at least the hidden states, time-major. */
    interface Pass {
        INDArray hidden();

        /** The cell states, time-major, for an LSTM; null for the other cells. */
        default INDArray cells() {
            return null;
        }

        int batch();

        int steps();
    }

    /** What the forward pass in ND4J ops computed (inference only: it keeps nothing for a backward pass). */
    private record OpsPass(INDArray hidden, INDArray cells, int batch, int steps) implements Pass {
    }

    /** One step of one direction in ND4J ops (see {@link #runWithOps}). */
    interface OpsStep {
        /**
         * The new hidden state {@code [batch, hidden]} and, for an LSTM, the new cell state, from
         * the step's input projection (bias {@code b} added), the recurrent product {@code h' RW}
         * (null for a zero state) and the previous states (null for zero) of direction {@code d}.
         */
        INDArray[] run(INDArray projection, INDArray recurrent, INDArray previousHidden, INDArray previousCell, int d);
    }

    private final ScratchArrays scratch = new ScratchArrays();

    FusedRecurrentLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Runs the layer over {@code this.input} from {@code state} (null or missing entries: zero). */
    abstract Pass run(boolean training, Map<String, INDArray> state, LayerWorkspaceMgr workspaceMgr);

    /** Stores each direction's state after its last step into {@code state}, for the next call. */
    abstract void storeLast(Pass pass, Map<String, INDArray> state);

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        return output(run(training, null, workspaceMgr), workspaceMgr);
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        Pass pass = run(false, stateMap, workspaceMgr);
        storeLast(pass, stateMap);
        return output(pass, workspaceMgr);
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
                                                LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        Pass pass = run(training, tBpttStateMap, workspaceMgr);
        if (storeLastForTBPTT) {
            storeLast(pass, tBpttStateMap);
        }
        return output(pass, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        return tbpttBackpropGradient(epsilon, -1, workspaceMgr);
    }

    /**
     * The forward pass of inference in ND4J's ops, which run on any backend ({@link Backend}): the
     * same computation as the host kernels, one op at a time. Masked steps get zero states, as in
     * the kernels, so the backward cell starts from zero at each sequence's last real step.
     */
    Pass runWithOps(Map<String, INDArray> state, LayerWorkspaceMgr workspaceMgr, OpsStep cell) {
        INDArray x = inputSequence(false, workspaceMgr);   // [batch, nIn, time] (NCW)
        int b = (int) x.size(0);
        int steps = (int) x.size(2);
        int units = units();
        int width = layerConf().gates() * units;
        boolean lstm = layerConf().gates() == 4;
        INDArray inputWeights = getParamWithNoise(FusedRecurrentParams.INPUT_WEIGHTS, false, workspaceMgr);
        INDArray recurrentWeights = getParamWithNoise(FusedRecurrentParams.RECURRENT_WEIGHTS, false, workspaceMgr);
        INDArray bias = getParamWithNoise(FusedRecurrentParams.BIAS, false, workspaceMgr);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray projection = timeMajorInputs(x).mmul(inputWeights).addiRowVector(bias);
            INDArray hidden = buffer("hidden", (long) steps * b, (long) units * directions());   // every block written
            INDArray cells = lstm ? buffer("cells", (long) steps * b, (long) units * directions()) : null;
            INDArray h0 = initialState(state, STATE_HIDDEN);
            INDArray c0 = lstm ? initialState(state, FusedLstmLayer.STATE_CELL) : null;
            float[] maskValues = timeMajorMask(b, steps);
            INDArray mask = maskValues == null ? null
                    : Nd4j.createFromArray(maskValues).castTo(dataType).reshape((long) steps * b, 1);
            for (int d = 0; d < directions(); d++) {
                INDArray recurrentD = block(recurrentWeights, d, width);
                for (int k = 0; k < steps; k++) {
                    int t = time(d, k, steps);
                    int previous = time(d, k - 1, steps);
                    INDArray hPrevious = k == 0 ? (h0 == null ? null : block(h0, d, units))
                            : block(rows(hidden, previous, previous + 1, b), d, units);
                    INDArray cPrevious = !lstm ? null : k == 0 ? (c0 == null ? null : block(c0, d, units))
                            : block(rows(cells, previous, previous + 1, b), d, units);
                    INDArray[] next = cell.run(block(rows(projection, t, t + 1, b), d, width),
                            hPrevious == null ? null : hPrevious.mmul(recurrentD), hPrevious, cPrevious, d);
                    for (int i = 0; i < next.length; i++) {
                        if (mask != null) {
                            next[i].muliColumnVector(rows(mask, t, t + 1, b));
                        }
                        block(rows(i == 0 ? hidden : cells, t, t + 1, b), d, units).assign(next[i]);
                    }
                }
            }
            return new OpsPass(hidden, cells, b, steps);
        }
    }

    /** {@code columns} columns from {@code from} of each row of {@code m}, as a view. */
    static INDArray columns(INDArray m, int from, int columns) {
        return m.get(all(), interval(from, from + columns));
    }

    /** The layer's input for a pass, dropout applied in training: NCW {@code [batch, nIn, time]} in this layer's type. */
    INDArray inputSequence(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        return permuteIfNWC(input).castTo(dataType);
    }

    /**
     * DL4J's input dropout writes a new array in the input's ordering: for a time-major input
     * that is a plain NCW array, which {@link #timeMajorInputs} would then have to transpose. This
     * gives the dropped-out input the time-major layout again.
     */
    @Override
    protected void applyDropOutIfNecessary(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (training && !dropoutApplied && layerConf().getIDropout() != null && !inputModificationAllowed
                && TimeMajor.isTimeMajor(input)) {
            INDArray result = TimeMajor.ncwView(workspaceMgr.createUninitialized(ArrayType.INPUT, input.dataType(),
                    new long[] {input.size(2), input.size(0), input.size(1)}, 'c'));
            input = layerConf().getIDropout().applyDropout(input, result, getIterationCount(), getEpochCount(),
                    workspaceMgr);
            dropoutApplied = true;
            return;
        }
        super.applyDropOutIfNecessary(training, workspaceMgr);
    }

    /** A bias parameter's values, for the cell kernels. */
    double[] biasValues(String key, boolean training, LayerWorkspaceMgr workspaceMgr) {
        return getParamWithNoise(key, training, workspaceMgr).castTo(DataType.DOUBLE).toDoubleVector();
    }

    /** The gradient arriving at the layer's output, time-major ({@code [time x batch, directions x hidden]}). */
    INDArray hiddenGradient(INDArray epsilon, int batch, int steps) {
        INDArray dHidden = buffer("dHidden", (long) steps * batch, (long) directions() * units());
        TimeMajor.fromNcw(permuteIfNWC(epsilon), dHidden);
        return dHidden;
    }

    /** {@code state}'s entry {@code key} as a dense row-major copy in this layer's type, or null. */
    INDArray initialState(Map<String, INDArray> state, String key) {
        INDArray value = state == null ? null : state.get(key);
        return value == null ? null : value.castTo(dataType).dup('c');
    }

    int units() {
        return (int) layerConf().getNOut();
    }

    int directions() {
        return layerConf().directions();
    }

    /** Time read at step {@code k} of direction {@code d}: forwards, or from the end for the backward cell. */
    static int time(int d, int k, int steps) {
        return d == 0 ? k : steps - 1 - k;
    }

    /** The layer's output {@code [batch, directions x hidden, time]}, time-major, in the activations workspace. */
    INDArray output(Pass pass, LayerWorkspaceMgr workspaceMgr) {
        return permuteIfNWC(TimeMajor.sequenceOf(pass.hidden(), pass.batch(), workspaceMgr, ArrayType.ACTIVATIONS));
    }

    /** What a cell does at one step of one direction, once the recurrent product is in place. */
    interface CellStep {
        /** Step {@code k} of direction {@code d}, at time {@code t}; {@code previous} is the time read before it. */
        void run(int d, int k, int t, int previous);
    }

    /**
     * The forward recurrence: for each direction and step, {@code h' RW} of the direction's
     * previous state (from {@code hidden}, or {@code h0} at the first step; nothing for a zero
     * state) goes into the step's rows of {@code target}, added to what they hold when
     * {@code accumulate}, else replacing it (zero at a zero state); then {@code cell} runs.
     */
    void recur(INDArray recurrentWeights, INDArray h0, INDArray hidden, INDArray target, boolean accumulate, int batch,
               int steps, CellStep cell) {
        int units = units();
        int width = layerConf().gates() * units;
        for (int d = 0; d < directions(); d++) {
            Blas.Matrix recurrentD = Blas.Matrix.columnBlock(recurrentWeights, (long) d * width, width);
            for (int k = 0; k < steps; k++) {
                int t = time(d, k, steps);
                int previous = time(d, k - 1, steps);
                Blas.Matrix previousHidden = k == 0
                        ? (h0 == null ? null : Blas.Matrix.rowBlock(h0, 0, batch, (long) d * units, units))
                        : stepBlock(hidden, previous, batch, d, units);
                if (previousHidden != null) {
                    Blas.gemm(previousHidden, false, recurrentD, false, stepBlock(target, t, batch, d, width), 1.0,
                            accumulate ? 1.0 : 0.0);
                } else if (!accumulate) {
                    block(rows(target, t, t + 1, batch), d, width).assign(0);
                }
                cell.run(d, k, t, previous);
            }
        }
    }

    /**
     * The backward recurrence, last step first: at each step {@code cell} leaves the gradient of
     * the recurrent product's output in {@code dRecurrent}, and {@code dRecurrent RW^T} is added
     * to the previous state's gradient in {@code dHidden}. Steps before {@code firstStep} (beyond a
     * truncation) are skipped, and their rows of every array in {@code untouched} are zeroed.
     */
    void recurBack(INDArray recurrentWeights, INDArray dRecurrent, INDArray dHidden, int batch, int steps,
                   int firstStep, CellStep cell, INDArray... untouched) {
        int units = units();
        int width = layerConf().gates() * units;
        for (int d = 0; d < directions(); d++) {
            Blas.Matrix recurrentD = Blas.Matrix.columnBlock(recurrentWeights, (long) d * width, width);
            for (int k = steps - 1; k >= firstStep; k--) {
                int t = time(d, k, steps);
                int previous = time(d, k - 1, steps);
                cell.run(d, k, t, previous);
                if (k > firstStep) {
                    Blas.gemm(stepBlock(dRecurrent, t, batch, d, width), false, recurrentD, true,
                            stepBlock(dHidden, previous, batch, d, units), 1.0, 1.0);
                }
            }
            if (firstStep > 0) {
                int from = d == 0 ? 0 : steps - firstStep;
                for (INDArray a : untouched) {
                    block(rows(a, from, from + firstStep, batch), d, width).assign(0);
                }
            }
        }
    }

    /** The truncated back-propagation's first step ({@code backLength} steps from the end), or 0. */
    static int firstStep(int backLength, int steps) {
        return backLength > 0 ? Math.max(0, steps - backLength) : 0;
    }

    /** Each direction's state after its last step: {@code [batch, directions x hidden]}. */
    INDArray lastStates(INDArray timeMajor, int batch, int steps) {
        int units = units();
        INDArray out = Nd4j.create(dataType, new long[] {batch, (long) units * directions()}, 'c');
        for (int d = 0; d < directions(); d++) {
            int last = time(d, steps - 1, steps);
            block(out, d, units).assign(block(rows(timeMajor, last, last + 1, batch), d, units));
        }
        return out;
    }

    /**
     * Fills the RW gradient view: for each direction the sum over steps of
     * {@code h[previous]^T dRecurrent[t]}, as one product over shifted row ranges, plus the
     * initial state's share. {@code dRecurrent} is the gradient of the recurrent products'
     * outputs, {@code [time x batch, directions x gates x hidden]}.
     */
    void recurrentWeightGradient(INDArray hidden, INDArray initialHidden, INDArray dRecurrent, int batch, int steps) {
        int units = units();
        int width = layerConf().gates() * units;
        INDArray dWeights = gradientViews.get(FusedRecurrentParams.RECURRENT_WEIGHTS);
        for (int d = 0; d < directions(); d++) {
            INDArray target = block(dWeights, d, width);
            if (steps > 1) {
                INDArray previousHidden = block(d == 0 ? rows(hidden, 0, steps - 1, batch)
                        : rows(hidden, 1, steps, batch), d, units);
                INDArray later = block(d == 0 ? rows(dRecurrent, 1, steps, batch)
                        : rows(dRecurrent, 0, steps - 1, batch), d, width);
                Blas.gemm(previousHidden, true, later, false, target, 1.0, 0.0);
            } else {
                target.assign(0);
            }
            if (initialHidden != null) {
                int start = time(d, 0, steps);
                Blas.gemm(block(initialHidden, d, units), true, block(rows(dRecurrent, start, start + 1, batch), d,
                        width), false, target, 1.0, 1.0);
            }
        }
    }

    /**
     * The input projection of every step and direction, {@code x W}, into the scratch array
     * {@code "projection"} ({@code [time x batch, directions x gates x hidden]}); {@code inputs}
     * is the time-major input. The bias is added by the cell kernels, which read each row anyway.
     */
    INDArray project(INDArray inputs, INDArray inputWeights) {
        INDArray out = buffer("projection", inputs.size(0), inputWeights.size(1));
        Blas.gemm(inputs, false, inputWeights, false, out, 1.0, 0.0);
        return out;
    }

    /**
     * The time-major matrix {@code [time x batch, nIn]} of an NCW input: a view of a time-major
     * input (what rnn's embedding and recurrent layers output), else a copy.
     */
    INDArray timeMajorInputs(INDArray x) {
        if (TimeMajor.isTimeMajor(x)) {
            return TimeMajor.matrixView(x);
        }
        INDArray inputs = buffer("inputs", x.size(2) * x.size(0), x.size(1));
        TimeMajor.fromNcw(x, inputs);
        return inputs;
    }

    /**
     * Ends a backward pass from the gradient of the input projection {@code dProjection}: fills
     * the W and b gradient views (b's is the column sums of {@code dProjection}), and returns the
     * gradient object with the gradient for the layer below, {@code [batch, nIn, time]}.
     */
    Pair<Gradient, INDArray> finishBackprop(INDArray inputs, INDArray dProjection, INDArray inputWeights, int batch,
                                            int steps, LayerWorkspaceMgr workspaceMgr) {
        Blas.gemm(inputs, true, dProjection, false, gradientViews.get(FusedRecurrentParams.INPUT_WEIGHTS), 1.0, 0.0);
        setBiasGradient(FusedRecurrentParams.BIAS, dProjection);
        long nIn = layerConf().getNIn();
        INDArray dInputs = buffer("dInputs", (long) steps * batch, nIn);   // [time x batch, nIn]
        Blas.gemm(dProjection, false, inputWeights, true, dInputs, 1.0, 0.0);
        INDArray epsilonOut = TimeMajor.sequenceOf(dInputs, batch, workspaceMgr, ArrayType.ACTIVATION_GRAD);
        weightNoiseParams.clear();
        return new Pair<>(gradientOfViews(), backpropDropOutIfPresent(permuteIfNWC(epsilonOut)));
    }

    /**
     * Fills the gradient view of bias {@code key} from the gradients of the pre-activations it
     * is added to: their column sums over every step and row. Masked steps, and steps beyond a
     * truncation, hold zero gradients by then.
     */
    void setBiasGradient(String key, INDArray dPreActivations) {
        gradientViews.get(key).assign(Nd4j.createFromArray(columnSums(dPreActivations)).castTo(dataType));
    }

    /** Column sums of a time-major array. */
    private static double[] columnSums(INDArray timeMajor) {
        int rows = (int) timeMajor.size(0);
        int columns = (int) timeMajor.size(1);
        Floats values = Floats.of(timeMajor);
        double[] row = new double[columns];
        double[] sums = new double[columns];
        for (int r = 0; r < rows; r++) {
            values.get(r * columns, row, columns);
            for (int j = 0; j < columns; j++) {
                sums[j] += row[j];
            }
        }
        return sums;
    }

    /** The gradient object over this layer's gradient views, once they hold the values. */
    Gradient gradientOfViews() {
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        for (String key : FusedRecurrentParams.INSTANCE.paramKeys(layerConf())) {
            gradient.gradientForVariable().put(key, gradientViews.get(key));
        }
        return gradient;
    }

    /** The mask as one value per (time, row), time-major; null when every step is real. */
    float[] timeMajorMask(int batch, int steps) {
        if (maskArray == null) {
            return null;
        }
        return TimeMajor.maskValues(maskArray, batch, steps);
    }

    /** A reusable dense row-major array of this shape in this layer's type (see {@link ScratchArrays}). */
    INDArray buffer(String name, long rows, long columns) {
        return scratch.get(name, dataType, rows, columns);
    }

    /** Rows of times {@code from} (inclusive) to {@code to} (exclusive) of a time-major array. */
    static INDArray rows(INDArray timeMajor, int from, int to, int batch) {
        return timeMajor.get(interval((long) from * batch, (long) to * batch), all());
    }

    /** The rows of time {@code t} and the columns of direction {@code d}, {@code width} wide, as a BLAS operand. */
    static Blas.Matrix stepBlock(INDArray timeMajor, int t, int batch, int d, int width) {
        return Blas.Matrix.rowBlock(timeMajor, (long) t * batch, (long) (t + 1) * batch, (long) d * width, width);
    }

    /** Columns of direction {@code d}, {@code width} wide. */
    static INDArray block(INDArray matrix, int d, int width) {
        return matrix.get(all(), interval((long) d * width, (long) (d + 1) * width));
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
        throw new UnsupportedOperationException("fused recurrent layers have no layer-wise pretraining");
    }
}
