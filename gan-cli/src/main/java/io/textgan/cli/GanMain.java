package io.textgan.cli;

import io.textgan.cli.command.GanCommand;
import io.textgan.core.NativeBuild;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Entry point of the {@code gan} command. */
public final class GanMain {
    private GanMain() {
    }

    public static void main(String[] args) {
        NativeBuild.select();
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line as {@code gan} would and returns its exit code; used by main and by the tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new GanCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(ErrorHandler::onBadArguments);
        cli.setExecutionExceptionHandler(ErrorHandler::onFailure);
        return cli.execute(args);
    }
}
