namespace Hltad.Io;

/// <summary>Element conversions from the stored HDF5 type to the type a caller asked for.</summary>
internal static class Hdf5Conversions
{
    public static float[] ToFloat32(double[] values)
    {
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = (float)values[i];
        }

        return result;
    }

    public static float[] ToFloat32(long[] values)
    {
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    public static long[] ToInt64(byte[] values) => Array.ConvertAll(values, value => (long)value);

    public static long[] ToInt64(sbyte[] values) => Array.ConvertAll(values, value => (long)value);

    public static long[] ToInt64(short[] values) => Array.ConvertAll(values, value => (long)value);

    public static long[] ToInt64(ushort[] values) => Array.ConvertAll(values, value => (long)value);

    public static long[] ToInt64(int[] values) => Array.ConvertAll(values, value => (long)value);

    public static long[] ToInt64(uint[] values) => Array.ConvertAll(values, value => (long)value);

    public static long[] ToInt64(ulong[] values, string path, string dataset)
    {
        var result = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] > long.MaxValue)
            {
                throw new InputDataException(path, dataset, $"value {values[i]} at index {i} does not fit in int64");
            }

            result[i] = (long)values[i];
        }

        return result;
    }
}
