using System.Text;
using System.Text.Json;
using Hltad.Data;
using Hltad.Physics;
using Hltad.Preprocessing;

namespace Hltad.Configuration;

/// <summary>
/// The options of one trial: preprocessing, network, training and evaluation, read from one JSON file whose
/// keys are the reference study's (<c>train_data_scheme</c>, <c>L1AD_rate</c>, …; see <see cref="Keys"/>).
/// Every key is optional; a key left out keeps the default documented on its property. Unknown keys and values
/// of the wrong type or out of range are <see cref="ConfigurationException"/>s naming the key and what is allowed.
/// Command-line options override file values through <see cref="WithOverrides"/> or <c>with</c> expressions
/// (followed by <see cref="Validate"/>).
/// </summary>
/// <remarks>
/// Two configurations are equal when their <see cref="ToJson"/> forms are equal.
/// </remarks>
public sealed record TrialConfig
{
    /// <summary>
    /// <c>train_data_scheme</c>: which EB events train the networks (section 6 step 2). Default <c>topo2A_train</c>.
    /// </summary>
    public TrainDataScheme TrainDataScheme { get; init; } = TrainDataScheme.Topo2ATrain;

    /// <summary>
    /// <c>pt_normalization_type</c> (section 6 steps 8, 10). Default <c>StandardScaler</c>; null means none.
    /// </summary>
    public PtNormalization PtNormalization { get; init; } = PtNormalization.StandardScaler;

    /// <summary>
    /// <c>L1AD_rate</c>: L1AD pure-rate budget that sets the L1AD threshold, Hz, &gt; 0. Default 1000.
    /// </summary>
    public double L1adRateHz { get; init; } = PhysicsConstants.DefaultL1adRateHz;

    /// <summary>
    /// <c>save_path</c>: folder of the trained members. No default (null): the train command needs it.
    /// </summary>
    public string? SavePath { get; init; }

    /// <summary><c>dropout_p</c>: dropout probability of the hidden layers, 0 ≤ p &lt; 1. Default 0.1.</summary>
    public double DropoutP { get; init; } = 0.1;

    /// <summary>
    /// <c>L2_reg_coupling</c>: coefficient of the L2 kernel penalty Σ w² (section 7), ≥ 0. Default 0.01.
    /// </summary>
    public double L2RegCoupling { get; init; } = 0.01;

    /// <summary><c>latent_dim</c>: width of the latent layer, ≥ 1. Default 4.</summary>
    public int LatentDim { get; init; } = 4;

    /// <summary>
    /// <c>large_network</c>: the large (true) or small (false) autoencoder of section 7. Default true.
    /// </summary>
    public bool LargeNetwork { get; init; } = true;

    /// <summary><c>num_trainings</c>: ensemble members, ≥ 1. Default 10.</summary>
    public int NumTrainings { get; init; } = 10;

    /// <summary>
    /// <c>training_weights</c>: train with 1000 · w / Σ w(EB_val) event weights (true) or all 1. Default true.
    /// </summary>
    public bool TrainingWeights { get; init; } = true;

    /// <summary><c>matched_path</c>: folder of the matched <c>&lt;tag&gt;.h5</c> files. No default (null).</summary>
    public string? MatchedPath { get; init; }

    /// <summary>
    /// <c>seed</c>: seeds the EB_train/EB_val split (section 6 step 9) and, through derived seeds, the members.
    /// An integer 0 ≤ seed ≤ 2⁶³ − 1. Default 0.
    /// </summary>
    public long Seed { get; init; }

    /// <summary><c>epochs</c>: most epochs per member, ≥ 1. Default 500.</summary>
    public int Epochs { get; init; } = 500;

    /// <summary><c>batch_size</c>: events per batch, ≥ 1. Default 512.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>
    /// <c>early_stopping_patience</c>: epochs without validation improvement before stopping, ≥ 0. Default 9.
    /// </summary>
    public int EarlyStoppingPatience { get; init; } = 9;

    /// <summary>
    /// <c>lr_patience</c>: epochs without improvement before the learning rate × 0.1, ≥ 0. Default 6.
    /// </summary>
    public int LrPatience { get; init; } = 6;

    /// <summary><c>object_types</c>: which networks to train, distinct entries of HLT, L1. Default both.</summary>
    public IReadOnlyList<ObjectType> ObjectTypes { get; init; } = [ObjectType.Hlt, ObjectType.L1];

