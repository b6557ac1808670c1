package io.textgan.cli.command;

import io.textgan.cli.ProgressBar;
import io.textgan.cli.RunLog;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.checkpoint.RunDirectory;
import io.textgan.core.checkpoint.BestCheckpointKeeper;
import io.textgan.core.data.DataOptions;
import io.textgan.core.data.Tokenizer;
import io.textgan.core.data.loaders.DataRequest;
import io.textgan.core.data.loaders.DataSources;
import io.textgan.core.data.loaders.Dataset;
import io.textgan.core.metrics.DataEvaluation;
import io.textgan.core.metrics.EvaluationEncoders;
import io.textgan.core.metrics.LocalFeatureMetric;
import io.textgan.core.metrics.PeriodicEvaluation;
import io.textgan.core.metrics.RunEvaluation;
import io.textgan.core.metrics.ShapesAccuracyMetric;
import io.textgan.core.report.ReportLimits;
import io.textgan.core.report.ReportListener;
import io.textgan.core.train.DataParallelTraining;
import io.textgan.core.train.StepSource;
import io.textgan.core.train.TrainingListener;
import io.textgan.core.train.RunConfig;
import io.textgan.core.train.TrainingConfig;
import io.textgan.core.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gan train}: trains a text-conditioned GAN and writes samples and a checkpoint every epoch. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a text-to-image GAN (GAN-CLS). With no options: the built-in shapes data, about 20 minutes on 2 CPU cores.")
public final class TrainCommand implements Callable<Integer> {
    static final int DEFAULT_IMAGE_SIZE = 32;
    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();
    private static final ModelConfig MODEL_DEFAULTS = ModelConfig.defaults(32);

    @Spec
    CommandSpec spec;

    @Option(names = "--data", description = "'shapes' (built in); a folder: CUB / Oxford-102 (text_c10/), an unpacked emoji-datasource "
            + "package (emoji.json), or images with same-named .txt captions; a .jsonl or .csv manifest; or an emoji-datasource .tgz. "
            + "Default: ${DEFAULT-VALUE}.")
    String data = DataSources.SHAPES;

    @Mixin
    DataSourceOptions dataSource;

    @Option(names = "--crop", description = "center: the centre square; random: a random square of the image resized to 76/64 of "
            + "--image-size, each time it is used. Default: ${DEFAULT-VALUE}.")
    String crop = DataOptions.defaults().crop();

    @Option(names = "--flip", description = "Mirror training images left-right half of the time (not for shapes).")
    boolean flip;

    @Option(names = "--min-word-count", description = "Words (characters with --tokens char) seen fewer times in the training captions "
            + "become the unknown token. Default: ${DEFAULT-VALUE}.")
    int minWordCount = DataOptions.defaults().minWordCount();

    @Mixin
    TokenOptions tokenOptions;

    @Option(names = "--max-tokens", description = "Captions are cut to this many tokens. Default: 24 with --tokens word, 128 with --tokens char.")
    Integer maxTokens;

    @Option(names = "--epochs", description = "Passes over the data. Default: ${DEFAULT-VALUE}.")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--steps", description = "Stop after this many GAN steps (overrides --epochs).")
    Integer steps;

    @Option(names = "--batch-size", description = "Images per step. Default: ${DEFAULT-VALUE}.")
    int batchSize = DEFAULTS.batchSize();

    @Option(names = "--image-size", description = "Image side in pixels, a power of two. Default: ${DEFAULT-VALUE}.")
    int imageSize = DEFAULT_IMAGE_SIZE;

    @Option(names = "--ngf", description = "Generator width. Default: ${DEFAULT-VALUE}.")
    int ngf = 32;

    @Option(names = "--ndf", description = "Discriminator width. Default: ${DEFAULT-VALUE}.")
    int ndf = 32;

    @Option(names = "--noise-size", description = "Length of the noise vector z. Default: ${DEFAULT-VALUE}.")
    int noiseSize = 100;

    @Option(names = "--text-size", description = "Sentence vector size (LSTM hidden size; bilstm: even, half for each direction). Default: ${DEFAULT-VALUE}.")
    int textSize = 128;

