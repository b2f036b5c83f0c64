package rnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import rnn.config.CellType;
import rnn.config.EncoderConfig;
import rnn.config.RecurrentImplementation;

/** Variational dropout keeps one mask per sequence and feature for every step; the plain kind draws per step. */
class SequenceDropoutTest {
    private static INDArray dropped(boolean variational) {
        EncoderConfig model = new EncoderConfig(4, 0.0, CellType.LSTM, RecurrentImplementation.FUSED, 4, 1, false, 0.5,
                variational, 0.0);
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("in");
        IDropout dropout = new RecurrentEncoder(graph, model, "in").sequenceDropout(0.5);
        Nd4j.getRandom().setSeed(11);
        INDArray input = Nd4j.ones(DataType.FLOAT, 3, 8, 10);   // [batch, features, time]
        return dropout.applyDropout(input, input.ulike(), 0, 0, LayerWorkspaceMgr.noWorkspaces());
    }

    /** How many (sequence, feature) rows have more than one value over time. */
    private static int mixedRows(INDArray out) {
        int mixed = 0;
        for (int b = 0; b < out.size(0); b++) {
            for (int f = 0; f < out.size(1); f++) {
                INDArray row = out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(f), org.nd4j.linalg.indexing.NDArrayIndex.all());
                if (row.maxNumber().doubleValue() != row.minNumber().doubleValue()) {
                    mixed++;
                }
            }
        }
        return mixed;
    }

    @Test
    void variationalDropoutKeepsOneMaskForAllSteps() {
        INDArray out = dropped(true);
        assertEquals(0, mixedRows(out));
        double kept = out.gt(0).castTo(DataType.FLOAT).sumNumber().doubleValue() / out.length();
        assertTrue(kept > 0.25 && kept < 0.75, "about half the rows kept: " + kept);
        assertEquals(2.0, out.maxNumber().doubleValue(), 1e-6, "kept units are scaled by 1 / (1 - rate)");
    }

    @Test
    void plainDropoutDrawsAtEveryStep() {
        assertTrue(mixedRows(dropped(false)) > 12, "most of the 24 rows mix dropped and kept steps");
    }
}
