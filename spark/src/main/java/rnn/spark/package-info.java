/**
 * rnn on Apache Spark: jobs that run the command line's tasks over data a cluster reads, with the
 * same bundles. The driver checks the model and broadcasts its bytes; each executor JVM loads it
 * once ({@link rnn.spark.ExecutorBundles}) and predicts with the same predictors as the CLI.
 */
package rnn.spark;