    @Option(names = "--text-encoder", description = "Text encoder: lstm, gru or bilstm (bidirectional LSTM). Default: ${DEFAULT-VALUE}.")
    String textEncoder = MODEL_DEFAULTS.textEncoder();

    @Option(names = "--generator", description = "Registered generator (see 'gan models'). Default: ${DEFAULT-VALUE}.")
    String generator = MODEL_DEFAULTS.generator();

    @Option(names = "--discriminator", description = "Registered discriminator (see 'gan models'). Default: ${DEFAULT-VALUE}.")
    String discriminator = MODEL_DEFAULTS.discriminator();

    @Option(names = "--loss", description = "Registered loss: non-saturating, minimax, least-squares, hinge or a plug-in (see 'gan models'). Default: ${DEFAULT-VALUE}.")
    String loss = DEFAULTS.loss();

    @Option(names = "--encoder-steps", description = "Image-text matching pre-training steps of the text encoder. Default: ${DEFAULT-VALUE}.")
    int encoderSteps = DEFAULTS.encoderSteps();

    @Option(names = "--seed", description = "Fixes weights, data order, noise and samples. Default: ${DEFAULT-VALUE}.")
    long seed = DEFAULTS.seed();

    @Option(names = "--run", description = "Run directory (created). Default: runs/<data>-<date-time>.")
    Path run;

    @Option(names = "--lr-g", description = "Generator learning rate (Adam). Default: ${DEFAULT-VALUE}.")
    double lrG = DEFAULTS.learningRateG();

    @Option(names = "--lr-d", description = "Discriminator learning rate (Adam). Default: ${DEFAULT-VALUE}.")
    double lrD = DEFAULTS.learningRateD();

    @Option(names = "--gan-int", description = "GAN-INT (Reed et al. 2016): the generator also trains on midpoints between pairs of captions' vectors.")
    boolean ganInt;

    @Option(names = "--ema", description = "Keep an exponential moving average of the generator's weights with this decay "
            + "(e.g. 0.999) and draw samples and checkpoints' generations with it (0: off). Default: ${DEFAULT-VALUE}.")
    double emaDecay = DEFAULTS.emaDecay();

    @Option(names = "--matching-weight", description = "Weight of the generator's image-caption matching term (AttnGAN's DAMSM "
            + "sentence loss through the pre-trained image encoder; 0: off; needs --encoder-steps above 0). Default: ${DEFAULT-VALUE}, 0 with --encoder-steps 0.")
    double matchingWeight = DEFAULTS.matchingWeight();

    @Option(names = "--mode-seeking", description = "Weight of the generator's mode-seeking term (MSGAN: images of one caption "
            + "must differ with the noise; 0: off). Default: ${DEFAULT-VALUE}.")
    double modeSeeking = DEFAULTS.modeSeekingWeight();

    @Option(names = "--contrastive-weight", description = "Weight of XMC-GAN's contrastive terms through the discriminator's "
            + "embeddings: it learns to pick each real image's caption among the batch's, and the generator to make its "
            + "images pass the same test (0: off; needs a projection discriminator). Default: ${DEFAULT-VALUE}.")
    double contrastiveWeight = DEFAULTS.contrastiveWeight();

    @Option(names = "--one-word-negatives", description = "Share of the discriminator's wrong captions that are a right caption "
            + "with one word taken from another caption of as many words (\"a small red circle\" -> \"a small red square\"), "
            + "so it must read every word (0: off). Default: ${DEFAULT-VALUE}.")
    double oneWordNegatives = DEFAULTS.oneWordNegatives();

    @Option(names = "--one-word-candidates", description = "One-word changes drawn for each such wrong caption; the "
            + "discriminator is given the one it currently scores highest, so it trains on the words it reads worst "
            + "(needs --one-word-negatives). Default: ${DEFAULT-VALUE}.")
    int oneWordCandidates = DEFAULTS.oneWordCandidates();

    @Option(names = "--pretrained-features", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "The discriminator also judges each image through the frozen pre-trained image encoder (as "
            + "Projected GANs do): a small trained head on the encoder's vector and the caption, added to its logit, which "
            + "sees shapes and colours from the first step (needs --encoder-steps above 0). Default: on, off with --encoder-steps 0.")
    boolean pretrainedFeatures;

