package rnn.nn;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.graph.rnn.ReverseTimeSeriesVertex;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.nd4j.linalg.activations.Activation;

import rnn.config.CellType;
import rnn.config.ConfigException;
import rnn.config.ModelConfig;
import rnn.config.RecurrentImplementation;

/**
 * Adds a stack of recurrent layers to a graph, each one-directional or bidirectional.
 *
 * <p>A bidirectional layer is two cells rather than DL4J's {@code Bidirectional} wrapper, because
 * the wrapper reverses whole padded sequences, so its backward cell reads the padding before a
 * short sequence's real steps and a padded batch predicts differently from the same sequences
 * one by one. rnn's fused cells read backwards themselves, starting at each sequence's last real
 * step; DL4J's cells read the input through a mask-aware {@link ReverseTimeSeriesVertex} (each
 * sequence reversed within its own length) and their output is reversed back. Directions are
 * concatenated along features: {@code [batch, 2 x hidden, time]} (NCW).
 */
final class RecurrentEncoder {
    /**
     * The top layer's cells: {@code forward}, and {@code backward} (null for one direction),
     * whose output runs in reversed time when {@code backwardInReversedTime}; {@code width} is a
     * time step's width with the directions concatenated.
     */
    record Output(String forward, String backward, boolean backwardInReversedTime, int width) {
    }

    private final GraphBuilder graph;
    private final ModelConfig model;
    private final String maskInput;

    /** {@code maskInput} is the network input whose mask marks each sequence's real steps. */
    RecurrentEncoder(GraphBuilder graph, ModelConfig model, String maskInput) {
        this.graph = graph;
        this.model = model;
        this.maskInput = maskInput;
    }

    /**
     * Adds the layers reading {@code input} of {@code inputWidth} features per step. The top
     * layer's outputs are left for {@link #addSequence} and {@link #addLastStep}, so that the
     * graph holds only the vertices its pooling uses (DL4J rejects disconnected vertices).
     */
    Output add(String input, int inputWidth) {
        String previous = input;
        int width = inputWidth;
        Output top = null;
        for (int i = 0; i < model.layers(); i++) {
            if (top != null) {
                previous = addSequence("rnn" + (i - 1), top);
                width = top.width();
            }
            double dropout = i == 0 ? model.embeddingDropout() : model.dropout();
            String forward = "rnn" + i + (model.bidirectional() ? "_fwd" : "");
            graph.addLayer(forward, cell(width, dropout, false), previous);
            if (!model.bidirectional()) {
                top = new Output(forward, null, false, model.hidden());
                continue;
            }
            String backward = "rnn" + i + "_bwd";
            if (readsBackwards()) {
                graph.addLayer(backward, cell(width, dropout, true), previous);
            } else {
                graph.addVertex(backward + "_in", new ReverseTimeSeriesVertex(maskInput), previous);
                graph.addLayer(backward, cell(width, dropout, false), backward + "_in");
            }
            top = new Output(forward, backward, !readsBackwards(), 2 * model.hidden());
        }
        return top;
    }

    /** Adds a vertex {@code name} with a layer's output sequence, directions concatenated; returns its name. */
    String addSequence(String name, Output encoded) {
        if (encoded.backward() == null) {
            return encoded.forward();
        }
        String backward = encoded.backward();
        if (encoded.backwardInReversedTime()) {
            backward = name + "_bwd_out";
            graph.addVertex(backward, new ReverseTimeSeriesVertex(maskInput), encoded.backward());
        }
        graph.addVertex(name, new MergeVertex(), encoded.forward(), backward);
        return name;
    }

    /**
     * Adds a vertex {@code name} with each direction's summary of the whole sequence: the forward
     * cell at each sequence's last real step, and the backward cell where it has read every real
     * step (time 0, or the last real step in reversed time). {@code [batch, directions x hidden]}.
     */
    void addLastStep(String name, Output encoded) {
        if (encoded.backward() == null) {
            graph.addVertex(name, new LastTimeStepVertex(maskInput), encoded.forward());
            return;
        }
        graph.addVertex(name + "_fwd", new LastTimeStepVertex(maskInput), encoded.forward());
        graph.addVertex(name + "_bwd", encoded.backwardInReversedTime() ? new LastTimeStepVertex(maskInput)
                : new FirstTimeStepVertex(), encoded.backward());
        graph.addVertex(name, new MergeVertex(), name + "_fwd", name + "_bwd");
    }

    /** Whether the backward cells read backwards themselves (rnn's fused LSTM does). */
    private boolean readsBackwards() {
        return model.implementation() == RecurrentImplementation.FUSED && model.cell() == CellType.LSTM;
    }

    private Layer cell(int inputWidth, double inputDropout, boolean reverse) {
        boolean fused = model.implementation() == RecurrentImplementation.FUSED;
        BaseRecurrentLayer.Builder<?> builder = switch (model.cell()) {
            case LSTM -> fused ? new FusedLstm.Builder().reverse(reverse) : new LSTM.Builder().activation(Activation.TANH);
            // No fused plain RNN yet: both implementations use DL4J's SimpleRnn.
            case RNN -> new SimpleRnn.Builder().activation(Activation.TANH);
            case GRU -> throw new ConfigException(
                    "model.cell: 'gru' is not available yet in this version (expected lstm, rnn)");
        };
        builder.nIn(inputWidth).nOut(model.hidden()).dataFormat(RNNFormat.NCW);
        if (inputDropout > 0) {
            builder.dropOut(new Dropout(1 - inputDropout));
        }
        return builder.build();
    }
}
