package rnn.nn;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Finite-difference gradient check of a double-precision graph on one masked batch, as the tests use it. */
public final class GraphGradientCheck {
    private GraphGradientCheck() {
    }

    /** True when every parameter's gradient matches; label masks are passed when the batch has them. */
    public static boolean passes(ComputationGraph graph, DataSet batch, double maxRelError, double minAbsoluteError) {
        GradientCheckUtil.GraphConfig check = new GradientCheckUtil.GraphConfig().net(graph)
                .inputs(new INDArray[] {batch.getFeatures().castTo(DataType.DOUBLE)})
                .labels(new INDArray[] {batch.getLabels().castTo(DataType.DOUBLE)})
                .inputMask(new INDArray[] {batch.getFeaturesMaskArray().castTo(DataType.DOUBLE)})
                .epsilon(1e-6).maxRelError(maxRelError).minAbsoluteError(minAbsoluteError)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(true);
        if (batch.getLabelsMaskArray() != null) {
            check.labelMask(new INDArray[] {batch.getLabelsMaskArray().castTo(DataType.DOUBLE)});
        }
        return GradientCheckUtil.checkGradients(check);
    }
}
