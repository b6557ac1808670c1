package io.textgan.core.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EvaluationFileTest {
    @TempDir
    Path tmp;

    private static DataEvaluation.Report report(double fd) {
        return new DataEvaluation.Report("local", "held-out", 8, new DataEvaluation.Distance(fd, 1, 4),
                new DataEvaluation.Distance(0.5, 0.01, 4), new DataEvaluation.Retrieval(0.2, 0.6, 8, 4),
                new DataEvaluation.Diversity(1.5, null, null, 1, 8));
    }

    @Test
    void epochsAreAppendedAndTheLatestEvaluationKeepsTheHistory() throws IOException {
        Path file = tmp.resolve("evaluation.json");
        EvaluationFile.read(file).withEntry(new EvaluationFile.EpochEntry(1, 10, report(9))).write(file);
        EvaluationFile.read(file).withEntry(new EvaluationFile.EpochEntry(2, 20, report(7))).write(file);
        EvaluationFile.read(file).withLatest("epoch-0002", null, report(7)).write(file);
        // a resumed run evaluates epoch 2 again: its entry is replaced, not doubled
        EvaluationFile.read(file).withEntry(new EvaluationFile.EpochEntry(2, 20, report(6))).write(file);
        EvaluationFile read = EvaluationFile.read(file);
        assertEquals("epoch-0002", read.checkpoint());
        assertEquals(report(7), read.local());
        assertEquals(List.of(1, 2), read.history().stream().map(EvaluationFile.EpochEntry::epoch).toList());
        assertEquals(6, read.history().get(1).local().fdLocal().generated());
    }

    @Test
    void anOlderRunsFileIsReplaced() throws IOException {
        Path file = Files.writeString(tmp.resolve("evaluation.json"), "{\"prompts\": 96, \"images\": 768}");
        EvaluationFile read = EvaluationFile.read(file);
        assertNull(read.local());
        assertEquals(List.of(), read.history());
    }
}
