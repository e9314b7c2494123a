package io.veltrix.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code veltrix} command: parses arguments, hands them to a subcommand, and returns its exit code. */
@Command(
        name = "veltrix",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Load-testing and tuning toolkit for event-driven Java systems.",
        subcommands = {
            CommandLine.HelpCommand.class,
            BenchCommand.class,
            CompareCommand.class,
            MergeCommand.class,
            ReportCommand.class,
            ValidateCommand.class,
            InitCommand.class,
            SchemaCommand.class,
            CompletionCommand.class,
            JfrCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:an SLO or regression check failed",
            "2:bad usage or bad input (nothing was run)",
            "3:the run itself failed",
            "130:interrupted (what was measured is still written, marked partial)"
        },
        footer = {"", "Documentation: README.md and docs/ in the Veltrix repository."})
public final class Veltrix implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No subcommand: show what there is to do, and say it was a usage error.
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command.");
    }

    /** Builds the command line with Veltrix's exit codes wired in. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Veltrix());
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCode.BAD_INPUT);
        cl.getCommandSpec().exitCodeOnExecutionException(ExitCode.RUN_FAILED);
        return cl;
    }

    /** Runs {@code args} and returns the exit code, writing to the given streams. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
