package io.veltrix.cli;

/** The process exit codes of every veltrix command; the same table is printed by {@code --help}. */
public final class ExitCode {
    /** The command did what was asked and every check passed. */
    public static final int OK = 0;
    /** An SLO or a regression check failed. */
    public static final int CHECK_FAILED = 1;
    /** Bad usage or bad input: nothing was run. */
    public static final int BAD_INPUT = 2;
    /** The run itself failed. */
    public static final int RUN_FAILED = 3;
    /** Interrupted (Ctrl-C); what was measured is still written, marked partial. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {}
}
