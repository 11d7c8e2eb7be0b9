package dev.hallmark.internal.crypto;

import dev.hallmark.spi.SignatureCurve;
import dev.hallmark.spi.SignatureVerificationEngine;
import dev.hallmark.spi.VerificationEngines;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine chosen for each curve: discovered once, lazily, with {@link ServiceLoader} through the class loader
 * that loaded Hallmark (the thread's context loader at first use would make the choice depend on which thread
 * verified first). A provider that fails to load or to describe itself is skipped with one warning; the JDK engine is
 * always there to fall back on.
 */
public final class EngineRegistry {

    private static final System.Logger LOG = System.getLogger("dev.hallmark.spi");
    /** Bounds the scan: an iterator that keeps failing on the same broken entry must not loop for ever. */
    private static final int MAX_LOAD_FAILURES = 16;
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private final Map<SignatureCurve, SignatureVerificationEngine> chosen;

    private EngineRegistry(Map<SignatureCurve, SignatureVerificationEngine> chosen) {
        this.chosen = chosen;
    }

    private static final class Holder {
        static final EngineRegistry INSTANCE = new EngineRegistry(
                select(discover(), System.getProperty(VerificationEngines.ENGINE_PROPERTY)));
    }

    public static EngineRegistry get() {
        return Holder.INSTANCE;
    }

    public SignatureVerificationEngine engineFor(SignatureCurve curve) {
        return chosen.get(curve);
    }

    private static List<SignatureVerificationEngine> discover() {
        List<SignatureVerificationEngine> found = new ArrayList<>();
        Iterator<SignatureVerificationEngine> it = ServiceLoader.load(SignatureVerificationEngine.class,
                EngineRegistry.class.getClassLoader()).iterator();
        int failures = 0;
        while (failures < MAX_LOAD_FAILURES) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                failures++;
                LOG.log(System.Logger.Level.WARNING, "ignoring a signature verification engine that failed to load: "
                        + e);
            }
        }
        return found;
    }

    /**
     * Per curve, the supporting engine of highest priority (ties broken by name), or the one named by
     * {@code forced} where it supports the curve; the JDK engine otherwise. An engine that throws while describing
     * itself is dropped.
     */
    public static Map<SignatureCurve, SignatureVerificationEngine> select(List<SignatureVerificationEngine> found,
                                                                         String forced) {
        JcaVerificationEngine jca = JcaVerificationEngine.INSTANCE;
        String wanted = forced == null || forced.isBlank() ? null : forced.trim();
        Map<SignatureCurve, SignatureVerificationEngine> chosen = new EnumMap<>(SignatureCurve.class);
        Map<SignatureCurve, Integer> bestPriority = new EnumMap<>(SignatureCurve.class);
        boolean wantedFound = wanted == null || wanted.equals(jca.name());
        for (SignatureCurve curve : SignatureCurve.values()) {
            chosen.put(curve, jca);
            bestPriority.put(curve, jca.priority());
        }
        for (SignatureVerificationEngine engine : found) {
            String name;
            int priority;
            Set<SignatureCurve> supported = java.util.EnumSet.noneOf(SignatureCurve.class);
            try {
                name = engine.name();
                priority = engine.priority();
                for (SignatureCurve curve : SignatureCurve.values()) {
                    if (engine.supports(curve)) {
                        supported.add(curve);
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                reportFailure(engine.getClass().getName(), e);
                continue;
            }
            if (wanted != null) {
                if (!wanted.equals(name)) {
                    continue;
                }
                wantedFound = true;
            }
            for (SignatureCurve curve : supported) {
                SignatureVerificationEngine current = chosen.get(curve);
                int best = bestPriority.get(curve);
                boolean better = wanted != null || priority > best
                        || (priority == best && current != jca && name.compareTo(current.name()) < 0);
                if (better) {
                    chosen.put(curve, engine);
                    bestPriority.put(curve, priority);
                }
            }
        }
        if (!wantedFound) {
            LOG.log(System.Logger.Level.WARNING, "no signature verification engine named \"" + wanted + "\" ("
                    + VerificationEngines.ENGINE_PROPERTY + "); using the JDK's");
            chosen.replaceAll((curve, engine) -> jca);
        }
        return java.util.Collections.unmodifiableMap(chosen);
    }

    /** Logs the first failure of each engine; later ones are silent (the JDK engine takes over each time). */
    static void reportFailure(String engine, Throwable e) {
        if (REPORTED.add(engine)) {
            LOG.log(System.Logger.Level.WARNING, "signature verification engine " + engine
                    + " failed; the JDK engine is used in its place: " + e);
        }
    }
}
