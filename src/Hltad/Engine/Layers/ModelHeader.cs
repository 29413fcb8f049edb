using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hltad.Engine.Layers;

/// <summary>Reads typed values out of a model or checkpoint header; every problem is a format error.</summary>
internal static class ModelHeader
{
    public static void ExpectKind(JsonObject header, string kind, string source)
    {
        string? found = header["kind"]?.GetValue<string>();
        if (found != kind)
        {
            throw new ModelFormatException(source, $"holds a '{found ?? "unknown"}', not a '{kind}'");
        }
    }

    public static T? Deserialize<T>(JsonObject header, string key, string source)
    {
        try
        {
            JsonNode? node = header[key];
            return node is null ? default : node.Deserialize<T>(StoreTensors.Json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new ModelFormatException(source, $"header entry '{key}' is malformed", e);
        }
    }

    public static ulong Seed(JsonObject header, string source) => UInt64(header, "seed", source);

    public static ulong UInt64(JsonObject header, string key, string source)
    {
        string? text = header[key]?.GetValue<string>();
        if (text is null || !ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong v))
        {
            throw new ModelFormatException(source, $"header entry '{key}' is not an unsigned 64-bit integer");
        }

        return v;
    }
}
