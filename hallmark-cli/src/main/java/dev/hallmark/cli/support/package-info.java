/**
 * What every subcommand shares: the injected streams and clock ({@link dev.hallmark.cli.support.CliContext}), key-file
 * sniffing, input reading ({@code -}, {@code @file}), durations like {@code 15m}, {@code NAME=VALUE} claims, JSON
 * output for people and scripts, and the mapping of failures to exit codes. Knows nothing of individual commands.
 */
package dev.hallmark.cli.support;
