/**
 * Tasks: what differs between kinds of model (data, network, metrics). {@link rnn.task.Tasks} registers them;
 * {@link rnn.task.SentimentTask} is {@code imdb}.
 */
package rnn.task;
