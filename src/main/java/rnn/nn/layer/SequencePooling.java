package rnn.nn.layer;

import java.util.Arrays;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import rnn.config.Pooling;
import rnn.nn.memory.Backend;
import rnn.nn.memory.Floats;
import rnn.nn.memory.TimeMajor;

/**
 * The computation of {@link SequencePoolingVertex}. Input {@code [batch, features, time]} is read
 * time step by time step, so memory is read in order: time-major as rnn's recurrent layers write
 * it (a step is {@code [batch][features]}), or dense 'f' (a step is {@code [features][batch]};
 * other layouts are copied to it). The backward pass sends a mean's gradient, divided by the
 * length, to every real step and a max's gradient to the step that held the maximum, in the
 * input's layout.
 */
final class SequencePooling extends ParameterlessComputation {
    private final Pooling[] kinds;
    private final int maskIndex;
    private long[] inputShape;
    private int[] lengths;     // real steps per sequence
    private int[] argmax;      // time of each maximum, at its place in a step (see Step); training only
    private Step layout;

    /** Where row r's feature j sits within one time step of the input. */
    private record Step(boolean timeMajor, int batch, int features) {
        int index(int r, int j) {
            return timeMajor ? r * features + j : j * batch + r;
        }

        int row(int k) {
            return timeMajor ? k / features : k % batch;
        }
    }

