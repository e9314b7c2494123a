package io.veltrix.scenarios.load;

import io.veltrix.scenarios.model.EventType;
import io.veltrix.scenarios.model.FailureKind;
import io.veltrix.scenarios.model.FailureSpec;
import io.veltrix.scenarios.model.FailureWindow;
import java.util.List;

/**
 * Decides which attempts fail. Counter-based: the decision is a hash of (seed, event type, event sequence,
 * attempt), so it is the same for every strategy and for retries in any order, and needs no state.
 */
final class FailureInjector {
    private final long[] salts;
    private final double[] rates;
    private final InjectedFailure[] kinds;
    private final long[][] windowFrom;
    private final long[][] windowTo;
    private final double[][] windowRate;
    private final InjectedFailure[][] windowKind;

    FailureInjector(long seed, List<EventType> events) {
        int n = events.size();
        salts = new long[n];
        rates = new double[n];
        kinds = new InjectedFailure[n];
        windowFrom = new long[n][];
        windowTo = new long[n][];
        windowRate = new double[n][];
        windowKind = new InjectedFailure[n][];
        for (int t = 0; t < n; t++) {
            EventType type = events.get(t);
            FailureSpec spec = type.failures();
            salts[t] = Seeds.stream(seed, Seeds.FAILURE, type.name(), 0);
            rates[t] = spec.rate();
            kinds[t] = of(spec.kind());
            int w = spec.windows().size();
            windowFrom[t] = new long[w];
            windowTo[t] = new long[w];
            windowRate[t] = new double[w];
            windowKind[t] = new InjectedFailure[w];
            for (int i = 0; i < w; i++) {
                FailureWindow window = spec.windows().get(i);
                windowFrom[t][i] = window.from().toNanos();
                windowTo[t][i] = window.to().toNanos();
                windowRate[t][i] = window.rate();
                windowKind[t][i] = of(window.kind());
            }
        }
    }

    private static InjectedFailure of(FailureKind kind) {
        return kind == FailureKind.PERMANENT ? InjectedFailure.PERMANENT : InjectedFailure.TRANSIENT;
    }

    InjectedFailure decide(int type, long sequence, int attempt, long timeNanos) {
        double rate = rates[type];
        InjectedFailure kind = kinds[type];
        long[] from = windowFrom[type];
        for (int i = 0; i < from.length; i++) {
            if (timeNanos >= from[i] && timeNanos < windowTo[type][i]) {
                rate = windowRate[type][i];
                kind = windowKind[type][i];
                break;
            }
        }
        if (rate <= 0.0) {
            return InjectedFailure.NONE;
        }
        if (rate >= 1.0) {
            return kind;
        }
        return Seeds.unit(salts[type], sequence, attempt) < rate ? kind : InjectedFailure.NONE;
    }
}
