/**
 * The server's configuration: {@link dev.hallmark.server.config.ConfigLoader} reads defaults, one YAML or JSON file,
 * {@code HALLMARK_*} environment variables and flags (in that increasing precedence) into an immutable, validated
 * {@link dev.hallmark.server.config.ServerConfig}, or throws one
 * {@link dev.hallmark.server.config.ConfigException} listing every problem.
 *
 * <pre>{@code
 * ServerConfig config = ConfigLoader.load(Optional.of(Path.of("hallmark.yaml")), System.getenv(), flags);
 * }</pre>
 *
 * <p>This package owns key names, defaults, parsing and validation rules, and the redacted output of
 * {@code --print-config}. It must not know what the settings are used for: no store, key, token or HTTP types (only
 * {@link dev.hallmark.jws.JwsAlgorithm} names the signing algorithm). YAML is parsed without object construction,
 * duplicate keys are refused, and size and aliases are bounded; secrets never appear in messages or output.
 */
package dev.hallmark.server.config;
