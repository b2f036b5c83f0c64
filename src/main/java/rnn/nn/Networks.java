package rnn.nn;

import org.deeplearning4j.nn.graph.ComputationGraph;

/** Copies of a trained network for threads that predict side by side. */
public final class Networks {
    private Networks() {
    }

    /**
     * A second network over the same parameters, for prediction only: its own layers (each keeps
     * its input and scratch arrays, so two threads never share them), without copying the weights
     * or making the updater that {@code ComputationGraph.clone} makes (Adam's state, twice the
     * parameters). Training either network changes both.
     */
    public static ComputationGraph sharingParameters(ComputationGraph network) {
        ComputationGraph copy = new ComputationGraph(network.getConfiguration().clone());
        copy.init(network.params(), false);
        return copy;
    }
}