    /// <summary><c>mask</c>: loss mask, <c>values</c> (reference) or <c>objects</c>. Default <c>values</c>.</summary>
    public LossMaskKind Mask { get; init; } = LossMaskKind.Values;

    /// <summary><c>target_rate</c>: HLTAD pure-rate budget of evaluation (section 9), Hz, &gt; 0. Default 10.</summary>
    public double TargetRateHz { get; init; } = PhysicsConstants.DefaultTargetRateHz;

    /// <summary><c>incoming_rate</c>: the L1 input rate (section 5), Hz, &gt; 0. Default 40 MHz.</summary>
    public double IncomingRateHz { get; init; } = PhysicsConstants.BunchCrossingRateHz;

    /// <summary>The configuration keys, in the order <see cref="ToJson"/> writes them.</summary>
    public static IReadOnlyList<string> Keys { get; } = TrialConfigKeys.All.Select(k => k.Name).ToArray();

    /// <summary>Reads a trial configuration file over the defaults.</summary>
    /// <exception cref="InputDataException">The file cannot be read or is not a JSON object.</exception>
    /// <exception cref="ConfigurationException">An unknown key or a bad value.</exception>
    public static TrialConfig Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputDataException(path, null, $"cannot read the trial configuration: {e.Message}", e);
        }

        return Parse(json, path);
    }

    /// <summary>Parses a trial configuration (a JSON object) over the defaults.</summary>
    /// <param name="json">The JSON text; comments and trailing commas are allowed.</param>
    /// <param name="source">Names the text in errors about its syntax (a path, or "trial configuration").</param>
    /// <exception cref="InputDataException">The text is not a JSON object.</exception>
    /// <exception cref="ConfigurationException">An unknown or repeated key, or a bad value.</exception>
    public static TrialConfig Parse(string json, string source = "trial configuration")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException e)
        {
            throw new InputDataException(source, null, $"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InputDataException(source, null, "a trial configuration must be a JSON object of keys");
            }

            var config = new TrialConfig();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                TrialConfigKey key = TrialConfigKeys.Find(property.Name);
                if (!seen.Add(property.Name))
                {
                    throw new ConfigurationException(property.Name, "is given more than once");
                }

                config = key.FromJson(config, property.Value);
                key.Check(config);
            }

            return config;
        }
    }

    /// <summary>
    /// This configuration with some keys replaced by command-line text: numbers in invariant culture
    /// (<c>1e5</c>, <c>0.1</c>), booleans <c>true</c>/<c>false</c>, enumerated values by their names,
    /// <c>object_types</c> as a comma-separated list (<c>HLT,L1</c>), paths as they are.
    /// </summary>
    /// <param name="overrides">Key (as in the JSON file) → value text.</param>
    /// <exception cref="ConfigurationException">An unknown key or a bad value.</exception>
    public TrialConfig WithOverrides(IReadOnlyDictionary<string, string> overrides)
    {
        TrialConfig config = this;
        foreach ((string name, string text) in overrides)
        {
            TrialConfigKey key = TrialConfigKeys.Find(name);
            config = key.FromText(config, text);
            key.Check(config);
        }

        return config;
    }

    /// <summary>Checks every value (for configurations built with <c>with</c> expressions).</summary>
    /// <exception cref="ConfigurationException">
    /// The first key, in <see cref="Keys"/> order, with a bad value.
    /// </exception>
    public TrialConfig Validate()
    {
        foreach (TrialConfigKey key in TrialConfigKeys.All)
        {
            key.Check(this);
        }

        return this;
    }

    /// <summary>All keys with their values, in <see cref="Keys"/> order; <see cref="Parse"/> reads it back.</summary>
    /// <param name="indented">Indented (for files) or one line (for <c>training_documentation.jsonl</c>).</param>
    public string ToJson(bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            foreach (TrialConfigKey key in TrialConfigKeys.All)
            {
                key.Write(writer, this);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The preprocessing options of this trial; the split seed is <see cref="Seed"/>.</summary>
    public PreprocessOptions ToPreprocessOptions() => new(
        TrainDataScheme,
        PtNormalization,
        L1adRateHz,
        IncomingRateHz,
        (ulong)Seed,
        Mask);

    public bool Equals(TrialConfig? other) => other is not null && ToJson(false) == other.ToJson(false);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToJson(false));
}
