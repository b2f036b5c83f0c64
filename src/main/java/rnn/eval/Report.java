package rnn.eval;

import java.util.Map;

/** What {@code rnn eval} prints: a task's scores on a data set, as a table or (serialised) JSON. */
public interface Report {
    /** The headline metrics by name, as training logs them for the dev set. */
    Map<String, Double> metrics();

    /** 95% bootstrap intervals over examples of some of {@link #metrics()}, by metric name. */
    Map<String, Bootstrap.Interval> intervals();

    /** A human-readable summary, ending with a line break. */
    String toTable();
}
