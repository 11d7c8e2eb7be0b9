package dev.hallmark.server.http;

/** One endpoint's work on one exchange. */
@FunctionalInterface
public interface Endpoint {

    void handle(Exchange exchange) throws Exception;
}