    @Option(names = "--pretrained-grid", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "The judge of --pretrained-features reads the encoder's last grid of features (4x4, flattened) "
            + "instead of its vector, which keeps more of what tells a drawn shape from a real one. Default: on with the judge.")
    boolean pretrainedGrid;

    @Option(names = "--conditioning-augmentation", description = "StackGAN's conditioning augmentation: the generator samples its "
            + "text condition from a Gaussian predicted from the sentence vector (the mean when generating), with a KL term in its loss.")
    boolean conditioningAugmentation;

    @Option(names = "--generator-steps", description = "Generator updates per discriminator update. Default: ${DEFAULT-VALUE}.")
    int generatorSteps = DEFAULTS.generatorSteps();

    @Option(names = "--real-label", description = "Discriminator target for real pairs (below 1: one-sided label smoothing). Default: ${DEFAULT-VALUE}.")
    double realLabel = DEFAULTS.realLabel();

    @Option(names = "--sample-prompts", description = "File with the sample grid's prompts, one per line. "
            + "Default: 8 captions of held-out images (of training images where the data has no held-out split).")
    Path samplePrompts;

    @Option(names = "--checkpoint-every", description = "Also checkpoint every this many steps inside epochs (0: only at epoch ends). Default: ${DEFAULT-VALUE}.")
    int checkpointEvery = DEFAULTS.checkpointEvery();

    @Option(names = "--keep-checkpoints", description = "How many of the newest checkpoints to keep (checkpoints/best is kept besides). Default: ${DEFAULT-VALUE}.")
    int keepCheckpoints = DEFAULTS.keepCheckpoints();

    @Option(names = "--clip-grad-norm", description = "Clip each network's global gradient L2 norm to this before its update (0: off). Default: ${DEFAULT-VALUE}.")
    double clipGradNorm = DEFAULTS.clipGradNorm();

    @Option(names = "--divergence-retries", description = "After a NaN or infinite loss or gradient: restore the last good state and retry at half the learning rates this many times, then stop. Default: ${DEFAULT-VALUE}.")
    int divergenceRetries = DEFAULTS.divergenceRetries();

    @Option(names = "--best-metric", description = "Keep a copy of the checkpoint that scores best by this metric as checkpoints/best: "
            + "shapes-accuracy (mean held-out attribute accuracy, shapes only), fd (lowest FD_local; best.json records it negated, "
            + "as metrics there are higher-is-better), r-precision (highest; both on any data, see 'gan evaluate') or none. Default: ${DEFAULT-VALUE}.")
    String bestMetric = ShapesAccuracyMetric.NAME;

    @Option(names = "--eval-every", description = "Every this many epochs, measure FD_local, KID_local, R-precision and diversity "
            + "as 'gan evaluate' does, log them to train.log and add them to RUN/evaluation.json's history (0: off). Default: ${DEFAULT-VALUE}.")
    int evalEvery = 0;

    @Option(names = "--eval-images", description = "Real images (and as many generated) of --eval-every and --best-metric fd|r-precision. Default: ${DEFAULT-VALUE}.")
    int evalImages = DataEvaluation.DEFAULT_IMAGES;

