package rnn.cli;

import java.util.Iterator;

import rnn.task.registry.Tasks;

/** Completion candidates and help text for a TASK parameter. */
final class TaskNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Tasks.namesAndAliases().iterator();
    }
}
