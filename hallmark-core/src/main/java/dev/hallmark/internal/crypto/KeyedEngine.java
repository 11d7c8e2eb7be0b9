package dev.hallmark.internal.crypto;

import java.security.Key;

/**
 * A per-thread JCA engine and the key it was last initialised with, so the next use with the same key (by identity)
 * can skip initialisation. Never shared between threads.
 */
final class KeyedEngine<E> {

    final E engine;
    Key key;

    KeyedEngine(E engine) {
        this.engine = engine;
    }
}
