using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hltad.Engine.Layers;
using Hltad.Io;

namespace Hltad.Engine;

/// <summary>
/// A trained <see cref="VaeArchitecture"/> network. Its product is the mean-only encoder
/// (<see cref="EncoderMeanNetwork"/>), scored as the mean of the squared latent means (SEMANTICS.md
/// section 2). Saved in the model file format of docs/model-format.md with kind "vae".
/// </summary>
public sealed class VariationalAutoencoder
{
    /// <summary>The "kind" of VAE model files.</summary>
    public const string FileKind = "vae";

    private readonly SequentialNetwork _network;
    private InferenceEvaluator? _encoder;

    internal VariationalAutoencoder(VaeArchitecture architecture, TrainingOptions? trainingOptions, ulong seed,
        IReadOnlyDictionary<string, float[]> tensors, IReadOnlyList<EpochReport> history, string? metadataJson,
        string source)
    {
        Architecture = architecture;
        TrainingOptions = trainingOptions;
        Seed = seed;
        History = history;
        MetadataJson = metadataJson;
        _network = new SequentialNetwork(VaeLayers.Build(architecture, 0), capacity: 1);
        StoreTensors.Import(_network.Store, tensors, _network.Store.Values, _network.Store.StatisticValues, source);
    }

    public VaeArchitecture Architecture { get; }

    public TrainingOptions? TrainingOptions { get; }

    public ulong Seed { get; }

    public IReadOnlyList<EpochReport> History { get; }

    /// <summary>Free-form JSON saved with the model; null for none (not validated here: use valid JSON).</summary>
    public string? MetadataJson { get; set; }

    /// <summary>Weights and statistics by name, copies.</summary>
    public IReadOnlyDictionary<string, float[]> Tensors() =>
        StoreTensors.Export(_network.Store, _network.Store.Values, _network.Store.StatisticValues);

    /// <summary>
    /// Encoder up to the latent mean, in inference form: Dense steps with batch norm folded and the head
    /// restricted to its mean columns; Inputs → LatentDim.
    /// </summary>
    public InferenceNetwork EncoderMeanNetwork()
    {
        int head = VaeLayers.HeadIndex(_network.Layers);
        var steps = InferenceFolding.Fold(_network.Layers, _network.Store, head).Steps.ToList();
        var dense = (DenseLayer)_network.Layers[head];
        ReadOnlySpan<float> kernel = _network.Store.ValuesOf(dense.Kernel);
        int latent = Architecture.LatentDim;
        float[] meanKernel = new float[dense.Inputs * latent];
        for (int r = 0; r < dense.Inputs; r++)
        {
            kernel.Slice(r * dense.Outputs, latent).CopyTo(meanKernel.AsSpan(r * latent));
        }

        float[] meanBias = _network.Store.ValuesOf(dense.Bias)[..latent].ToArray();
        steps.Add(new DenseInference(new DenseStep(dense.Inputs, latent, meanKernel, meanBias, Activation.Linear)));
        return new InferenceNetwork(steps);
    }

    /// <summary>L1AD-style score per event: mean over the latent means of their squares.</summary>
    public void Score(ReadOnlySpan<float> inputs, int count, Span<float> scores) =>
        (_encoder ??= new InferenceEvaluator(EncoderMeanNetwork())).ScoreMeanSquare(inputs, count, scores);

    /// <summary>Writes the model file (kind "vae").</summary>
    public void Save(Stream stream)
    {
        var header = new JsonObject
        {
            ["format"] = "hltad-model",
            ["kind"] = FileKind,
            ["architecture"] = JsonSerializer.SerializeToNode(Architecture, StoreTensors.Json),
            ["trainingOptions"] = TrainingOptions is null ? null
                : JsonSerializer.SerializeToNode(TrainingOptions, StoreTensors.Json),
            ["seed"] = Seed.ToString(CultureInfo.InvariantCulture),
            ["layers"] = LayerDescriptions.Describe(_network.Layers),
            ["history"] = JsonSerializer.SerializeToNode(History, StoreTensors.Json),
            ["metadata"] = MetadataJson is null ? null : JsonNode.Parse(MetadataJson),
        };
        ModelContainer.Write(stream, header, Autoencoder.NamedTensors(_network.Store, _network.Store.Values,
            _network.Store.StatisticValues, ""));
    }

    /// <summary>Writes the model file to a temporary name, then renames it.</summary>
    public void Save(string path) => AtomicFile.Write(path, Save);

    /// <summary>Reads a VAE model file.</summary>
    /// <exception cref="ModelFormatException">A foreign, damaged or mismatched file.</exception>
    public static VariationalAutoencoder Load(Stream stream, string source = "model stream")
    {
        (JsonObject header, var tensors) = ModelContainer.Read(stream, source);
        ModelHeader.ExpectKind(header, FileKind, source);
        VaeArchitecture architecture = ModelHeader.Deserialize<VaeArchitecture>(header, "architecture", source)
            ?? throw new ModelFormatException(source, "the header has no architecture");
        architecture.Validate();
        return new VariationalAutoencoder(architecture,
            ModelHeader.Deserialize<TrainingOptions>(header, "trainingOptions", source),
            ModelHeader.Seed(header, source), tensors.ToDictionary(t => t.Key, t => t.Value.Data),
            ModelHeader.Deserialize<List<EpochReport>>(header, "history", source) ?? [],
            header["metadata"]?.ToJsonString(), source);
    }

    /// <summary>Reads a VAE model file from <paramref name="path"/>.</summary>
    public static VariationalAutoencoder Load(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Load(stream, path);
    }
}
