package dev.hallmark.internal.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A parsed JSON object: immutable, in document order, and small. Its members sit in two arrays; an object of up to
 * {@link #LINEAR} members is searched linearly (a token's header or claims, whose names the parser mostly takes from
 * {@link JsonNames}, so the search is usually an identity hit), a larger one through an open-addressed index.
 * Against a {@code LinkedHashMap} wrapped unmodifiable this saves an entry object per member, the wrapper, the table
 * and its resizes: most of what parsing a token's claims used to allocate. Equality and hash code follow the
 * {@link java.util.Map} contract, so it equals any map with the same members.
 *
 * <p>An object parsed from a document its caller owns and never changes ({@link StrictJson#parseRetained}) may defer
 * its plain ASCII string members: the parser validated them and keeps only where they lie, and the first read
 * makes the {@code String}. A verifier reads two or three of a token's claims; the rest are never copied. The race
 * between two first reads is benign: both make equal immutable strings (final fields, so safely published however
 * they are seen), and each caller sees one of them.
 */
final class JsonObject extends AbstractMap<String, Object> {

    static final int LINEAR = 16;

    private final String[] names;
    /** The names' hash codes, compared before the names: most misses then cost one int comparison. */
    private final int[] hashes;
    /** The members' values; {@link #DEFERRED} where {@link #spans} says where the string lies in {@link #source}. */
    private final Object[] values;
    private final int size;
    /** Null for small objects; otherwise slot to member index + 1, 0 for empty. */
    private final int[] index;
    /** The document, for deferred strings only (else null); never changed after parsing. */
    private final byte[] source;
    /**
     * Per member, where a deferred string lies in {@link #source}: its start in the high 16 bits and its length in
     * the low 16 (only documents shorter than 64 KiB defer); null when none is deferred.
     */
    private final int[] spans;

    /** Marks a value not yet made: a plain ASCII string, validated, between its two quotes in the source. */
    private static final Object DEFERRED = new Object();

    private JsonObject(String[] names, int[] hashes, Object[] values, int size, int[] index, byte[] source,
            int[] spans) {
        this.names = names;
        this.hashes = hashes;
        this.values = values;
        this.size = size;
        this.index = index;
        this.source = source;
        this.spans = spans;
    }

    /** Member {@code i}'s value, making a deferred string on its first read. */
    private Object value(int i) {
        Object v = values[i];
        if (v == DEFERRED) {
            int from = spans[i] >>> 16;
            v = ascii(source, from, from + (spans[i] & 0xffff));
            values[i] = v;
        }
        return v;
    }

    /**
     * ASCII bytes as a string. The charset constructor is a large method the JIT will not inline on this path; the
     * {@code hibyte} one, deprecated because it cannot decode, does exactly the one copy that ASCII needs.
     */
    @SuppressWarnings("deprecation")
    static String ascii(byte[] b, int from, int to) {
        return new String(b, 0, from, to - from);
    }

    /** Whether {@code name} is absent or a member with a string value, without making a deferred one. */
    boolean absentOrString(String name) {
        int i = find(name);
        return i < 0 || values[i] == DEFERRED || values[i] instanceof String;
    }

    /** An open-addressed index at most half full: slot to member index + 1, 0 for empty. */
    private static int[] buildIndex(String[] names, int size) {
        int[] slots = new int[Integer.highestOneBit(size * 4 - 1)];
        for (int i = 0; i < size; i++) {
            insert(slots, names[i], i);
        }
        return slots;
    }

    private static void insert(int[] slots, String name, int i) {
        int mask = slots.length - 1;
        int s = spread(name.hashCode()) & mask;
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = i + 1;
    }

    private static int indexOf(String[] names, int[] slots, Object name) {
        int mask = slots.length - 1;
        for (int s = spread(name.hashCode()) & mask; slots[s] != 0; s = (s + 1) & mask) {
            int i = slots[s] - 1;
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Linear search; {@code ==} first, as a shared well-known name usually is the very string asked for. */
    private static int scan(String[] names, int[] hashes, int size, String name) {
        int h = name.hashCode();
        for (int i = 0; i < size; i++) {
            if (hashes[i] == h && (names[i] == name || names[i].equals(name))) {
                return i;
            }
        }
        return -1;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private int find(Object name) {
        if (!(name instanceof String)) {
            return -1;
        }
        if (index == null) {
            return scan(names, hashes, size, (String) name);
        }
        return indexOf(names, index, name);
    }

    @Override
    public Object get(Object name) {
        int i = find(name);
        return i < 0 ? null : value(i);
    }

    @Override
    public boolean containsKey(Object name) {
        return find(name) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], value(i));
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public void clear() {
                throw unmodifiable();
            }

            @Override
            public boolean removeIf(java.util.function.Predicate<? super Entry<String, Object>> filter) {
                throw unmodifiable();
            }
        };
    }

    // every mutator refuses, even when it would change nothing, as Collections.unmodifiableMap's do

    @Override
    public Object put(String name, Object value) {
        throw unmodifiable();
    }

    @Override
    public Object remove(Object name) {
        throw unmodifiable();
    }

    @Override
    public void putAll(Map<? extends String, ?> m) {
        throw unmodifiable();
    }

    @Override
    public void clear() {
        throw unmodifiable();
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
        throw unmodifiable();
    }

    @Override
    public Object putIfAbsent(String name, Object value) {
        throw unmodifiable();
    }

    @Override
    public boolean remove(Object name, Object value) {
        throw unmodifiable();
    }

    @Override
    public boolean replace(String name, Object oldValue, Object newValue) {
        throw unmodifiable();
    }

    @Override
    public Object replace(String name, Object value) {
        throw unmodifiable();
    }

    @Override
    public Object computeIfAbsent(String name, Function<? super String, ?> f) {
        throw unmodifiable();
    }

    @Override
    public Object computeIfPresent(String name, BiFunction<? super String, ? super Object, ?> f) {
        throw unmodifiable();
    }

    @Override
    public Object compute(String name, BiFunction<? super String, ? super Object, ?> f) {
        throw unmodifiable();
    }

    @Override
    public Object merge(String name, Object value, BiFunction<? super Object, ? super Object, ?> f) {
        throw unmodifiable();
    }

    private static UnsupportedOperationException unmodifiable() {
        return new UnsupportedOperationException("a parsed JSON object is unmodifiable");
    }

    /** Collects the members of one object in document order; not thread-safe, used once. */
    static final class Builder {
        private final byte[] source;
        private int[] spans;
        private String[] names = new String[LINEAR];
        private int[] hashes = new int[LINEAR];
        private Object[] values = new Object[LINEAR];
        private int size;
        /** Built once past the linear size, so a huge object's duplicate check stays linear in its size. */
        private int[] index;

        /**
         * Adds {@code name} with a null value, to be set by {@link #setLastValue} once read; false, adding nothing,
         * when it is already a member (reported before its value is read, as a streaming reader would).
         */
        boolean addName(String name) {
            if (index == null) {
                if (scan(names, hashes, size, name) >= 0) {
                    return false;
                }
            } else if (indexOf(names, index, name) >= 0) {
                return false;
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                hashes = Arrays.copyOf(hashes, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            hashes[size] = name.hashCode();
            size++;
            if (size > LINEAR) {
                if (index == null || size * 2 > index.length) {
                    index = buildIndex(names, size);
                } else {
                    insert(index, name, size - 1);
                }
            }
            return true;
        }

        /**
         * {@code source}: the document, when plain strings may be deferred; null to make every value at once. A
         * document of 64 KiB or more makes every value at once (a span must fit two 16-bit halves).
         */
        Builder(byte[] source) {
            this.source = source != null && source.length <= 0xffff ? source : null;
        }

        /** Whether {@link #setLastValueDeferred} may be used. */
        boolean defers() {
            return source != null;
        }

        void setLastValue(Object value) {
            values[size - 1] = value;
        }

        /** The last member's value is the plain ASCII string {@code source[from..to)}, already validated. */
        void setLastValueDeferred(int from, int to) {
            if (spans == null || spans.length < names.length) {
                spans = spans == null ? new int[names.length] : Arrays.copyOf(spans, names.length);
            }
            spans[size - 1] = from << 16 | (to - from);
            values[size - 1] = DEFERRED;
        }

        JsonObject build() {
            return new JsonObject(names, hashes, values, size, index, spans == null ? null : source, spans);
        }
    }
}
