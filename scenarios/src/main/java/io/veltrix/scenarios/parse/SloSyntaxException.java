package io.veltrix.scenarios.parse;

/** A malformed SLO expression: the message names the bad token and its column. */
public final class SloSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int column;

    SloSyntaxException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** The 1-based column in the expression where the bad token starts (one past the end when one is missing). */
    public int column() {
        return column;
    }
}
