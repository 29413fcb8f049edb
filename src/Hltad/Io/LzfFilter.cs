using PureHDF.Filters;

namespace Hltad.Io;

/// <summary>
/// The LZF filter of h5py (HDF5 filter id 32000), decompression only. PureHDF has no built-in LZF; the
/// decoder follows the public LZF block format: a control byte below 32 announces that many plus one
/// literal bytes; otherwise its top three bits are a match length (7 = extended by the next byte) and its
/// low five bits the high part of a back-reference distance whose low byte follows.
/// </summary>
internal sealed class LzfFilter : IH5Filter
{
    public const ushort Id = 32000;

    public ushort FilterId => Id;

    public string Name => "lzf";

    public Memory<byte> Filter(FilterInfo info)
    {
        if (!info.Flags.HasFlag(H5FilterFlags.Decompress))
        {
            throw new NotSupportedException("writing LZF-compressed data is not supported");
        }

        // h5py stores the uncompressed chunk size in the third client value; the chunk size is the fallback.
        int expected = info.Parameters.Length >= 3 && info.Parameters[2] > 0
            ? (int)info.Parameters[2]
            : info.ChunkSize;
        var output = new byte[expected];
        int written = Decompress(info.Buffer.Span, output);
        return output.AsMemory(0, written);
    }

    public uint[] GetParameters(uint[] chunkDimensions, uint typeSize, Dictionary<string, object>? options)
    {
        throw new NotSupportedException("writing LZF-compressed data is not supported");
    }

    /// <summary>Decodes one LZF block into <paramref name="output"/>; returns the number of bytes written.</summary>
    internal static int Decompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int ip = 0;
        int op = 0;
        while (ip < input.Length)
        {
            int control = input[ip++];
            if (control < 32)
            {
                // Literal run of control + 1 bytes.
                int length = control + 1;
                if (ip + length > input.Length || op + length > output.Length)
                {
                    throw new InvalidDataException("LZF literal run overruns the chunk");
                }

                input.Slice(ip, length).CopyTo(output[op..]);
                ip += length;
                op += length;
                continue;
            }

            // Back-reference: length and distance, copied byte by byte because the ranges may overlap.
            int matchLength = control >> 5;
            if (matchLength == 7)
            {
                matchLength += ReadByte(input, ref ip);
            }

            int reference = op - ((control & 0x1f) << 8) - 1 - ReadByte(input, ref ip);
            matchLength += 2;
            if (reference < 0 || op + matchLength > output.Length)
            {
                throw new InvalidDataException("LZF back-reference lies outside the chunk");
            }

            for (int i = 0; i < matchLength; i++)
            {
                output[op++] = output[reference++];
            }
        }

        return op;
    }

    private static int ReadByte(ReadOnlySpan<byte> input, ref int position)
    {
        if (position >= input.Length)
        {
            throw new InvalidDataException("LZF block ends inside a back-reference");
        }

        return input[position++];
    }
}
