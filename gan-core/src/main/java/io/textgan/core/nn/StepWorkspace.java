package io.textgan.core.nn;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scopes the temporaries of one training step in an ND4J workspace: the first step learns how much memory a step
 * needs, and every later step reuses that block, so steady-state training allocates nothing new off-heap. Arrays
 * created inside must not be kept after the scope closes; parameters, gradients and optimiser state live outside
 * and are updated in place.
 * <p>
 * A step that needs more than the first one spills into separate allocations, freed when the scope closes
 * ({@link SpillPolicy#EXTERNAL}). Not {@link SpillPolicy#REALLOCATE}: with it, ND4J 1.0.0-M2.1's
 * {@code Nd4jWorkspace.close()} re-initialises (re-allocates and zero-fills) the whole block after every cycle that
 * allocated anything, that is after every step; a profile of the default step found 10% of its samples there.
 */
public final class StepWorkspace {
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.EXTERNAL)
            .build();

    private StepWorkspace() {
    }

    /** Opens the workspace of this name for the current thread; close it (try-with-resources) at the end of the step. */
    public static MemoryWorkspace open(String name) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, name);
    }
}
