package io.textgan.cli.serve;

import io.textgan.cli.GanMain;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gan serve --port 0 ...} run through the real entry point on a thread of the test JVM; {@link #close()}
 * interrupts it, which stops the server as Ctrl-C would, and checks that the command returned 0.
 */
final class RunningServer implements AutoCloseable {
    /** How gan serve says where it listens. */
    static final Pattern ADDRESS = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Thread thread;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final URI uri;
    private volatile int code = -1;

    private RunningServer(String... options) {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
        args.addAll(List.of(options));
        thread = new Thread(() -> code = GanMain.execute(args.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true)), "gan-serve-under-test");
        thread.setDaemon(true);
        thread.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Matcher m;
        while (!(m = ADDRESS.matcher(out.toString())).find()) {
            if (!thread.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("gan serve did not start (exit code " + code + "): " + out + err);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        uri = URI.create(m.group(1));
    }

    /** Starts {@code gan serve --port 0} with these further options and waits until it says where it listens. */
    static RunningServer start(String... options) {
        return new RunningServer(options);
    }

    /** The page's address; {@code uri().resolve("api/generate")} for the API. */
    URI uri() {
        return uri;
    }

    String out() {
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(Duration.ofSeconds(30).toMillis());
        if (thread.isAlive() || code != 0) {
            throw new AssertionError("gan serve did not stop cleanly (exit code " + code + "): " + out + err);
        }
    }
}
