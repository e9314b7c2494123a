package io.veltrix.scenarios.model;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the records; each message names the parameter and the rule it broke. */
final class Checks {
    private Checks() {}

    static Duration positive(Duration value, String parameter) {
        Objects.requireNonNull(value, parameter);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(parameter + " must be positive, was " + value);
        }
        return value;
    }

    static Duration notNegative(Duration value, String parameter) {
        Objects.requireNonNull(value, parameter);
        if (value.isNegative()) {
            throw new IllegalArgumentException(parameter + " must not be negative, was " + value);
        }
        return value;
    }

    static double fraction(double value, String parameter) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(parameter + " must be a fraction in [0, 1], was " + value);
        }
        return value;
    }

    static double rate(double value, String parameter) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(parameter + " must be a finite rate >= 0 events/s, was " + value);
        }
        return value;
    }

    static int atLeast(int value, int minimum, String parameter) {
        if (value < minimum) {
            throw new IllegalArgumentException(parameter + " must be >= " + minimum + ", was " + value);
        }
        return value;
    }
}
