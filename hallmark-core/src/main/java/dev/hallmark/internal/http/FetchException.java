package dev.hallmark.internal.http;

/**
 * A fetch that produced no usable response: unreachable host, timeout, non-200 status, redirect, oversized body.
 * Checked, so every caller decides what a failed fetch means (usually: keep the last good state).
 */
public final class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    public FetchException(String message) {
        super(message, null, false, false);
    }
}
