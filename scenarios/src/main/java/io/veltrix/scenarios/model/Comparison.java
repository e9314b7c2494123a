package io.veltrix.scenarios.model;

/** The comparator of an SLO: {@code measured <op> threshold} must hold. */
public enum Comparison {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL("==");

    private final String token;

    Comparison(String token) {
        this.token = token;
    }

    /** The spelling in SLO expressions. */
    public String token() {
        return token;
    }

    /** Whether {@code measured <op> threshold} holds. */
    public boolean holds(double measured, double threshold) {
        switch (this) {
            case LESS:
                return measured < threshold;
            case LESS_OR_EQUAL:
                return measured <= threshold;
            case GREATER:
                return measured > threshold;
            case GREATER_OR_EQUAL:
                return measured >= threshold;
            default:
                return measured == threshold;
        }
    }
}
