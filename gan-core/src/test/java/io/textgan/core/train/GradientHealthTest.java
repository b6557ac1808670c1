package io.textgan.core.train;

import io.textgan.core.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GradientHealthTest {
    @TempDir
    Path tmp;

    private static Parameter withGradient(String name, float... gradient) {
        Parameter p = Parameter.trainable(name, Nd4j.zeros(gradient.length));
        p.accumulate(Nd4j.createFromArray(gradient));
        return p;
    }

    @Test
    void clipsTheGlobalNormAndWritesEveryNormAtTheFirstAndEveryNthStep() throws Exception {
        Path csv = tmp.resolve("gradients.csv");
        GradientHealth health = new GradientHealth(1.0, 2, csv);
        Parameter a = withGradient("a", 3, 0);
        Parameter b = withGradient("b", 0, 4);
        assertEquals(5.0, health.inspect("gan", 1, "generator", List.of(a, b)), 1e-6);
        assertEquals(1.0, Math.hypot(a.gradient().norm2Number().doubleValue(), b.gradient().norm2Number().doubleValue()), 1e-6);
        assertEquals(0.6, a.gradient().getDouble(0), 1e-6);
        health.inspect("gan", 2, "generator", List.of(withGradient("a", 0.5f)));
        health.inspect("gan", 3, "generator", List.of(withGradient("a", 0.5f)));
        assertEquals(List.of("phase,step,network,parameter,l2_norm", "gan,1,generator,a,3.00000", "gan,1,generator,b,4.00000",
                "gan,1,generator,(global),5.00000", "gan,2,generator,a,0.500000", "gan,2,generator,(global),0.500000"),
                Files.readAllLines(csv));
    }

    @Test
    void refusesNonFiniteGradientsAndWeightsNamingTheParameter() {
        GradientHealth health = GradientHealth.guardOnly();
        var nan = assertThrows(TrainingDivergedException.class,
                () -> health.inspect("pretrain", 7, "text-encoder", List.of(withGradient("ok", 1), withGradient("text.lstm.W", 1, Float.NaN))));
        assertEquals("pretrain step 7: the text-encoder gradient of text.lstm.W is NaN", nan.getMessage());
        Parameter weight = Parameter.trainable("d.logit.W", Nd4j.createFromArray(1f, Float.POSITIVE_INFINITY));
        var inf = assertThrows(TrainingDivergedException.class,
                () -> health.requireFiniteWeights("gan", 3, "discriminator", List.of(weight)));
        assertEquals("gan step 3: the discriminator weight d.logit.W holds infinity after its update", inf.getMessage());
    }
}
