package io.veltrix.engine.jmh;

import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The Flight Recorder recording a benchmark trial runs under, by the name of its {@code jfr} parameter: {@code off}
 * (none), {@code on} (the JDK's {@code default} settings) or {@code profile} (the JDK's {@code profile} settings,
 * with allocation and execution sampling: what {@code veltrix bench} records by default). Either recording also
 * enables the engine's {@code io.veltrix.*} events, the periodic ones every second, as {@code veltrix bench} does;
 * it is kept in memory (no disk).
 */
final class JfrTrial {
    private JfrTrial() {}

    /** Starts the recording {@code mode} names; null for {@code off}. */
    static Recording start(String mode) throws Exception {
        String settings = switch (mode) {
            case "off" -> null;
            case "on" -> "default";
            case "profile" -> "profile";
            default -> throw new IllegalArgumentException("jfr must be off, on or profile, was " + mode);
        };
        if (settings == null) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration(settings));
        for (String event :
                new String[] {"io.veltrix.QueueSnapshot", "io.veltrix.LatencyInterval", "io.veltrix.DeadLetterSummary"
                }) {
            recording.enable(event).withPeriod(Duration.ofSeconds(1));
        }
        recording.enable("io.veltrix.CapacityChange");
        recording.enable("io.veltrix.CircuitBreakerTransition");
        recording.setToDisk(false);
        recording.start();
        return recording;
    }

    /** Stops and discards {@code recording} (null: nothing to do). */
    static void stop(Recording recording) {
        if (recording != null) {
            recording.stop();
            recording.close();
        }
    }
}
