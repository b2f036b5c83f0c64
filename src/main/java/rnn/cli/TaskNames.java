package rnn.cli;

import java.util.Iterator;

import rnn.task.Tasks;

/** Completion candidates and help text for a TASK parameter. */
final class TaskNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Tasks.names().iterator();
    }
}
