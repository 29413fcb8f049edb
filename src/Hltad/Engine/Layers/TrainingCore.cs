using System.Diagnostics;
using Hltad.Engine.Kernels;

namespace Hltad.Engine.Layers;

/// <summary>
/// The epoch machinery shared by the autoencoder and VAE trainers: a fresh Fisher–Yates shuffle of the
/// training events per epoch, batches of <see cref="TrainingOptions.BatchSize"/> in that order, one Adam
/// step per batch, the validation loss in inference mode, early stopping and learning-rate reduction, the
/// best weights, and the complete state for checkpoints.
/// </summary>
internal sealed class TrainingCore
{
    private readonly MaskedMseLoss _loss = new();
    private readonly IReadOnlyList<IAuxiliaryLoss> _auxiliary;
    private readonly IReadOnlyList<Action<int>> _trainStep;
    private readonly IReadOnlyList<Action<int>> _validationChunk;
    private readonly List<EpochReport> _history = [];
    private TrainingSet? _data;
    private int[] _order = [];
    private int _batchStart;

    public TrainingCore(SequentialNetwork network, TrainingOptions options, float l2Coupling,
        Xoshiro256StarStar random)
    {
        Network = network;
        Options = options;
        Random = random;
        Adam = new AdamOptimizer(network.Store, network.TrainableByLayer)
        {
            Beta1 = (float)options.Beta1,
            Beta2 = (float)options.Beta2,
            Epsilon = (float)options.AdamEpsilon,
            L2Coupling = l2Coupling,
            LearningRate = options.LearningRate,
        };
        _auxiliary = network.Layers.OfType<IAuxiliaryLoss>().ToArray();
        BestValues = (float[])network.Store.Values.Clone();
        BestStatistics = (float[])network.Store.StatisticValues.Clone();
        _trainStep = BuildPlan(training: true);
        _validationChunk = BuildPlan(training: false);
    }

    public SequentialNetwork Network { get; }

    public TrainingOptions Options { get; }

    public AdamOptimizer Adam { get; }

    public Xoshiro256StarStar Random { get; set; }

    public ConvergenceMonitor Monitor { get; set; } = new();

    /// <summary>Optimiser steps taken (the dropout and noise step index of the next batch).</summary>
    public long GlobalStep { get; set; }

    public int EpochsCompleted { get; set; }

    public float[] BestValues { get; set; }

    public float[] BestStatistics { get; set; }

    public List<EpochReport> History => _history;

    public bool IsFinished => Monitor.Stopped || EpochsCompleted >= Options.MaxEpochs;

    /// <summary>Draws the initial weights from <paramref name="random"/>; they are the best weights so far.</summary>
    public void InitialiseFresh(Xoshiro256StarStar random)
    {
        Network.Initialise(random);
        Network.Store.Values.CopyTo(BestValues, 0);
        Network.Store.StatisticValues.CopyTo(BestStatistics, 0);
    }

    /// <summary>One epoch; on cancellation the state returns to the end of the previous epoch.</summary>
    public EpochReport RunEpoch(TrainingSet train, TrainingSet validation, CancellationToken cancellation)
    {
        CheckShapes(train, validation);
        if (IsFinished)
        {
            throw new InvalidOperationException("training has finished; no epoch is left to run");
        }

        Snapshot before = Take();
        try
        {
            return RunEpochCore(train, validation, cancellation);
        }
        catch (OperationCanceledException)
        {
            Restore(before);
            throw;
        }
    }

    /// <summary>Validation loss <c>Σ wᵢ ℓᵢ / n</c> (+ auxiliary terms) + L2, inference mode.</summary>
    public double EvaluateLoss(TrainingSet set)
    {
        BatchState batch = Network.Batch;
        batch.Training = false;
        _data = set;
        double sum = 0.0;
        for (int start = 0; start < set.Count; start += batch.Capacity)
        {
            _batchStart = start;
            batch.Rows = Math.Min(batch.Capacity, set.Count - start);
            PairExecutor.Shared.Run(_validationChunk, Options.UseBothCores);
            sum += BatchSum();
        }

        _data = null;
        return sum / set.Count + Adam.Penalty();
    }