    SequencePooling(ComputationGraph graph, String name, int index, DataType dataType, Pooling[] kinds,
                    String maskInput) {
        super(graph, name, index, dataType);
        this.kinds = kinds;
        this.maskIndex = graph.getConfiguration().getNetworkInputs().indexOf(maskInput);
        if (maskIndex < 0) {
            throw new IllegalArgumentException("no network input '" + maskInput + "' to take the mask from");
        }
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!Backend.hostKernels(training)) {
            return forwardWithOps(workspaceMgr);
        }
        boolean timeMajor = TimeMajor.isTimeMajor(inputs[0]);
        INDArray x = timeMajor ? inputs[0] : TimeMajor.denseF(inputs[0]);
        inputShape = x.shape();
        int b = (int) inputShape[0];
        int features = (int) inputShape[1];
        int steps = (int) inputShape[2];
        int block = b * features;   // one time step
        layout = new Step(timeMajor, b, features);
        boolean[] real = realSteps(b, steps);
        lengths = new int[b];
        for (int i = 0; i < real.length; i++) {
            lengths[i % b] += real[i] ? 1 : 0;
        }
        // Sums and maxima are kept in the input's own step layout, so each step is one contiguous pass.
        double[] sum = new double[block];
        double[] max = new double[block];
        argmax = new int[block];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        Floats in = Floats.of(x);
        double[] step = new double[block];
        for (int t = 0; t < steps; t++) {
            in.get(t * block, step, block);
            if (allReal(real, t, b)) {
                for (int k = 0; k < block; k++) {
                    sum[k] += step[k];
                }
                if (training) {   // back-propagation sends a max's gradient to the step that held it
                    for (int k = 0; k < block; k++) {
                        if (step[k] > max[k]) {
                            max[k] = step[k];
                            argmax[k] = t;
                        }
                    }
                } else {
                    for (int k = 0; k < block; k++) {
                        max[k] = Math.max(max[k], step[k]);
                    }
                }
            } else {
                for (int k = 0; k < block; k++) {
                    if (real[t * b + layout.row(k)]) {
                        sum[k] += step[k];
                        if (step[k] > max[k]) {
                            max[k] = step[k];
                            argmax[k] = t;
                        }
                    }
                }
            }
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(),
                new long[] {b, (long) features * kinds.length}, 'c');
        Floats o = Floats.of(out);
        for (int r = 0; r < b; r++) {
            for (int p = 0; p < kinds.length; p++) {
                for (int j = 0; j < features; j++) {
                    int k = layout.index(r, j);
                    double value = kinds[p] == Pooling.MEAN ? sum[k] / Math.max(1, lengths[r])
                            : (lengths[r] == 0 ? 0 : max[k]);
                    o.set((r * kinds.length + p) * features + j, value);
                }
            }
        }
        return out;
    }

    /** The same pooling in ND4J ops, for inference on any backend: masked sums and maxima over the time axis. */
    private INDArray forwardWithOps(LayerWorkspaceMgr workspaceMgr) {
        INDArray x = inputs[0];   // [batch, features, time]
        int b = (int) x.size(0);
        int features = (int) x.size(1);
        int steps = (int) x.size(2);
        boolean[] real = realSteps(b, steps);
        double[] keep = new double[b * steps];   // [batch][time]
        double[] lengths = new double[b];
        for (int i = 0; i < real.length; i++) {
            keep[(i % b) * steps + i / b] = real[i] ? 1 : 0;
            lengths[i % b] += real[i] ? 1 : 0;
        }
        INDArray mask = Nd4j.createFromArray(keep).castTo(x.dataType()).reshape('c', b, 1, steps);
        INDArray length = Nd4j.createFromArray(lengths).castTo(x.dataType()).reshape(b, 1);
        INDArray out = workspaceMgr.create(ArrayType.ACTIVATIONS, x.dataType(),
                new long[] {b, (long) features * kinds.length}, 'c');
        for (int p = 0; p < kinds.length; p++) {
            INDArray pooled;
            if (kinds[p] == Pooling.MEAN) {
                pooled = x.mul(mask).sum(2).diviColumnVector(Transforms.max(length, 1.0, true));
            } else {
                // A padded step reads as a very large negative number, so it never holds the maximum.
                pooled = x.add(mask.rsub(1).muli(-1e30)).max(2)
                        .muliColumnVector(Transforms.min(length, 1.0, true));
            }
            out.get(NDArrayIndex.all(), NDArrayIndex.interval((long) p * features, (long) (p + 1) * features))
                    .assign(pooled);
        }
        return out;
    }

    private static boolean allReal(boolean[] real, int t, int batch) {
        for (int r = 0; r < batch; r++) {
            if (!real[t * batch + r]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        int b = (int) inputShape[0];
        int features = (int) inputShape[1];
        int steps = (int) inputShape[2];
        int block = b * features;
        INDArray eps = epsilon.dup('c');   // [batch, poolings x features]
        Floats e = Floats.of(eps);
        // A mean's gradient is the same share at every real step of a row: written step by step
        // below. A max's gradient goes to one step per row and feature.
        double[] share = new double[block];   // in the step layout
        for (int p = 0; p < kinds.length; p++) {
            if (kinds[p] != Pooling.MEAN) {
                continue;
            }
            for (int r = 0; r < b; r++) {
                for (int j = 0; j < features; j++) {
                    share[layout.index(r, j)] += e.get((r * kinds.length + p) * features + j) / Math.max(1, lengths[r]);
                }
            }
        }
        INDArray grad = layout.timeMajor()
                ? workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, eps.dataType(), new long[] {steps, b, features}, 'c')
                : workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, eps.dataType(), inputShape, 'f');
        Floats g = Floats.of(grad);
        boolean[] real = realSteps(b, steps);
        double[] step = new double[block];
        for (int t = 0; t < steps; t++) {
            if (allReal(real, t, b)) {
                g.set(t * block, share, block);
            } else {
                for (int k = 0; k < block; k++) {
                    step[k] = real[t * b + layout.row(k)] ? share[k] : 0;
                }
                g.set(t * block, step, block);
            }
        }
        for (int p = 0; p < kinds.length; p++) {
            if (kinds[p] != Pooling.MAX) {
                continue;
            }
            for (int r = 0; r < b; r++) {
                if (lengths[r] == 0) {
                    continue;
                }
                for (int j = 0; j < features; j++) {
                    int k = layout.index(r, j);
                    int at = argmax[k] * block + k;
                    g.set(at, g.get(at) + e.get((r * kinds.length + p) * features + j));
                }
            }
        }
        return new Pair<>(null, new INDArray[] {layout.timeMajor() ? TimeMajor.ncwView(grad) : grad});
    }

    /** Whether each step is real, time-major ({@code [t x batch + r]}); all true without a mask. */
    private boolean[] realSteps(int batch, int steps) {
        INDArray[] masks = graph.getInputMaskArrays();
        INDArray mask = masks == null ? null : masks[maskIndex];
        boolean[] real = new boolean[batch * steps];
        if (mask == null) {
            Arrays.fill(real, true);
            return real;
        }
        float[] values = TimeMajor.maskValues(mask, batch, steps);
        for (int i = 0; i < real.length; i++) {
            real[i] = values[i] != 0;
        }
        return real;
    }

    @Override
    public String toString() {
        return "SequencePoolingVertex(" + Arrays.toString(kinds) + ")";
    }
}
