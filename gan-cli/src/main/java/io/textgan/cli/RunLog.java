package io.textgan.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

import java.nio.file.Path;

/**
 * Adds the run's own log file ({@code RUN/train.log}) to Log4j2's configuration once the run directory is known,
 * replacing the previous run's file if this JVM trained before (tests do).
 */
public final class RunLog {
    private static final String APPENDER = "run-log";

    /** A logger whose messages go to the run log only, not to the terminal. */
    static final String FILE_ONLY_LOGGER = "io.textgan.runlog";

    private RunLog() {
    }

    public static synchronized void writeTo(Path file) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        config.getRootLogger().removeAppender(APPENDER);
        config.getLoggers().values().forEach(logger -> logger.removeAppender(APPENDER));
        var previous = config.getAppenders().get(APPENDER);
        if (previous != null) {
            previous.stop();
        }
        FileAppender appender = FileAppender.newBuilder()
                .setName(APPENDER)
                .withFileName(file.toString())
                .setLayout(PatternLayout.newBuilder().withConfiguration(config)
                        .withPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %c{1} - %msg%n%throwable").build())
                .setConfiguration(config)
                .build();
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, Level.INFO, null);
        for (LoggerConfig logger : config.getLoggers().values()) {
            if (!logger.isAdditive() || logger.getName().equals(FILE_ONLY_LOGGER)) {
                logger.addAppender(appender, Level.INFO, null);
            }
        }
        context.updateLoggers();
    }
}
