package rnn.nn.recurrent;

import rnn.nn.memory.Floats;

/**
 * The element-wise part of a GRU step (PyTorch's formulation, see {@link FusedGru}), fused into one
 * pass over a batch, and its exact derivative.
 *
 * <p>{@code input} holds {@code x W + b} of the step's rows and {@code recurrent}
 * {@code h' R} (plus {@code rb} once the forward pass has run), each {@code 3 hidden} values per row (blocks r, z, n) at
 * {@code gateOffset + row x gateStride}; states are {@code hidden} values per row at
 * {@code stateOffset + row x stateStride} ({@link LstmCell.Step} gives the offsets; its previous
 * offset points at the previous state).
 */
final class GruCell {
    private GruCell() {
    }

    /**
     * One forward step. {@code input} holds {@code x W} and {@code recurrent} {@code h' R} on
     * entry; the biases ({@code bias} and {@code recurrentBias} from {@code biasOffset}) are added
     * here, and the recurrent sum kept, since the backward pass needs its n block. The new state
     * goes to {@code hidden}, and r, z, n replace the input pre-activations.
     * {@code previousHidden} is null for a zero state.
     */
    static void forward(LstmCell.Step s, Floats input, Floats recurrent, double[] bias, double[] recurrentBias,
                        int biasOffset, Floats previousHidden, Floats hidden, float[] mask) {
        int units = s.units();
        for (int row = 0; row < s.batch(); row++) {
            int g = s.gateOffset() + row * s.gateStride();
            int st = s.stateOffset() + row * s.stateStride();
            int prev = s.previousOffset() + row * s.stateStride();
            boolean real = mask == null || mask[s.maskOffset() + row] != 0;
            for (int j = 0; j < units; j++) {
                if (!real) {
                    hidden.set(st + j, 0);
                    continue;
                }
                double hr = recurrent.get(g + j) + recurrentBias[biasOffset + j];
                double hz = recurrent.get(g + units + j) + recurrentBias[biasOffset + units + j];
                double hn = recurrent.get(g + 2 * units + j) + recurrentBias[biasOffset + 2 * units + j];
                recurrent.set(g + 2 * units + j, hn);
                double r = LstmCell.sigmoid(input.get(g + j) + bias[biasOffset + j] + hr);
                double z = LstmCell.sigmoid(input.get(g + units + j) + bias[biasOffset + units + j] + hz);
                double n = LstmCell.tanh(input.get(g + 2 * units + j) + bias[biasOffset + 2 * units + j] + r * hn);
                double hPrev = previousHidden == null ? 0 : previousHidden.get(prev + j);
                input.set(g + j, r);
                input.set(g + units + j, z);
                input.set(g + 2 * units + j, n);
                hidden.set(st + j, (1 - z) * n + z * hPrev);
            }
        }
    }

    /**
     * One backward step. On entry {@code input} holds the step's r, z, n, {@code recurrent} its
     * {@code h' R + rb} and {@code dHidden} the gradient with respect to the step's state. On exit
     * {@code input} and {@code recurrent} hold the gradients with respect to their pre-activations
     * (they differ in the n block, where the recurrent part is scaled by r), the direct part of
     * the previous state's gradient, {@code dh z}, has been added to {@code dPrevious} at the
     * previous offset (null at the first step: nothing before it takes a gradient). Masked rows get
     * zero gradients. (The bias gradients are summed from {@code input} and {@code recurrent}
     * afterwards.)
     */
    static void backward(LstmCell.Step s, Floats input, Floats recurrent, Floats previousHidden, Floats dHidden,
                         Floats dPrevious, float[] mask) {
        int units = s.units();
        for (int row = 0; row < s.batch(); row++) {
            int g = s.gateOffset() + row * s.gateStride();
            int st = s.stateOffset() + row * s.stateStride();
            int prev = s.previousOffset() + row * s.stateStride();
            boolean real = mask == null || mask[s.maskOffset() + row] != 0;
            for (int j = 0; j < units; j++) {
                if (!real) {
                    for (int block = 0; block < 3; block++) {
                        input.set(g + block * units + j, 0);
                        recurrent.set(g + block * units + j, 0);
                    }
                    continue;
                }
                double r = input.get(g + j);
                double z = input.get(g + units + j);
                double n = input.get(g + 2 * units + j);
                double hn = recurrent.get(g + 2 * units + j);
                double hPrev = previousHidden == null ? 0 : previousHidden.get(prev + j);
                double dh = dHidden.get(st + j);
                double dn = dh * (1 - z) * (1 - n * n);
                double dz = dh * (hPrev - n) * z * (1 - z);
                double dr = dn * hn * r * (1 - r);
                input.set(g + j, dr);
                input.set(g + units + j, dz);
                input.set(g + 2 * units + j, dn);
                recurrent.set(g + j, dr);
                recurrent.set(g + units + j, dz);
                recurrent.set(g + 2 * units + j, dn * r);
                if (dPrevious != null) {
                    dPrevious.set(prev + j, dPrevious.get(prev + j) + dh * z);
                }
            }
        }
    }
}
