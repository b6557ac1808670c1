package io.textgan.cli.serve;

import io.textgan.cli.GanMain;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gan serve} in its own JVM, stopped by a signal: it says so, exits, and stops listening. Ctrl-C (SIGINT) and
 * {@code kill} (SIGTERM) reach the same JVM shutdown hook; the test sends SIGTERM, because a process started in the
 * background by a non-interactive shell (a CI script run with {@code &}, say) inherits SIGINT as ignored, and so
 * would the server started here.
 */
class ServeStopTest {
    @Test
    void aSignalStopsTheServerCleanly() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "needs kill(1) to send a signal");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true"));
        String extension = System.getProperty("org.bytedeco.javacpp.platform.extension");
        if (extension != null) {
            command.add("-Dorg.bytedeco.javacpp.platform.extension=" + extension);
        }
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                GanMain.class.getName(), "serve", "--run", TinyRun.get().toString(), "--port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process process = builder.start();
        try {
            List<String> output = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            URI uri = null;
            for (String line; uri == null && (line = reader.readLine()) != null; ) {
                output.add(line);
                Matcher m = RunningServer.ADDRESS.matcher(line);
                if (m.find()) {
                    uri = URI.create(m.group(1));
                }
            }
            assertTrue(uri != null, "gan serve did not start: " + output);
            CompletableFuture<List<String>> rest = CompletableFuture.supplyAsync(() -> reader.lines().toList());
            Api api = new Api(uri);
            assertEquals(200, api.get("api/health").statusCode());

            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "gan serve did not stop on SIGTERM");
            output.addAll(rest.get(10, TimeUnit.SECONDS));
            assertEquals(143, process.exitValue(), "the exit status of a process stopped by SIGTERM: " + output);
            assertTrue(output.contains("gan serve: stopped"), output.toString());
            assertTrue(output.stream().noneMatch(l -> l.contains("Exception")), output.toString());
            assertThrows(ConnectException.class, () -> api.get("api/health"));
        } finally {
            process.destroyForcibly();
        }
    }
}
