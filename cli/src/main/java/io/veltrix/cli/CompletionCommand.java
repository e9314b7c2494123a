package io.veltrix.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veltrix completion bash}: prints a bash completion script generated from the command definitions. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a shell completion script.",
            "bash: source <(veltrix completion bash), or save it in /etc/bash_completion.d/veltrix."
                    + " zsh can use it after 'autoload -U bashcompinit && bashcompinit'."
        })
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "The shell: bash.", completionCandidates = Shells.class)
    String shell;

    /** The shells a completion script can be printed for. */
    static final class Shells extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Shells() {
            super(java.util.List.of("bash"));
        }
    }

    @Override
    public Integer call() {
        if (!"bash".equals(shell)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "Unsupported shell '" + shell + "': veltrix prints bash completion only (zsh can load it"
                            + " through bashcompinit).");
        }
        CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash(root.getCommandName(), root));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
