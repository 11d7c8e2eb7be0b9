/**
 * The {@code hallmark} command: one class per subcommand, {@link dev.hallmark.cli.Main} the only place that exits.
 * Commands translate arguments into calls on {@code hallmark-core} and print the results; they hold no JOSE logic.
 */
package dev.hallmark.cli;
