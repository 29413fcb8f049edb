using Hltad.Io;

namespace Hltad.Tests.Io;

/// <summary>
/// Reads files written by h5py (tools/reference/io_h5py_types.py made TestData/io/h5py_types.h5; the expected
/// values below are the formulas that script used).
/// </summary>
public sealed class Hdf5ReaderTests
{
    private static readonly string TypesFile = TestData.Path("io", "h5py_types.h5");

    [Fact]
    public void ReadFloat32_Float64Dataset_ConvertsEveryValue()
    {
        using var file = Hdf5Reader.Open(TypesFile);

        float[] values = file.ReadFloat32("f64_objects");

        Assert.Equal([4L, 7, 4], file.Shape("f64_objects"));
        Assert.Equal(Hdf5ElementType.Float64, file.ElementType("f64_objects"));
        Assert.Equal(Enumerable.Range(0, 112).Select(i => i / 8f), values);
    }

    [Fact]
    public void ReadInt64_IntegerDatasetsOfEverySize_ConvertsValues()
    {
        using var file = Hdf5Reader.Open(TypesFile);

        Assert.Equal([-2L, -1, 0, 1, 2], file.ReadInt64("i32"));
        Assert.Equal([0L, 1, 2, 254, 255], file.ReadInt64("u8"));
        Assert.Equal([-300L, 0, 300], file.ReadInt64("i16"));
        Assert.Equal([0L, 1, 1L << 40], file.ReadInt64("u64"));
        Assert.Equal([-2f, -1, 0, 1, 2], file.ReadFloat32("i32"));
        Assert.Equal([-2.0, -1, 0, 1, 2], file.ReadFloat64("i32"));
    }

    [Fact]
    public void ReadBool_H5pyBoolAndIntegers_GivesFlags()
    {
        using var file = Hdf5Reader.Open(TypesFile);

        Assert.Equal(Hdf5ElementType.Bool, file.ElementType("flags"));
        Assert.Equal([true, false, false, true], file.ReadBool("flags"));
        Assert.Equal([true, true, false, true, true], file.ReadBool("i32"));
    }

    [Fact]
    public void ReadFloat32_LzfChunkedDataset_Decompresses()
    {
        using var file = Hdf5Reader.Open(TypesFile);

        float[] values = file.ReadFloat32("lzf_objects");

        // arange(10800) * 0.5 as (600, 6, 3) with objects 2-5 zeroed.
        var expected = Enumerable.Range(0, 10800).Select(i => i % 18 < 6 ? i * 0.5f : 0f);
        Assert.Equal(expected, values);
    }

    [Fact]
    public void ReadFloat32_GzipShuffleChunkedDataset_Decompresses()
    {
        using var file = Hdf5Reader.Open(TypesFile);

        float[] values = file.ReadFloat32("gzip_objects");

        Assert.Equal(Enumerable.Range(0, 40000).Select(i => i % 997 * 0.25f), values);
    }

    [Fact]
    public void StringAttribute_H5pyAttribute_Reads()
    {
        using var file = Hdf5Reader.Open(TypesFile);

        Assert.Equal("written by h5py", file.StringAttribute("comment"));
        Assert.Null(file.StringAttribute("absent"));
    }

    [Fact]
    public void ReadInt64_StringDataset_NamesFileAndDataset()
    {
        using var file = Hdf5Reader.Open(TypesFile);

        var error = Assert.Throws<InputDataException>(() => file.ReadInt64("text"));

        Assert.Equal("text", error.Dataset);
        Assert.Contains(TypesFile, error.Message);
        Assert.Contains("integers are expected", error.Message);
    }

    [Fact]
    public void ReadFloat32_MissingDataset_NamesFileAndDataset()
    {
        using var file = Hdf5Reader.Open(TypesFile);

        var error = Assert.Throws<InputDataException>(() => file.ReadFloat32("HLT_jets"));

        Assert.Equal($"{TypesFile}: dataset 'HLT_jets': dataset is missing", error.Message);
    }

    [Fact]
    public void Open_MissingFile_SaysFileNotFound()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("absent.h5");

        var error = Assert.Throws<InputDataException>(() => Hdf5Reader.Open(path));

        Assert.Equal($"{path}: file not found", error.Message);
    }

    [Fact]
    public void Open_TextFile_SaysNotHdf5()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("notes.h5");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("not an HDF5 file at all. ", 20)));

        var error = Assert.Throws<InputDataException>(() => Hdf5Reader.Open(path));

        Assert.Equal($"{path}: not an HDF5 file", error.Message);
    }

    [Fact]
    public void Open_TruncatedFile_SaysTruncated()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("cut.h5");
        byte[] bytes = File.ReadAllBytes(TypesFile);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InputDataException>(() =>
        {
            using var file = Hdf5Reader.Open(path);
            file.ReadFloat32("gzip_objects");
        });

        Assert.StartsWith($"{path}: ", error.Message);
        Assert.Contains("truncated", error.Message);
    }
}
