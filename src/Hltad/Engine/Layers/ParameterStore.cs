namespace Hltad.Engine.Layers;

/// <summary>
/// All numbers of a network in flat arrays: trainable values with a gradient array per part of a step and the
/// Adam moments, and the non-trainable statistics (batch-norm running mean and variance). Layers register
/// their tensors while the network is built, then <see cref="Allocate"/> makes the arrays.
/// </summary>
internal sealed class ParameterStore
{
    private readonly List<ParameterSlot> _trainable = [];
    private readonly List<ParameterSlot> _statistics = [];
    private int _trainableLength;
    private int _statisticsLength;

    /// <summary>Trainable tensors in registration order.</summary>
    public IReadOnlyList<ParameterSlot> Trainable => _trainable;

    /// <summary>Non-trainable tensors in registration order.</summary>
    public IReadOnlyList<ParameterSlot> Statistics => _statistics;

    /// <summary>Trainable values.</summary>
    public float[] Values { get; private set; } = [];

    /// <summary>Gradient of the batch loss, one array per part; the step's gradient is their sum.</summary>
    public float[][] Gradients { get; private set; } = [[], []];

    /// <summary>Adam first moments.</summary>
    public float[] FirstMoments { get; private set; } = [];

    /// <summary>Adam second moments.</summary>
    public float[] SecondMoments { get; private set; } = [];

    /// <summary>Non-trainable values.</summary>
    public float[] StatisticValues { get; private set; } = [];

    public ParameterSlot AddTrainable(string name, int rows, int columns, bool isKernel)
    {
        var slot = new ParameterSlot(name, _trainableLength, rows, columns, isKernel);
        _trainable.Add(slot);
        _trainableLength += Align(slot.Length);
        return slot;
    }

    public ParameterSlot AddStatistic(string name, int length)
    {
        var slot = new ParameterSlot(name, _statisticsLength, 1, length, false);
        _statistics.Add(slot);
        _statisticsLength += Align(length);
        return slot;
    }

    public void Allocate()
    {
        Values = new float[_trainableLength];
        Gradients = [new float[_trainableLength], new float[_trainableLength]];
        FirstMoments = new float[_trainableLength];
        SecondMoments = new float[_trainableLength];
        StatisticValues = new float[_statisticsLength];
    }

    public Span<float> ValuesOf(ParameterSlot slot) => Values.AsSpan(slot.Offset, slot.Length);

    public Span<float> StatisticsOf(ParameterSlot slot) => StatisticValues.AsSpan(slot.Offset, slot.Length);

    public Span<float> GradientOf(ParameterSlot slot, int part) => Gradients[part].AsSpan(slot.Offset, slot.Length);

    /// <summary>Every tensor starts on a 64-byte boundary of its array.</summary>
    private static int Align(int length) => (length + 15) & ~15;
}
