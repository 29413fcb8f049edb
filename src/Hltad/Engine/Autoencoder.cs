using System.Text.Json;
using System.Text.Json.Nodes;
using Hltad.Engine.Layers;
using Hltad.Io;

namespace Hltad.Engine;

/// <summary>
/// A trained autoencoder of SEMANTICS.md section 7: architecture, weights and batch-norm statistics, the
/// options and seed it was trained with, its loss history and a free-form metadata JSON slot (e.g. the
/// scaler means and standard deviations of the preprocessing). Evaluates through its inference form
/// (<see cref="ToInference"/>) and saves to the documented model file format (docs/model-format.md).
/// </summary>
public sealed class Autoencoder
{
    /// <summary>The "kind" of autoencoder model files.</summary>
    public const string FileKind = "autoencoder";

    private readonly SequentialNetwork _network;
    private InferenceEvaluator? _evaluator;
    private string? _metadataJson;

    internal Autoencoder(AutoencoderArchitecture architecture, TrainingOptions? trainingOptions, ulong seed,
        IReadOnlyDictionary<string, float[]> tensors, IReadOnlyList<EpochReport> history, string? metadataJson,
        string source)
    {
        Architecture = architecture;
        TrainingOptions = trainingOptions;
        Seed = seed;
        History = history;
        MetadataJson = metadataJson;
        _network = new SequentialNetwork(AutoencoderLayers.Build(architecture, 0), capacity: 1);
        StoreTensors.Import(_network.Store, tensors, _network.Store.Values, _network.Store.StatisticValues, source);
    }

    public AutoencoderArchitecture Architecture { get; }

    /// <summary>Options of the training that made the model (null if unknown).</summary>
    public TrainingOptions? TrainingOptions { get; }

    /// <summary>Seed of that training.</summary>
    public ulong Seed { get; }

    /// <summary>Epoch reports of that training (empty if unknown).</summary>
    public IReadOnlyList<EpochReport> History { get; }

    /// <summary>Free-form JSON saved with the model (normalisation statistics, provenance); null for none.</summary>
    /// <exception cref="ArgumentException">Set to text that is not JSON.</exception>
    public string? MetadataJson
    {
        get => _metadataJson;
        set
        {
            if (value is not null)
            {
                try
                {
                    using var _ = JsonDocument.Parse(value);
                }
                catch (JsonException e)
                {
                    throw new ArgumentException("metadata must be JSON: " + e.Message, nameof(value), e);
                }
            }

            _metadataJson = value;
        }
    }

    /// <summary>Weights and statistics by name (e.g. "dense0.kernel", "bn0.moving_mean"), copies.</summary>
    public IReadOnlyDictionary<string, float[]> Tensors() =>
        StoreTensors.Export(_network.Store, _network.Store.Values, _network.Store.StatisticValues);

    /// <summary>
    /// Inference form: dropout removed, batch norm folded into the Dense it follows, or an
    /// <see cref="AffineInference"/> step where it follows an activation (small network).
    /// </summary>
    public InferenceNetwork ToInference() => InferenceFolding.Fold(_network.Layers, _network.Store);

    /// <summary>outputs (count × Features) = reconstruction of inputs (count × Features).</summary>
    public void Reconstruct(ReadOnlySpan<float> inputs, int count, Span<float> outputs) =>
        Evaluator.Evaluate(inputs, count, outputs);

    /// <summary>HLTAD score per event (SEMANTICS.md section 8); <paramref name="mask"/> empty = default mask.</summary>
    public void Score(ReadOnlySpan<float> inputs, ReadOnlySpan<float> mask, int count, Span<float> scores) =>
        Evaluator.ScoreReconstruction(inputs, mask, count, scores);

    /// <summary>Writes the model file (docs/model-format.md).</summary>
    public void Save(Stream stream)
    {
        var header = new JsonObject
        {
            ["format"] = "hltad-model",
            ["kind"] = FileKind,
            ["architecture"] = JsonSerializer.SerializeToNode(Architecture, StoreTensors.Json),
            ["trainingOptions"] = TrainingOptions is null ? null
                : JsonSerializer.SerializeToNode(TrainingOptions, StoreTensors.Json),
            ["seed"] = Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["layers"] = LayerDescriptions.Describe(_network.Layers),
            ["history"] = JsonSerializer.SerializeToNode(History, StoreTensors.Json),
            ["metadata"] = MetadataJson is null ? null : JsonNode.Parse(MetadataJson),
        };
        ModelContainer.Write(stream, header, NamedTensors(_network.Store, _network.Store.Values,
            _network.Store.StatisticValues, ""));
    }

    /// <summary>Writes the model file to a temporary name beside <paramref name="path"/>, then renames it.</summary>
    public void Save(string path) => AtomicFile.Write(path, Save);

    /// <summary>Reads a model file.</summary>
    /// <exception cref="ModelFormatException">A foreign, damaged or mismatched file.</exception>
    public static Autoencoder Load(Stream stream, string source = "model stream")
    {
        (JsonObject header, var tensors) = ModelContainer.Read(stream, source);
        ModelHeader.ExpectKind(header, FileKind, source);
        AutoencoderArchitecture architecture =
            ModelHeader.Deserialize<AutoencoderArchitecture>(header, "architecture", source)
            ?? throw new ModelFormatException(source, "the header has no architecture");
        architecture.Validate();
        return new Autoencoder(architecture,
            ModelHeader.Deserialize<TrainingOptions>(header, "trainingOptions", source),
            ModelHeader.Seed(header, source),
            tensors.ToDictionary(t => t.Key, t => t.Value.Data),
            ModelHeader.Deserialize<List<EpochReport>>(header, "history", source) ?? [],
            header["metadata"]?.ToJsonString(), source);
    }

    /// <summary>Reads a model file from <paramref name="path"/>.</summary>
    public static Autoencoder Load(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>The store's tensors as (name, shape, data) in registration order.</summary>
    internal static List<(string Name, int[] Shape, float[] Data)> NamedTensors(ParameterStore store,
        float[] values, float[] statistics, string prefix)
    {
        var list = new List<(string, int[], float[])>();
        foreach (ParameterSlot slot in store.Trainable)
        {
            list.Add((prefix + slot.Name, StoreTensors.Shape(slot), values.AsSpan(slot.Offset, slot.Length).ToArray()));
        }

        foreach (ParameterSlot slot in store.Statistics)
        {
            list.Add((prefix + slot.Name, [slot.Length], statistics.AsSpan(slot.Offset, slot.Length).ToArray()));
        }

        return list;
    }

    private InferenceEvaluator Evaluator => _evaluator ??= new InferenceEvaluator(ToInference());
}
