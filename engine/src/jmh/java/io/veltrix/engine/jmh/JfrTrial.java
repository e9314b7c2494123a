package io.veltrix.engine.jmh;

import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The Flight Recorder recording a benchmark trial runs under, by the name of its {@code jfr} parameter: {@code off}
 * (none), {@code engine} (the engine's events alone: what they cost), {@code on} (the JDK's {@code default}
 * settings) or {@code profile} (the JDK's {@code profile} settings, with allocation and execution sampling: what
 * {@code veltrix bench} records by default). Every recording enables the engine's {@code io.veltrix.*} events, the
 * periodic ones every second, as {@code veltrix bench} does; it is kept in memory (no disk).
 *
 * <p>{@code alternate} (or {@code alternate-engine}, {@code alternate-on}): no recording during even iterations
 * (warm-up ones counted), a {@code profile} (or {@code engine}, {@code on}) recording during odd ones, started and
 * stopped between iterations ({@link #beforeIteration}). On and off are then
 * compared within one JVM, with the same compiled code and the same memory layout, which is what differs most
 * between forks; with an even number of warm-up iterations, measurement iterations 0, 2, 4, ... are off and 1,
 * 3, 5, ... on.
 */
final class JfrTrial {
    static final String ALTERNATE = "alternate";

    private final String mode;
    private Recording recording;
    private int iteration;

    private JfrTrial(String mode) {
        this.mode = mode;
    }

    /** Starts what {@code mode} asks for the whole trial ({@code alternate}: nothing yet). */
    static JfrTrial forTrial(String mode) throws Exception {
        JfrTrial trial = new JfrTrial(mode);
        if (!mode.startsWith(ALTERNATE)) {
            trial.recording = start(mode);
        }
        return trial;
    }

    /** Under {@code alternate}, starts or stops the recording for the coming iteration. */
    void beforeIteration() throws Exception {
        if (!mode.startsWith(ALTERNATE)) {
            return;
        }
        boolean on = iteration++ % 2 == 1;
        if (on && recording == null) {
            recording = start(mode.equals(ALTERNATE) ? "profile" : mode.substring(ALTERNATE.length() + 1));
        } else if (!on && recording != null) {
            stop(recording);
            recording = null;
        }
    }

    /** Stops whatever runs. */
    void end() {
        stop(recording);
        recording = null;
    }

    /** Starts the recording {@code mode} names; null for {@code off}. */
    static Recording start(String mode) throws Exception {
        String settings = switch (mode) {
            case "off" -> null;
            case "engine" -> "";
            case "on" -> "default";
            case "profile" -> "profile";
            default ->
                throw new IllegalArgumentException(
                        "jfr must be off, engine, on, profile or alternate[-engine|-on], was " + mode);
        };
        if (settings == null) {
            return null;
        }
        Recording recording =
                settings.isEmpty() ? new Recording() : new Recording(Configuration.getConfiguration(settings));
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
