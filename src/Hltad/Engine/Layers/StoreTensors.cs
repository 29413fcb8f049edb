using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hltad.Engine.Layers;

/// <summary>Moves a <see cref="ParameterStore"/>'s tensors to and from named arrays (files, checkpoints).</summary>
internal static class StoreTensors
{
    /// <summary>JSON options for records in headers: camelCase, NaN and ±∞ allowed, round-trip doubles.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    /// <summary>Trainable tensors read from <paramref name="values"/>, statistics from the other array.</summary>
    public static Dictionary<string, float[]> Export(ParameterStore store, float[] values, float[] statistics,
        string prefix = "")
    {
        var tensors = new Dictionary<string, float[]>();
        foreach (ParameterSlot slot in store.Trainable)
        {
            tensors[prefix + slot.Name] = values.AsSpan(slot.Offset, slot.Length).ToArray();
        }

        foreach (ParameterSlot slot in store.Statistics)
        {
            tensors[prefix + slot.Name] = statistics.AsSpan(slot.Offset, slot.Length).ToArray();
        }

        return tensors;
    }

    /// <summary>Fills <paramref name="values"/> and <paramref name="statistics"/>.</summary>
    /// <exception cref="ModelFormatException">A tensor is missing or has the wrong size.</exception>
    public static void Import(ParameterStore store, IReadOnlyDictionary<string, float[]> tensors, float[] values,
        float[] statistics, string source, string prefix = "")
    {
        foreach (ParameterSlot slot in store.Trainable)
        {
            Find(tensors, prefix + slot.Name, slot.Length, source).CopyTo(values, slot.Offset);
        }

        foreach (ParameterSlot slot in store.Statistics)
        {
            Find(tensors, prefix + slot.Name, slot.Length, source).CopyTo(statistics, slot.Offset);
        }
    }

    /// <summary>Fills only the trainable tensors (Adam moments) into <paramref name="values"/>.</summary>
    public static void ImportTrainable(ParameterStore store, IReadOnlyDictionary<string, float[]> tensors,
        float[] values, string source, string prefix)
    {
        foreach (ParameterSlot slot in store.Trainable)
        {
            Find(tensors, prefix + slot.Name, slot.Length, source).CopyTo(values, slot.Offset);
        }
    }

    /// <summary>Shape of a slot as written to files: [rows, columns] for kernels, [length] otherwise.</summary>
    public static int[] Shape(ParameterSlot slot) => slot.Rows > 1 ? [slot.Rows, slot.Columns] : [slot.Length];

    private static float[] Find(IReadOnlyDictionary<string, float[]> tensors, string name, int length, string source)
    {
        if (!tensors.TryGetValue(name, out float[]? data))
        {
            throw new ModelFormatException(source, $"tensor '{name}' is missing");
        }

        if (data.Length != length)
        {
            throw new ModelFormatException(source,
                $"tensor '{name}' has {data.Length} values, the network needs {length}");
        }

        return data;
    }
}
