package rnn.predict;

import java.util.List;

/** Turns inputs into outputs with a trained model; batched for speed, results in input order. */
public interface Predictor<I, O> {
    List<O> predictBatch(List<I> inputs);

    default O predict(I input) {
        return predictBatch(List.of(input)).get(0);
    }
}
