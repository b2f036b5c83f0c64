package rnn.nn;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.graph.rnn.ReverseTimeSeriesVertex;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.nd4j.linalg.activations.Activation;

import rnn.config.CellType;
import rnn.config.ConfigException;
import rnn.config.EncoderConfig;
import rnn.config.RecurrentImplementation;
import rnn.nn.layer.FirstTimeStepVertex;
import rnn.nn.memory.Backend;
import rnn.nn.recurrent.FusedGru;
import rnn.nn.recurrent.FusedLstm;
import rnn.nn.recurrent.FusedRnn;

/**
 * Adds a stack of recurrent layers to a graph, each one-directional or bidirectional.
 *
 * <p>rnn's fused LSTM and GRU are bidirectional by themselves: its backward cell starts at each sequence's own
 * last real step. DL4J's cells are paired by hand rather than with DL4J's {@code Bidirectional}
 * wrapper, because the wrapper reverses whole padded sequences, so its backward cell reads the
 * padding before a short sequence's real steps and a padded batch predicts differently from the
 * same sequences one by one: here the backward DL4J cell reads the input through a mask-aware
 * {@link ReverseTimeSeriesVertex} (each sequence reversed within its own length) and its output
 * is reversed back. Either way the directions are concatenated along features, forward first:
 * {@code [batch, 2 x hidden, time]} (NCW).
 */
public final class RecurrentEncoder {
    /** How the top layer's directions are laid out. */
    public enum Layout {
        /** One direction: {@code forward}. */
        ONE,
        /** Both directions concatenated in {@code forward}'s output. */
        COMBINED,
        /** {@code forward}, and {@code backward} whose output runs in reversed time. */
        SEPARATE_REVERSED
    }

    /** The top layer: its cells and layout, and the width of a step with directions concatenated. */
    public record Output(String forward, String backward, Layout layout, int width) {
    }

    private final GraphBuilder graph;
    private final EncoderConfig model;
    private final String maskInput;

    /** {@code maskInput} is the network input whose mask marks each sequence's real steps. */
    public RecurrentEncoder(GraphBuilder graph, EncoderConfig model, String maskInput) {
        Backend.requireForTraining("building the network");
        this.graph = graph;
        this.model = model;
        this.maskInput = maskInput;
    }

    /**
     * Adds the layers reading {@code input} of {@code inputWidth} features per step. The top
     * layer's outputs are left for {@link #addSequence} and {@link #addLastStep}, so that the
     * graph holds only the vertices its pooling uses (DL4J rejects disconnected vertices).
     */
    public Output add(String input, int inputWidth) {
        String previous = input;
        int width = inputWidth;
        Output top = null;
        for (int i = 0; i < model.layers(); i++) {
            if (top != null) {
                previous = addSequence("rnn" + (i - 1), top);
                width = top.width();
            }
            double dropout = i == 0 ? model.embeddingDropout() : model.dropout();
            int outWidth = model.bidirectional() ? 2 * model.hidden() : model.hidden();
            if (!model.bidirectional() || fused()) {
                String name = "rnn" + i;
                graph.addLayer(name, cell(width, dropout), previous);
                top = new Output(name, null, model.bidirectional() ? Layout.COMBINED : Layout.ONE, outWidth);
                continue;
            }
            String forward = "rnn" + i + "_fwd";
            String backward = "rnn" + i + "_bwd";
            graph.addLayer(forward, cell(width, dropout), previous);
            graph.addVertex(backward + "_in", new ReverseTimeSeriesVertex(maskInput), previous);
            graph.addLayer(backward, cell(width, dropout), backward + "_in");
            top = new Output(forward, backward, Layout.SEPARATE_REVERSED, outWidth);
        }
        return top;
    }

    /** Adds what gives a layer's output sequence, directions concatenated; returns its name. */
    public String addSequence(String name, Output encoded) {
        if (encoded.layout() != Layout.SEPARATE_REVERSED) {
            return encoded.forward();
        }
        String backward = name + "_bwd_out";
        graph.addVertex(backward, new ReverseTimeSeriesVertex(maskInput), encoded.backward());
        graph.addVertex(name, new MergeVertex(), encoded.forward(), backward);
        return name;
    }

    /**
     * Adds a vertex {@code name} with each direction's summary of the whole sequence: the forward
     * cell at each sequence's last real step, and the backward cell where it has read every real
     * step (time 0, or the last real step in reversed time). {@code [batch, directions x hidden]}.
     */
    public void addLastStep(String name, Output encoded) {
        switch (encoded.layout()) {
            case ONE -> graph.addVertex(name, new LastTimeStepVertex(maskInput), encoded.forward());
            case COMBINED -> {
                int h = model.hidden();
                graph.addVertex(name + "_fwd_seq", new SubsetVertex(0, h - 1), encoded.forward());
                graph.addVertex(name + "_bwd_seq", new SubsetVertex(h, 2 * h - 1), encoded.forward());
                graph.addVertex(name + "_fwd", new LastTimeStepVertex(maskInput), name + "_fwd_seq");
                graph.addVertex(name + "_bwd", new FirstTimeStepVertex(), name + "_bwd_seq");
                graph.addVertex(name, new MergeVertex(), name + "_fwd", name + "_bwd");
            }
            case SEPARATE_REVERSED -> {
                graph.addVertex(name + "_fwd", new LastTimeStepVertex(maskInput), encoded.forward());
                graph.addVertex(name + "_bwd", new LastTimeStepVertex(maskInput), encoded.backward());
                graph.addVertex(name, new MergeVertex(), name + "_fwd", name + "_bwd");
            }
        }
    }

    /**
     * Whether the layers are rnn's fused ones ({@code implementation: fused}) rather than DL4J's
     * LSTM and SimpleRnn; DL4J has no GRU. The backend is checked once, in {@link Backend}.
     */
    private boolean fused() {
        if (model.cell() == CellType.GRU && model.implementation() != RecurrentImplementation.FUSED) {
            throw new ConfigException("model.cell: 'gru' needs model.implementation: fused (DL4J has no GRU layer)");
        }
        return model.implementation() == RecurrentImplementation.FUSED;
    }

    private Layer cell(int inputWidth, double inputDropout) {
        BaseRecurrentLayer.Builder<?> builder = switch (model.cell()) {
            case LSTM -> fused() ? new FusedLstm.Builder().bidirectional(model.bidirectional())
                    : new LSTM.Builder().activation(Activation.TANH);
            case GRU -> new FusedGru.Builder().bidirectional(fused() && model.bidirectional());
            case RNN -> fused() ? new FusedRnn.Builder().bidirectional(model.bidirectional())
                    : new SimpleRnn.Builder().activation(Activation.TANH);
        };
        builder.nIn(inputWidth).nOut(model.hidden()).dataFormat(RNNFormat.NCW);
        if (inputDropout > 0) {
            builder.dropOut(sequenceDropout(inputDropout));
        }
        return builder.build();
    }

    /**
     * Dropout at rate {@code rate} for a layer that reads sequences {@code [batch, features, time]}:
     * with {@code variational_dropout}, one mask per sequence and feature for all steps (DL4J's
     * spatial dropout over the time axis), else a new mask at every step.
     */
    public IDropout sequenceDropout(double rate) {
        return model.variational() ? new SpatialDropout(1 - rate) : new Dropout(1 - rate);
    }
}
