using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hltad.Engine;

/// <summary>
/// The file container of models and checkpoints (docs/model-format.md): the 8 ASCII bytes <c>HLTADNN1</c>,
/// a little-endian uint32 format version, a little-endian uint64 header length, the UTF-8 JSON header,
/// then the tensor data: little-endian float32 arrays at the byte offsets the header lists. The header
/// carries the data length and its FNV-1a 64-bit checksum, so a truncated or damaged file is refused.
/// </summary>
internal static class ModelContainer
{
    /// <summary>Current format version.</summary>
    public const uint FormatVersion = 1;

    private static readonly byte[] Magic = "HLTADNN1"u8.ToArray();
    private const int MaxHeaderBytes = 64 << 20;

    /// <summary>Writes a header (to which "tensors", "dataLength" and "dataChecksum" are added) and tensors.</summary>
    public static void Write(
        Stream stream,
        JsonObject header,
        IReadOnlyList<(string Name, int[] Shape, float[] Data)> tensors)
    {
        var table = new JsonArray();
        long offset = 0;
        foreach ((string name, int[] shape, float[] data) in tensors)
        {
            table.Add(new JsonObject
            {
                ["name"] = name,
                ["shape"] = new JsonArray(shape.Select(s => (JsonNode)s).ToArray()),
                ["offset"] = offset,
            });
            offset += data.Length * 4L;
        }

        byte[] blob = new byte[offset];
        long position = 0;
        foreach ((_, _, float[] data) in tensors)
        {
            Span<byte> target = blob.AsSpan((int)position, data.Length * 4);
            for (int i = 0; i < data.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(target[(i * 4)..], data[i]);
            }

            position += data.Length * 4L;
        }

        header["tensors"] = table;
        header["dataLength"] = offset;
        header["dataChecksum"] = Fnv1a64(blob).ToString("x16");
        byte[] json = Encoding.UTF8.GetBytes(header.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        Span<byte> prefix = stackalloc byte[20];
        Magic.CopyTo(prefix);
        BinaryPrimitives.WriteUInt32LittleEndian(prefix[8..], FormatVersion);
        BinaryPrimitives.WriteUInt64LittleEndian(prefix[12..], (ulong)json.Length);
        stream.Write(prefix);
        stream.Write(json);
        stream.Write(blob);
    }

    /// <summary>Reads a container.</summary>
    /// <exception cref="ModelFormatException">Any problem, naming <paramref name="source"/>.</exception>
    public static (JsonObject Header, Dictionary<string, (int[] Shape, float[] Data)> Tensors) Read(Stream stream,
        string source)
    {
        // Prefix: magic, version, header length.
        Span<byte> prefix = stackalloc byte[20];
        if (ReadFully(stream, prefix) < 20 || !prefix[..8].SequenceEqual(Magic))
        {
            throw new ModelFormatException(source, "not an hltad model or checkpoint file (bad magic bytes)");
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);
        if (version != FormatVersion)
        {
            throw new ModelFormatException(source,
                $"format version {version} is not supported (this build reads version {FormatVersion})");
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix[12..]);
        if (headerLength > MaxHeaderBytes)
        {
            throw new ModelFormatException(source, $"header length {headerLength} is implausible");
        }

        // Header JSON.
        byte[] json = new byte[headerLength];
        if (ReadFully(stream, json) < json.Length)
        {
            throw new ModelFormatException(source, "file ends inside the header");
        }

        JsonObject header;
        try
        {
            header = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("empty header");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new ModelFormatException(source, "the header is not a JSON object", e);
        }

        return (header, ReadTensors(stream, header, source));
    }

    /// <summary>FNV-1a, 64 bits, over the bytes.</summary>
    public static ulong Fnv1a64(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 0xcbf29ce484222325;
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * 0x100000001b3;
        }

        return hash;
    }

    private static Dictionary<string, (int[] Shape, float[] Data)> ReadTensors(Stream stream, JsonObject header,
        string source)
    {
        try
        {
            long length = header["dataLength"]!.GetValue<long>();
            string checksum = header["dataChecksum"]!.GetValue<string>();
            byte[] blob = new byte[length];
            if (ReadFully(stream, blob) < blob.Length)
            {
                throw new ModelFormatException(source, $"file ends inside the tensor data ({length} bytes expected)");
            }

            if (Fnv1a64(blob).ToString("x16") != checksum)
            {
                throw new ModelFormatException(source, "tensor data checksum does not match: the file is damaged");
            }

            var tensors = new Dictionary<string, (int[] Shape, float[] Data)>();
            foreach (JsonNode? entry in header["tensors"]!.AsArray())
            {
                string name = entry!["name"]!.GetValue<string>();
                int[] shape = entry["shape"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
                long offset = entry["offset"]!.GetValue<long>();
                int count = shape.Aggregate(1, (a, b) => checked(a * b));
                if (offset < 0 || offset + count * 4L > length)
                {
                    throw new ModelFormatException(source, $"tensor '{name}' lies outside the data");
                }

                float[] data = MemoryMarshal.Cast<byte, float>(blob.AsSpan((int)offset, count * 4)).ToArray();
                if (!BitConverter.IsLittleEndian)
                {
                    throw new PlatformNotSupportedException("big-endian machines are not supported");
                }

                tensors[name] = (shape, data);
            }

            return tensors;
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException
                                      or OverflowException or JsonException)
        {
            throw new ModelFormatException(source, "the header's tensor table is incomplete or malformed", e);
        }
    }

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