    @Option(names = "--eval-encoder-steps", description = "Training steps of the evaluation encoders (once per data and image size, then cached). Default: ${DEFAULT-VALUE}.")
    int evalEncoderSteps = EvaluationEncoders.DEFAULT_STEPS;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Train data-parallel on Apache Spark: local[N] (N workers in this JVM), "
            + "spark://HOST:PORT, yarn, ..., or 'submit' under spark-submit. Each step's batch (--batch-size) is split into shards of "
            + "--worker-batch-size, one per task; their gradients are averaged and the driver updates and checkpoints. Batch norm "
            + "uses each shard's statistics; the matching, mode-seeking and contrastive terms compare a shard's images only.")
    String spark;

    @Option(names = "--worker-batch-size", description = "With --spark: images of each worker's shard of a step (--batch-size is the "
            + "global batch, a whole number of shards). Default: --batch-size divided by Spark's default parallelism.")
    int workerBatchSize;

    @Option(names = "--resume", description = "Continue the run in this directory from its newest good checkpoint, with its saved settings "
            + "(--epochs may extend it; --best-metric and the --eval options, when given, replace the run's).")
    Path resume;

    @Override
    public Integer call() throws IOException {
        if (resume != null) {
            return resume();
        }
        Tokenizer tokenizer = tokenOptions.tokenizer();
        ModelConfig model = new ModelConfig(generator, discriminator, textEncoder, imageSize,
                noiseSize, MODEL_DEFAULTS.conditionSize(), ngf, ndf, MODEL_DEFAULTS.vocabularySize(),
                MODEL_DEFAULTS.embeddingSize(), textSize, MODEL_DEFAULTS.pooling(),
                maxTokens == null ? tokenizer.defaultMaxTokens() : requirePositive("--max-tokens", maxTokens),
                tokenizer.configName(), conditioningAugmentation);
        requirePositive("--batch-size", batchSize);
        int stepLimit = steps == null ? 0 : requirePositive("--steps", steps);
        trainingConfig(requirePositive("--epochs", epochs), stepLimit); // refuses bad settings before the data is read
        DataOptions options = new DataOptions(crop, flip, dataSource.background, minWordCount);
        List<String> prompts = samplePrompts == null ? null : Prompts.read(samplePrompts);
        DataRequest request = dataSource.request(data, options, imageSize, seed);
        try (DataParallelTraining.Session session = connect(request)) {
            return train(session, session == null ? request : session.driverData(), model, stepLimit, options, prompts);
        }
    }

    private int train(DataParallelTraining.Session session, DataRequest request, ModelConfig model, int stepLimit,
                      DataOptions options, List<String> prompts) throws IOException {
        Dataset dataset = DataSources.open(request);
        int batchesPerEpoch = Math.max(1, dataset.training().size() / batchSize);
        TrainingConfig training = trainingConfig(steps == null ? epochs : (stepLimit + batchesPerEpoch - 1) / batchesPerEpoch, stepLimit);
        Path dir = run != null ? run : Path.of("runs", dataset.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        TrainingRun trainingRun = new TrainingRun(dataset.training(), dataset.heldOut(),
                model, training, options, dir,
                prompts != null ? prompts : dataset.samplePrompts(), listeners(new RunDirectory(dir), training, dataset, options),
                steps(session, training));
        RunDirectories.prepareNew(dir);
        RunLog.writeTo(dir.resolve("train.log"));
        recordCommand(new RunDirectory(dir));
        evaluationSettings().write(new RunDirectory(dir));
        Json.write(new RunDirectory(dir).dataReport(), dataset.report());
        TrainingRun.Result result = trainingRun.run();
        spec.commandLine().getOut().printf("trained %d steps; samples in %s, model in %s%n", result.steps(),
                dir.resolve("samples"), result.checkpoint());
        return 0;
    }

    private TrainingConfig trainingConfig(int epochCount, int stepLimit) {
        if (oneWordCandidates > 1 && oneWordNegatives == 0) {
            throw new IllegalArgumentException("--one-word-candidates needs --one-word-negatives above 0");
        }
        return TrainingConfig.builder().epochs(epochCount).maxSteps(stepLimit).batchSize(batchSize).seed(seed)
                .learningRateG(lrG).learningRateD(lrD).encoderSteps(encoderSteps).generatorSteps(generatorSteps)
                .realLabel(realLabel).checkpointEvery(requireNotNegative("--checkpoint-every", checkpointEvery))
                .keepCheckpoints(requirePositive("--keep-checkpoints", keepCheckpoints))
                .clipGradNorm(clipGradNorm).divergenceRetries(requireNotNegative("--divergence-retries", divergenceRetries))
                .loss(loss).ganInt(ganInt).emaDecay(emaDecay).modeSeekingWeight(modeSeeking)
                .contrastiveWeight(contrastiveWeight).oneWordNegatives(oneWordNegatives).oneWordCandidates(oneWordCandidates).pretrainedFeatures(pretrainedFeatures())
                .pretrainedGrid(pretrainedGrid())
                .matchingWeight(matchingWeight())
                .build();
    }

    /** The pre-trained features' judge: off without pre-training unless asked for, which is then refused. */
    private boolean pretrainedFeatures() {
        return readsPretrainedEncoder("--pretrained-features", pretrainedFeatures, "the judge reads the pre-trained image encoder");
    }

    /** The judge's grid: off without the judge, and refused if asked for there. */
    private boolean pretrainedGrid() {
        if (pretrainedGrid && !pretrainedFeatures() && spec.commandLine().getParseResult().hasMatchedOption("--pretrained-grid")) {
            throw new IllegalArgumentException("--pretrained-grid needs the judge of --pretrained-features (off with "
                    + "--no-pretrained-features or --encoder-steps 0)");
        }
        return pretrainedGrid && pretrainedFeatures();
    }

    /** The matching term's weight: off without pre-training unless asked for, which is then refused. */
    private double matchingWeight() {
        return readsPretrainedEncoder("--matching-weight", matchingWeight > 0,
                "the matching term scores images with the pre-trained image encoder") ? matchingWeight : 0;
    }

    /**
     * Whether a part that reads the pre-trained image encoder is on: as set with pre-training; without it, off, unless
     * {@code option} asked for it on this command line, which is then refused saying {@code why}.
     */
    private boolean readsPretrainedEncoder(String option, boolean on, String why) {
        if (encoderSteps > 0) {
            return on;
        }
        if (on && spec.commandLine().getParseResult().hasMatchedOption(option)) {
            throw new IllegalArgumentException(option + " needs --encoder-steps above 0: " + why);
        }
        return false;
    }

    private int resume() throws IOException {
        RunDirectory dir = new RunDirectory(resume);
        if (!Files.isRegularFile(dir.config())) {
            throw new IOException("no run to resume at " + resume + " (no " + RunDirectory.CONFIG + ")");
        }
        RunConfig saved = Json.read(dir.config(), RunConfig.class);
        TrainingConfig training = saved.training();
        if (steps != null) {
            training = training.withMaxSteps(requirePositive("--steps", steps));
        } else if (spec.commandLine().getParseResult().hasMatchedOption("--epochs")) {
            training = training.withEpochs(requirePositive("--epochs", epochs));
        }
        DataRequest request = new DataRequest(saved.data(), saved.dataOptions(), saved.model().imageSize(),
                saved.dataSize(), training.seed(), dataSource.cacheDirectory());
        try (DataParallelTraining.Session session = connect(request)) {
            return resume(session, session == null ? request : session.driverData(), saved, training, dir);
        }
    }

    private int resume(DataParallelTraining.Session session, DataRequest request, RunConfig saved, TrainingConfig training,
                       RunDirectory dir) throws IOException {
        Dataset dataset = DataSources.open(request);
        if (dataset.training().size() != saved.dataSize()) {
            throw new IllegalArgumentException("the data at " + saved.data() + " has changed since the run began: "
                    + dataset.training().size() + " training images now, " + saved.dataSize() + " then; resuming needs the same data");
        }
        useSavedEvaluationSettings(dir);
        RunLog.writeTo(dir.log());
        recordCommand(dir);
        evaluationSettings().write(dir);
        TrainingRun.Result result = new TrainingRun(dataset.training(), dataset.heldOut(), saved.model(), training,
                saved.dataOptions(), resume, Files.readAllLines(dir.samplePrompts()), listeners(dir, training, dataset, saved.dataOptions()),
                steps(session, training)).resume();
        spec.commandLine().getOut().printf("trained to step %d; model in %s%n", result.steps(), result.checkpoint());
        return 0;
    }

    private TrainingEvaluation evaluationSettings() {
        return new TrainingEvaluation(bestMetric, evalEvery, evalImages, evalEncoderSteps);
    }

    /** On resume: the run's own evaluation settings, except those given on this command line. */
    private void useSavedEvaluationSettings(RunDirectory dir) throws IOException {
        TrainingEvaluation saved = TrainingEvaluation.read(dir);
        if (saved == null) {
            return;
        }
        ParseResult given = spec.commandLine().getParseResult();
        bestMetric = given.hasMatchedOption("--best-metric") ? bestMetric : saved.bestMetric();
        evalEvery = given.hasMatchedOption("--eval-every") ? evalEvery : saved.evalEvery();
        evalImages = given.hasMatchedOption("--eval-images") ? evalImages : saved.evalImages();
        evalEncoderSteps = given.hasMatchedOption("--eval-encoder-steps") ? evalEncoderSteps : saved.evalEncoderSteps();
    }

    private List<TrainingListener> listeners(RunDirectory dir, TrainingConfig training, Dataset dataset, DataOptions dataOptions) {
        int batchesPerEpoch = Math.max(1, dataset.training().size() / training.batchSize());
        int epochsShown = training.maxSteps() > 0 ? (training.maxSteps() + batchesPerEpoch - 1) / batchesPerEpoch : training.epochs();
        List<TrainingListener> listeners = new ArrayList<>(List.of(new ProgressBar(spec.commandLine().getErr(), epochsShown)));
        requireNotNegative("--eval-every", evalEvery);
        RunEvaluation evaluation = null;
        if (evalEvery > 0 || LocalFeatureMetric.NAMES.contains(bestMetric)) {
            if (evalImages < 4) {
                throw new IllegalArgumentException("--eval-images must be at least 4: " + evalImages);
            }
            // seed 0, as gan evaluate's default, so that the history and a later gan evaluate measure alike
            evaluation = new RunEvaluation(dataset, dataOptions, dataSource.cacheDirectory(),
                    requirePositive("--eval-encoder-steps", evalEncoderSteps), new DataEvaluation.Options(evalImages, 0));
        }
        if (evalEvery > 0) {
            listeners.add(new PeriodicEvaluation(evaluation, evalEvery, dir.root().resolve(EvaluateCommand.EVALUATION_FILE)));
        }
        if (LocalFeatureMetric.NAMES.contains(bestMetric)) {
            listeners.add(new BestCheckpointKeeper(dir, LocalFeatureMetric.named(bestMetric, evaluation)));
        } else if (ShapesAccuracyMetric.NAME.equals(bestMetric)) {
            if ("shapes".equals(dataset.name())) {
                listeners.add(new BestCheckpointKeeper(dir, new ShapesAccuracyMetric()));
            } else if (spec.commandLine().getParseResult().hasMatchedOption("--best-metric")) {
                throw new IllegalArgumentException("--best-metric " + bestMetric + " measures runs on shapes only");
            }
        } else if (!"none".equals(bestMetric)) {
            throw new IllegalArgumentException("unknown --best-metric '" + bestMetric + "': use " + ShapesAccuracyMetric.NAME + ", "
                    + String.join(", ", LocalFeatureMetric.NAMES) + " or none");
        }
        listeners.add(new ReportListener(dir, ReportLimits.defaults())); // last: it shows what the others wrote
        return listeners;
    }

    /** The Spark session of --spark, or null for a local run. */
    private DataParallelTraining.Session connect(DataRequest request) {
        if (spark == null) {
            if (workerBatchSize != 0) {
                throw new IllegalArgumentException("--worker-batch-size is for --spark: a local run has one batch (--batch-size)");
            }
            return null;
        }
        return DataParallelBackends.connect("spark", spark, workerBatchSize, request);
    }

    /** Where the steps run: in this JVM, or on the session's workers (a line says how the batch is split). */
    private StepSource.Factory steps(DataParallelTraining.Session session, TrainingConfig training) {
        if (session == null) {
            return StepSource.Factory.LOCAL;
        }
        spec.commandLine().getErr().println("gan: training on " + session.describe(training.batchSize()));
        return session;
    }

    /** Appends this command line to RUN/command.txt, for the report. */
    private void recordCommand(RunDirectory dir) throws IOException {
        StringBuilder line = new StringBuilder("gan");
        for (String arg : spec.commandLine().getParseResult().originalArgs()) {
            line.append(' ').append(arg.matches("[\\w@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        Files.writeString(dir.command(), line + System.lineSeparator(), java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static int requireNotNegative(String option, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(option + " must not be negative: " + value);
        }
        return value;
    }

    private static int requirePositive(String option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive: " + value);
        }
        return value;
    }
}
