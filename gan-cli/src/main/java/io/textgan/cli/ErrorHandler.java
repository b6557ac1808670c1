package io.textgan.cli;

import io.textgan.core.train.TrainingDivergedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns failures into one line and an exit code: 2 for a user error (bad option, missing file, bad input),
 * 1 for anything else, whose stack trace goes to the log only.
 */
final class ErrorHandler {
    static final int USER_ERROR = 2;
    static final int FAILURE = 1;
    private static final Logger LOG = LoggerFactory.getLogger(RunLog.FILE_ONLY_LOGGER);

    private ErrorHandler() {
    }

    static int onBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("gan: " + e.getMessage());
        cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        return USER_ERROR;
    }

    static int onFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof IllegalArgumentException || cause instanceof IOException
                || cause instanceof TrainingDivergedException) {
            cli.getErr().println("gan: " + cause.getMessage());
            LOG.info("stopped: {}", cause.getMessage());
            return cause instanceof TrainingDivergedException ? FAILURE : USER_ERROR;
        }
        cli.getErr().println("gan: internal error: " + cause + " (details in the log)");
        LOG.error("internal error", cause);
        return FAILURE;
    }
}