    private EpochReport RunEpochCore(TrainingSet train, TrainingSet validation, CancellationToken cancellation)
    {
        // A fresh permutation of the events.
        if (_order.Length != train.Count)
        {
            _order = new int[train.Count];
        }

        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        Random.Shuffle(_order.AsSpan());

        // One optimiser step per batch.
        double learningRate = Adam.LearningRate;
        BatchState batch = Network.Batch;
        double weightedLoss = 0.0;
        var clock = Stopwatch.StartNew();
        _data = train;
        for (int start = 0; start < train.Count; start += Options.BatchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            _batchStart = start;
            batch.Rows = Math.Min(Options.BatchSize, train.Count - start);
            batch.Training = true;
            batch.Step = GlobalStep;
            Adam.BeginStep();
            PairExecutor.Shared.Run(_trainStep, Options.UseBothCores);
            weightedLoss += BatchSum() + Adam.LastPenalty * batch.Rows;
            GlobalStep++;
        }

        _data = null;
        double seconds = clock.Elapsed.TotalSeconds;

        // Validation, then the callbacks.
        double validationLoss = EvaluateLoss(validation);
        bool improved = Monitor.Observe(EpochsCompleted, validationLoss, Options, ref learningRate);
        if (improved)
        {
            Network.Store.Values.CopyTo(BestValues, 0);
            Network.Store.StatisticValues.CopyTo(BestStatistics, 0);
        }

        double usedRate = Adam.LearningRate;
        Adam.LearningRate = learningRate;
        EpochsCompleted++;
        var report = new EpochReport(EpochsCompleted, weightedLoss / train.Count, validationLoss, usedRate,
            train.Count / Math.Max(seconds, 1e-9), improved);
        _history.Add(report);
        return report;
    }

    private double BatchSum()
    {
        double sum = _loss.PartialSum(0) + _loss.PartialSum(1);
        foreach (IAuxiliaryLoss term in _auxiliary)
        {
            sum += term.PartialSum(0) + term.PartialSum(1);
        }

        return sum;
    }

    private IReadOnlyList<Action<int>> BuildPlan(bool training)
    {
        var plan = new PhasePlan();
        plan.Add(Gather);
        Network.AddForward(plan, training);
        plan.Add(part => ComputeLoss(part, training));
        if (training)
        {
            Network.AddBackward(plan);
            plan.Sync();
            plan.Add(Adam.Update);
        }

        return plan.Build();
    }

    /// <summary>Copies this part's rows of the batch (in shuffled order when training) into the network.</summary>
    private void Gather(int part)
    {
        TrainingSet data = _data!;
        BatchState batch = Network.Batch;
        int features = Network.Features;
        (int first, int end) = batch.RowsOf(part);
        bool shuffled = batch.Training;
        for (int r = first; r < end; r++)
        {
            int source = shuffled ? _order[_batchStart + r] : _batchStart + r;
            data.Inputs.AsSpan(source * features, features).CopyTo(Network.InputBatch.AsSpan(r * features));
            data.LossMask?.AsSpan(source * features, features).CopyTo(Network.MaskBatch.AsSpan(r * features));
            batch.Weights[r] = data.Weights[source];
        }
    }

    private void ComputeLoss(int part, bool training)
    {
        int features = Network.Features;
        _loss.Compute(part, Network.Batch, features, Network.InputBatch,
            _data!.LossMask is null ? ReadOnlySpan<float>.Empty : Network.MaskBatch, Network.OutputBatch,
            training ? Network.OutputGradient : Span<float>.Empty);
    }

    private void CheckShapes(TrainingSet train, TrainingSet validation)
    {
        if (train.Features != Network.Features || validation.Features != Network.Features)
        {
            throw new ArgumentException(
                $"the network takes {Network.Features} features per event; training data has {train.Features}, " +
                $"validation data {validation.Features}");
        }
    }

    private Snapshot Take() => new(
        (float[])Network.Store.Values.Clone(), (float[])Network.Store.FirstMoments.Clone(),
        (float[])Network.Store.SecondMoments.Clone(), (float[])Network.Store.StatisticValues.Clone(),
        Random.GetState(), Adam.Steps, GlobalStep);

    private void Restore(Snapshot s)
    {
        s.Values.CopyTo(Network.Store.Values, 0);
        s.FirstMoments.CopyTo(Network.Store.FirstMoments, 0);
        s.SecondMoments.CopyTo(Network.Store.SecondMoments, 0);
        s.Statistics.CopyTo(Network.Store.StatisticValues, 0);
        Random = Xoshiro256StarStar.FromState(s.RandomState);
        Adam.Steps = s.AdamSteps;
        GlobalStep = s.GlobalStep;
        Network.RefreshDerived();
        _data = null;
    }

    private sealed record Snapshot(float[] Values, float[] FirstMoments, float[] SecondMoments,
        float[] Statistics, ulong[] RandomState, long AdamSteps, long GlobalStep);
}
