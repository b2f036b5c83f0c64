/**
 * A hand-run benchmark (not part of CI): times a training step and an inference pass of
 * IMDB-shaped recurrent classifiers built exactly as {@code rnn train} builds them, to compare with
 * the PyTorch reference in {@code benchmarks/pytorch_rnn.py} (run both with {@code apps/bench}).
 */
package rnn.bench;
