/**
 * The task contract: what a kind of model supplies ({@link rnn.task.Task}). Each task is one package
 * below this one ({@link rnn.task.classify}, {@link rnn.task.lm}, {@link rnn.task.tagger}), and
 * {@link rnn.task.registry.Tasks} is the one place that lists them.
 */
package rnn.task;
