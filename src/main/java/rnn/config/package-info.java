/**
 * Run configs: YAML read into records ({@link rnn.config.RunConfig} and its sections), validated with file, line
 * and key path in every error, with {@code --set} overrides, and written back as the resolved YAML. The only
 * package that knows YAML.
 */
package rnn.config;
