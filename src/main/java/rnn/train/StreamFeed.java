package rnn.train;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.DataSet;

import rnn.data.TokenStream;
import rnn.data.WordDropout;

/**
 * A token stream in {@code rows} parallel rows, trained with truncated BPTT in segments of
 * {@code segment} steps: one fit call per epoch, in which DL4J carries each row's hidden state
 * from segment to segment and starts the epoch from zero state. Each segment is one update.
 */
public final class StreamFeed implements EpochFeed {
    private final TokenStream stream;
    private final WordDropout wordDropout;
    private final DataSet rows;
    private final int rowCount;
    private final int rowLength;
    private final int segment;
    private final List<TrainingListener> networkListeners;

    public StreamFeed(TokenStream stream, int rows, int segment) {
        this(stream, rows, segment, new WordDropout(0, 0));
    }

    /** With word dropout, each epoch reads the stream with new tokens dropped. */
    public StreamFeed(TokenStream stream, int rows, int segment, WordDropout wordDropout) {
        this(stream, rows, segment, wordDropout, List.of());
    }

    /** With listeners of the network's own (tied weights) that every update must reach. */
    public StreamFeed(TokenStream stream, int rows, int segment, WordDropout wordDropout,
                      List<TrainingListener> networkListeners) {
        this.networkListeners = List.copyOf(networkListeners);
        this.stream = stream;
        this.wordDropout = wordDropout;
        this.rows = wordDropout.active() ? null : stream.asRows(rows);
        this.rowCount = rows;
        this.rowLength = stream.rowLength(rows);
        this.segment = segment;
    }

    @Override
    public int steps() {
        return (rowLength + segment - 1) / segment;
    }

    @Override
    public void run(ComputationGraph network, int epoch, StepObserver step) {
        List<TrainingListener> listeners = new ArrayList<>(networkListeners);
        TrainLoss.Listener loss = new TrainLoss.Listener();
        listeners.add(loss);
        listeners.add(new BaseTrainingListener() {
            private int done;

            @Override
            public void iterationDone(Model model, int iteration, int epochCount) {
                int length = Math.min(segment, rowLength - done * segment);
                done++;
                // the loss summed over the segment's steps, averaged over its rows
                step.done(loss.of(model) / length, (long) rowCount * length, (long) rowCount * length);
            }
        });
        network.setListeners(listeners);
        try {
            network.fit(rows != null ? rows : stream.asRows(rowCount, wordDropout));
        } finally {
            network.setListeners();
        }
    }
}
