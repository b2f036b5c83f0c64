package rnn.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import rnn.nn.DoublePrecisionTest;

/** The feature-wise join of sequences equals DL4J's MergeVertex, whatever the inputs' layout. */
class StepConcatTest extends DoublePrecisionTest {
    private static ComputationGraph graph(GraphVertex join) {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(2)
                .dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER).updater(new Sgd(1.0))
                .graphBuilder().addInputs("a", "b")
                .addVertex("join", join, "a", "b")
                .addLayer("out", new SoftmaxOutput.Builder().nIn(5).nOut(3).build(), "join")
                .setOutputs("out").build());
        graph.init();
        return graph;
    }

    @Test
    void joinsAsDl4jsMergeVertexDoesAndPassesTheGradientCheck() {
        Nd4j.getRandom().setSeed(3);
        INDArray a = Nd4j.rand(DataType.DOUBLE, 4, 3, 6).dup('f');
        INDArray b = Nd4j.rand(DataType.DOUBLE, 4, 2, 6).dup('c');   // another layout: copied first
        ComputationGraph ours = graph(new StepConcatVertex());
        ComputationGraph theirs = graph(new MergeVertex());
        theirs.params().assign(ours.params());
        INDArray joined = ours.feedForward(new INDArray[] {a, b}, false).get("join");
        assertEquals(theirs.feedForward(new INDArray[] {a, b}, false).get("join"), joined);
        assertEquals(b, joined.get(all(), interval(3, 5), all()));

        INDArray labels = Nd4j.createFromArray(new double[][][] {{{0, 1, 2, 0, 1, 2}}, {{2, 2, 1, 0, 0, 1}},
            {{1, 0, 2, 2, 1, 0}}, {{0, 0, 0, 1, 1, 1}}});
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(ours)
                .inputs(new INDArray[] {a, b}).labels(new INDArray[] {labels}).epsilon(1e-6).maxRelError(1e-6)
                .minAbsoluteError(1e-10).print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(true)));
    }
}
