package io.textgan.spark;

import io.textgan.core.data.loaders.DataRequest;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data named by a Hadoop URI ({@code hdfs://}, {@code s3a://}, {@code file://}, ...): copied once per JVM into a local
 * folder, which the ordinary loaders then read in any of {@code gan train}'s layouts. Plain paths and {@code shapes}
 * are read where they are.
 */
final class HadoopData {
    private static final Map<String, String> STAGED = new ConcurrentHashMap<>();

    private HadoopData() {
    }

    static boolean isUri(String data) {
        return data.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    }

    /** The request with its data in this machine's file system. */
    static DataRequest local(DataRequest request) throws IOException {
        if (!isUri(request.data())) {
            return request;
        }
        String local = STAGED.get(request.data());
        if (local == null) {
            synchronized (HadoopData.class) {
                local = STAGED.get(request.data());
                if (local == null) {
                    local = copy(request.data());
                    STAGED.put(request.data(), local);
                }
            }
        }
        return new DataRequest(local, request.options(), request.imageSize(), request.shapesCount(), request.seed(),
                request.cacheDirectory());
    }

    private static String copy(String uri) throws IOException {
        // a folder's URI may end in '/', whose name would then be empty
        Path source = new Path(URI.create(uri.replaceAll("(?<!/)/+$", "")));
        FileSystem fs = source.getFileSystem(new Configuration());
        if (!fs.exists(source)) {
            throw new IOException("no data at " + uri);
        }
        java.nio.file.Path dir = Files.createTempDirectory("gan-spark-data-"
                + UUID.nameUUIDFromBytes(uri.getBytes(StandardCharsets.UTF_8)).toString().substring(0, 8));
        java.nio.file.Path target = dir.resolve(source.getName());
        fs.copyToLocalFile(false, source, new Path(target.toUri()), true);
        return target.toString();
    }
}
