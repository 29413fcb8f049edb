using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hltad.Engine.Layers;

/// <summary>
/// Writes and restores the whole state of a <see cref="TrainingCore"/>: current values and statistics,
/// Adam moments and step, learning rate, generator state, step and epoch counters, early-stopping and
/// learning-rate monitors, best values and history. Tensors are stored as "value/…", "adam_m/…",
/// "adam_v/…" and "best/…"; everything else goes in the header's "state" object.
/// </summary>
internal static class CheckpointCodec
{
    /// <summary>The header every checkpoint starts with: what was trained, how, and from which seed.</summary>
    public static JsonObject Header<TArchitecture>(
        string kind,
        TArchitecture architecture,
        TrainingOptions options,
        ulong seed,
        IReadOnlyList<Layer> layers) => new()
    {
        ["format"] = "hltad-checkpoint",
        ["kind"] = kind,
        ["architecture"] = JsonSerializer.SerializeToNode(architecture, StoreTensors.Json),
        ["trainingOptions"] = JsonSerializer.SerializeToNode(options, StoreTensors.Json),
        ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
        ["layers"] = LayerDescriptions.Describe(layers),
    };

    /// <summary>Reads a checkpoint of <paramref name="kind"/>: its architecture, options, seed, header and
    /// tensors, for <see cref="Restore"/>.</summary>
    /// <exception cref="ModelFormatException">Not such a checkpoint, another version, or damaged.</exception>
    public static (TArchitecture Architecture, TrainingOptions Options, ulong Seed, JsonObject Header,
        Dictionary<string, float[]> Tensors) Read<TArchitecture>(Stream checkpoint, string kind, string source)
    {
        (JsonObject header, var tensors) = ModelContainer.Read(checkpoint, source);
        ModelHeader.ExpectKind(header, kind, source);
        TArchitecture architecture = ModelHeader.Deserialize<TArchitecture>(header, "architecture", source)
            ?? throw new ModelFormatException(source, "the checkpoint has no architecture");
        TrainingOptions options = ModelHeader.Deserialize<TrainingOptions>(header, "trainingOptions", source)
            ?? throw new ModelFormatException(source, "the checkpoint has no training options");
        return (architecture, options, ModelHeader.Seed(header, source), header,
            tensors.ToDictionary(t => t.Key, t => t.Value.Data));
    }

    public static void Write(Stream stream, TrainingCore core, JsonObject header, ulong noiseKey)
    {
        ConvergenceMonitor monitor = core.Monitor;
        header["state"] = new JsonObject
        {
            ["epochsCompleted"] = core.EpochsCompleted,
            ["globalStep"] = core.GlobalStep,
            ["adamSteps"] = core.Adam.Steps,
            ["learningRate"] = core.Adam.LearningRate,
            ["random"] = new JsonArray(core.Random.GetState().Select(s => (JsonNode)Hex(s)).ToArray()),
            ["noiseKey"] = Hex(noiseKey),
            ["monitor"] = new JsonObject
            {
                ["bestLoss"] = JsonValue.Create(monitor.BestLoss.ToString("R", CultureInfo.InvariantCulture)),
                ["bestEpoch"] = monitor.BestEpoch,
                ["wait"] = monitor.Wait,
                ["learningRateBest"] = monitor.LearningRateBest.ToString("R", CultureInfo.InvariantCulture),
                ["learningRateWait"] = monitor.LearningRateWait,
                ["stopped"] = monitor.Stopped,
            },
        };
        header["history"] = JsonSerializer.SerializeToNode(core.History, StoreTensors.Json);

        ParameterStore store = core.Network.Store;
        var tensors = Autoencoder.NamedTensors(store, store.Values, store.StatisticValues, "value/");
        foreach (ParameterSlot slot in store.Trainable)
        {
            tensors.Add(("adam_m/" + slot.Name, StoreTensors.Shape(slot),
                store.FirstMoments.AsSpan(slot.Offset, slot.Length).ToArray()));
            tensors.Add(("adam_v/" + slot.Name, StoreTensors.Shape(slot),
                store.SecondMoments.AsSpan(slot.Offset, slot.Length).ToArray()));
        }

        tensors.AddRange(Autoencoder.NamedTensors(store, core.BestValues, core.BestStatistics, "best/"));
        ModelContainer.Write(stream, header, tensors);
    }

    /// <summary>Restores <paramref name="core"/> from a read checkpoint; returns the noise key.</summary>
    public static ulong Restore(TrainingCore core, JsonObject header, IReadOnlyDictionary<string, float[]> tensors,
        string source)
    {
        try
        {
            JsonObject state = header["state"]!.AsObject();
            ParameterStore store = core.Network.Store;
            StoreTensors.Import(store, tensors, store.Values, store.StatisticValues, source, "value/");
            StoreTensors.Import(store, tensors, core.BestValues, core.BestStatistics, source, "best/");
            StoreTensors.ImportTrainable(store, tensors, store.FirstMoments, source, "adam_m/");
            StoreTensors.ImportTrainable(store, tensors, store.SecondMoments, source, "adam_v/");
            core.Network.RefreshDerived();

            core.EpochsCompleted = state["epochsCompleted"]!.GetValue<int>();
            core.GlobalStep = state["globalStep"]!.GetValue<long>();
            core.Adam.Steps = state["adamSteps"]!.GetValue<long>();
            core.Adam.LearningRate = state["learningRate"]!.GetValue<double>();
            core.Random = Xoshiro256StarStar.FromState(
                state["random"]!.AsArray().Select(n => ParseHex(n!.GetValue<string>())).ToArray());
            JsonObject monitor = state["monitor"]!.AsObject();
            core.Monitor = new ConvergenceMonitor
            {
                BestLoss = double.Parse(monitor["bestLoss"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                BestEpoch = monitor["bestEpoch"]!.GetValue<int>(),
                Wait = monitor["wait"]!.GetValue<int>(),
                LearningRateBest = double.Parse(monitor["learningRateBest"]!.GetValue<string>(),
                    CultureInfo.InvariantCulture),
                LearningRateWait = monitor["learningRateWait"]!.GetValue<int>(),
                Stopped = monitor["stopped"]!.GetValue<bool>(),
            };
            core.History.Clear();
            core.History.AddRange(ModelHeader.Deserialize<List<EpochReport>>(header, "history", source) ?? []);
            return ParseHex(state["noiseKey"]!.GetValue<string>());
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException
                                      or ArgumentException or OverflowException)
        {
            throw new ModelFormatException(source, "the checkpoint state is incomplete or malformed", e);
        }
    }

    private static string Hex(ulong value) => value.ToString("x16", CultureInfo.InvariantCulture);

    private static ulong ParseHex(string text) =>
        ulong.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
