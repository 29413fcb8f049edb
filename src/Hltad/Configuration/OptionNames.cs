using Hltad.Data;
using Hltad.Preprocessing;

namespace Hltad.Configuration;

/// <summary>
/// The spelling of every enumerated option in trial configurations, <c>preprocess_info.json</c> and training
/// logs: the reference study's strings (<c>topo2A_train+overlap</c>, <c>StandardScaler</c>, <c>HLT</c>, …).
/// Parsing is exact (case-sensitive).
/// </summary>
public static class OptionNames
{
    private static readonly (TrainDataScheme Value, string Name)[] Schemes =
    [
        (TrainDataScheme.Topo2ATrain, "topo2A_train"),
        (TrainDataScheme.L1NoalgHltAll, "L1noalg_HLTall"),
        (TrainDataScheme.Topo2ATrainPlusL1NoalgHltAll, "topo2A_train+L1noalg_HLTall"),
        (TrainDataScheme.Topo2ATrainPlusOverlap, "topo2A_train+overlap"),
    ];

    private static readonly (PtNormalization Value, string Name)[] Normalizations =
    [
        (PtNormalization.PerEvent, "per_event"),
        (PtNormalization.GlobalDivision, "global_division"),
        (PtNormalization.StandardScaler, "StandardScaler"),
        (PtNormalization.ZeroAwareStandardScaler, "ZeroAwareStandardScaler"),
        (PtNormalization.None, "none"),
    ];

    private static readonly (LossMaskKind Value, string Name)[] Masks =
    [
        (LossMaskKind.Values, "values"),
        (LossMaskKind.Objects, "objects"),
    ];

    private static readonly (ObjectType Value, string Name)[] ObjectTypes =
    [
        (ObjectType.Hlt, "HLT"),
        (ObjectType.L1, "L1"),
    ];

    /// <summary>Allowed <c>train_data_scheme</c> strings.</summary>
    public static IReadOnlyList<string> TrainDataSchemeNames { get; } = Schemes.Select(s => s.Name).ToArray();

    /// <summary>Allowed <c>pt_normalization_type</c> strings (JSON null also means <c>none</c>).</summary>
    public static IReadOnlyList<string> PtNormalizationNames { get; } = Normalizations.Select(s => s.Name).ToArray();

    /// <summary>Allowed <c>mask</c> strings.</summary>
    public static IReadOnlyList<string> MaskNames { get; } = Masks.Select(s => s.Name).ToArray();

    /// <summary>Allowed <c>object_types</c> entries.</summary>
    public static IReadOnlyList<string> ObjectTypeNames { get; } = ObjectTypes.Select(s => s.Name).ToArray();

    public static string Of(TrainDataScheme value) => NameOf(Schemes, value);

    public static string Of(PtNormalization value) => NameOf(Normalizations, value);

    public static string Of(LossMaskKind value) => NameOf(Masks, value);

    public static string Of(ObjectType value) => NameOf(ObjectTypes, value);

    public static bool TryParse(string name, out TrainDataScheme value) => TryParse(Schemes, name, out value);

    public static bool TryParse(string name, out PtNormalization value) => TryParse(Normalizations, name, out value);

    public static bool TryParse(string name, out LossMaskKind value) => TryParse(Masks, name, out value);

    public static bool TryParse(string name, out ObjectType value) => TryParse(ObjectTypes, name, out value);

    /// <summary>"one of 'a', 'b', 'c'" for error messages.</summary>
    internal static string OneOf(IReadOnlyList<string> names) =>
        "one of " + string.Join(", ", names.Select(n => $"'{n}'"));

    private static string NameOf<T>((T Value, string Name)[] table, T value)
        where T : struct, Enum
    {
        foreach ((T candidate, string name) in table)
        {
            if (EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "not a defined option value");
    }

    private static bool TryParse<T>((T Value, string Name)[] table, string name, out T value)
        where T : struct, Enum
    {
        foreach ((T candidate, string candidateName) in table)
        {
            if (string.Equals(candidateName, name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
