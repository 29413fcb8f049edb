using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hltad.Data;
using Hltad.Engine;
using Hltad.Io;
using Hltad.Onnx;

namespace Hltad.Training;

/// <summary>
/// Trains the members of an ensemble (SEMANTICS.md section 7) so that nothing is lost: a checkpoint after
/// every epoch, finished models kept, an interrupted model resumed from its last epoch with the same
/// result as an uninterrupted run.
/// </summary>
public sealed class EnsembleTrainer
{
    private readonly EnsembleLayout _layout;
    private readonly EnsemblePlan _plan;

    public EnsembleTrainer(EnsembleLayout layout, EnsemblePlan plan)
    {
        _layout = layout;
        _plan = plan;
    }

    /// <summary>Trains every model of the plan that is not finished yet.</summary>
    /// <param name="train">The 85 % EB_train part.</param>
    /// <param name="validation">EB_val.</param>
    /// <param name="progress">Receives every finished epoch.</param>
    /// <param name="cancellation">Stops after the epoch in flight; its checkpoint stays.</param>
    /// <returns>The members that were trained in this call (not those found finished).</returns>
    public IReadOnlyList<int> Run(
        PreprocessedSample train,
        PreprocessedSample validation,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellation)
    {
        // Weights of section 7: 1000 · w / Σ w(EB_val) for train and validation alike, or all 1.
        float[]? trainWeights = null;
        float[]? validationWeights = null;
        if (_plan.UseTrainingWeights)
        {
            (double[] trainScaled, double[] validationScaled) = TrainingWeights.Compute(train, validation);
            trainWeights = Array.ConvertAll(trainScaled, weight => (float)weight);
            validationWeights = Array.ConvertAll(validationScaled, weight => (float)weight);
        }

        var clock = new EpochClock(_plan, _layout);
        var trained = new List<int>();
        foreach (int member in _plan.MembersToTrain())
        {
            bool trainedNow = false;
            foreach (ObjectType objectType in _plan.ObjectTypes)
            {
                if (File.Exists(_layout.ModelFile(member, objectType)))
                {
                    progress?.Report(new TrainingProgress(member, _plan.Members, objectType, null,
                        _plan.Options.MaxEpochs, clock.Remaining()));
                    continue;
                }

                var trainSet = Set(train, objectType, trainWeights);
                var validationSet = Set(validation, objectType, validationWeights);
                TrainOne(member, objectType, trainSet, validationSet, clock, progress, cancellation);
                trainedNow = true;
            }

            if (trainedNow)
            {
                AppendDocumentation(member);
                trained.Add(member);
            }
        }

        return trained;
    }

    private void TrainOne(
        int member,
        ObjectType objectType,
        TrainingSet train,
        TrainingSet validation,
        EpochClock clock,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellation)
    {
        string directory = _layout.MemberDirectory(member, objectType);
        Directory.CreateDirectory(directory);
        string checkpoint = _layout.CheckpointFile(member, objectType);

        // Start afresh, or continue from the last finished epoch.
        ulong seed = _plan.MemberSeed(member, objectType);
        AutoencoderTrainer trainer = File.Exists(checkpoint)
            ? ResumeChecked(checkpoint, seed)
            : AutoencoderTrainer.Start(_plan.Architecture, _plan.Options, seed);

        // One epoch at a time, each followed by an atomic checkpoint.
        while (!trainer.IsFinished)
        {
            cancellation.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            EpochReport epoch = trainer.RunEpoch(train, validation, cancellation);
            trainer.SaveCheckpoint(checkpoint);
            clock.Add(watch.Elapsed);
            progress?.Report(new TrainingProgress(member, _plan.Members, objectType, epoch,
                _plan.Options.MaxEpochs, clock.Remaining()));
        }

        // The best weights, their history and ONNX exports; the model file last, as the mark of a finished model.
        Autoencoder model = trainer.BestModel();
        model.MetadataJson = _plan.ModelMetadataJson;
        WriteHistory(_layout.HistoryFile(member, objectType), trainer.History);
        InferenceNetwork network = model.ToInference();
        OnnxExporter.Export(network, _layout.OnnxFile(member, objectType, scoreOutput: false));
        OnnxExporter.Export(network, _layout.OnnxFile(member, objectType, scoreOutput: true),
            new OnnxExportOptions(Output: OnnxExportOutput.AdScore));
        model.Save(_layout.ModelFile(member, objectType));
        clock.FinishModel(trainer.History.Count);
        File.Delete(checkpoint);
    }

    private AutoencoderTrainer ResumeChecked(string checkpoint, ulong seed)
    {
        AutoencoderTrainer trainer = AutoencoderTrainer.Resume(checkpoint);
        if (trainer.Seed != seed || trainer.Architecture != _plan.Architecture || trainer.Options != _plan.Options)
        {
            throw new HltadException(
                $"{checkpoint}: the checkpoint was written by a trial with other settings; " +
                "remove it or train into another save_path");
        }

        return trainer;
    }

    private TrainingSet Set(PreprocessedSample sample, ObjectType objectType, float[]? weights)
    {
        bool hlt = objectType == ObjectType.Hlt;
        float[] inputs = hlt ? sample.Hlt : sample.L1;
        float[]? mask = null;
        if (_plan.UseObjectMask)
        {
            mask = (hlt ? sample.HltObjectMask : sample.L1ObjectMask)
                ?? throw new HltadException($"{sample.Tag}: the objects mask was asked for but not computed");
        }

        return new TrainingSet(inputs, mask, weights, sample.Count);
    }

    private static void WriteHistory(string path, IReadOnlyList<EpochReport> history)
    {
        var text = new StringBuilder("epoch,train_loss,val_loss,learning_rate,events_per_second,improved\n");
        foreach (EpochReport epoch in history)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{epoch.Epoch},{epoch.TrainLoss:R},{epoch.ValidationLoss:R},{epoch.LearningRate:R},");
            text.Append(CultureInfo.InvariantCulture, $"{epoch.EventsPerSecond:F0},{(epoch.Improved ? 1 : 0)}\n");
        }

        AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private void AppendDocumentation(int member)
    {
        string line = string.Create(CultureInfo.InvariantCulture,
            $"{{\"member\":{member},\"trial\":{_plan.DocumentationJson}}}");
        File.AppendAllText(_layout.DocumentationFile, line + "\n");
    }

    /// <summary>Mean epoch time and epochs per model so far, for a rough time-left estimate.</summary>
    private sealed class EpochClock(EnsemblePlan plan, EnsembleLayout layout)
    {
        private TimeSpan _elapsed;
        private int _epochs;
        private int _finishedModels;
        private int _finishedEpochs;
        private int _currentEpochs;

        public void Add(TimeSpan epoch)
        {
            _elapsed += epoch;
            _epochs++;
            _currentEpochs++;
        }

        public void FinishModel(int epochs)
        {
            _finishedModels++;
            _finishedEpochs += epochs;
            _currentEpochs = 0;
        }

        public TimeSpan? Remaining()
        {
            if (_epochs == 0)
            {
                return null;
            }

            double epochsPerModel = _finishedModels > 0
                ? (double)_finishedEpochs / _finishedModels
                : Math.Min(plan.Options.MaxEpochs, Math.Max(_currentEpochs * 2, 20));
            int models = plan.MembersToTrain().Sum(member =>
                plan.ObjectTypes.Count(objectType => !File.Exists(layout.ModelFile(member, objectType))));
            double epochsLeft = Math.Max(0, models * epochsPerModel - _currentEpochs);
            return TimeSpan.FromTicks((long)(_elapsed.Ticks / (double)_epochs * epochsLeft));
        }
    }
}
