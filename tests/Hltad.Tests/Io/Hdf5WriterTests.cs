using Hltad.Io;
using PureHDF;

namespace Hltad.Tests.Io;

public sealed class Hdf5WriterTests
{
    [Theory]
    [InlineData(Hdf5Compression.None)]
    [InlineData(Hdf5Compression.GzipFast)]
    public void Write_EveryElementType_ReadsBackEqual(Hdf5Compression compression)
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("all.h5");
        float[] floats = [1.5f, -2.25f, float.NaN, 0, 7, 8];
        var contents = new Hdf5Datasets()
            .Add("f32", floats, 2, 3)
            .Add("f64", new[] { 0.1, 1e300, -3 })
            .Add("i32", new[] { int.MinValue, 0, int.MaxValue })
            .Add("i64", new[] { long.MinValue, 42L })
            .Add("u8", new byte[] { 0, 255 })
            .Add("flags", new[] { true, false, true, true }, 2, 2)
            .AddAttribute("tag", "EB_473255")
            .AddAttribute("rate", 1000.0)
            .AddAttribute("seed", 7L);

        Hdf5Writer.Write(path, contents, new Hdf5Storage(compression, ChunkRows: 1));

        using var file = Hdf5Reader.Open(path);
        Assert.Equal([2L, 3], file.Shape("f32"));
        Assert.Equal(floats, file.ReadFloat32("f32"));
        Assert.Equal([0.1, 1e300, -3], file.ReadFloat64("f64"));
        Assert.Equal([int.MinValue, 0, int.MaxValue], file.ReadInt32("i32"));
        Assert.Equal([long.MinValue, 42L], file.ReadInt64("i64"));
        Assert.Equal([0L, 255], file.ReadInt64("u8"));
        Assert.Equal([true, false, true, true], file.ReadBool("flags"));
        Assert.Equal([2L, 2], file.Shape("flags"));
        Assert.Equal("EB_473255", file.StringAttribute("tag"));
        Assert.Equal(1000.0, file.NumberAttribute("rate"));
        Assert.Equal(7.0, file.NumberAttribute("seed"));
        Assert.Equal(["all.h5"], directory.Files());
    }

    [Fact]
    public void Write_Bool_StoredAsH5pyBoolEnum()
    {
        // h5py maps an HDF5 enum of size 1 with members FALSE = 0, TRUE = 1 to numpy bool.
        using var directory = new TemporaryDirectory();
        string path = directory.File("flags.h5");

        Hdf5Writer.Write(path, new Hdf5Datasets().Add("passL1", new[] { false, true }));

        using var file = H5File.OpenRead(path);
        var type = file.Dataset("passL1").Type;
        Assert.Equal(H5DataTypeClass.Enumerated, type.Class);
        Assert.Equal(1, type.Size);
        Assert.Equal(H5DataTypeClass.FixedPoint, type.Enumeration.BaseType.Class);
        Assert.Equal([(byte)0, (byte)1], file.Dataset("passL1").Read<byte[]>());
    }

    [Fact]
    public void Write_EmptyDatasets_KeepTheirShape()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("empty.h5");

        Hdf5Writer.Write(path, new Hdf5Datasets().Add("HLT_data", Array.Empty<float>(), 0, 16, 3)
            .Add("passL1", Array.Empty<bool>()));

        using var file = Hdf5Reader.Open(path);
        Assert.Equal([0L, 16, 3], file.Shape("HLT_data"));
        Assert.Empty(file.ReadFloat32("HLT_data"));
        Assert.Empty(file.ReadBool("passL1"));
    }

    [Fact]
    public void Write_SameContentsTwice_IdenticalBytes()
    {
        using var directory = new TemporaryDirectory();
        var contents = new Hdf5Datasets().Add("x", new[] { 1f, 2f }).Add("b", new[] { true }).AddAttribute("a", "b");

        Hdf5Writer.Write(directory.File("one.h5"), contents);
        Hdf5Writer.Write(directory.File("two.h5"), contents);

        Assert.Equal(File.ReadAllBytes(directory.File("one.h5")), File.ReadAllBytes(directory.File("two.h5")));
    }

    [Fact]
    public void Add_ShapeNotMatchingArray_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Hdf5Datasets().Add("x", new float[5], 2, 3));

        Assert.Contains("shape (2, 3) holds 6 values, array has 5", error.Message);
    }

    [Fact]
    public void WritePending_NotCommitted_LeavesNoFile()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("out", "tag.h5");

        using (var pending = Hdf5Writer.WritePending(path, new Hdf5Datasets().Add("x", new[] { 1.0 })))
        {
            Assert.True(File.Exists(pending.TemporaryPath));
            Assert.False(File.Exists(path));
        }

        Assert.Empty(directory.Files());
    }

    [Fact]
    public void Write_DirectoryInTheWay_ThrowsOutputFileExceptionAndLeavesNoTemporary()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("tag.h5");
        Directory.CreateDirectory(path);

        var contents = new Hdf5Datasets().Add("x", new[] { 1.0 });

        var error = Assert.Throws<OutputFileException>(() => Hdf5Writer.Write(path, contents));

        Assert.Equal(path, error.Path);
        Assert.Empty(directory.Files());
    }

    [Fact]
    public void CommitAll_OneRenameFails_KeepsPreviousOutputsAndLeavesNoTemporaries()
    {
        using var directory = new TemporaryDirectory();
        string first = directory.File("a.h5");
        Hdf5Writer.Write(first, new Hdf5Datasets().Add("x", new[] { 1.0 }));
        byte[] previous = File.ReadAllBytes(first);
        Directory.CreateDirectory(directory.File("b.h5"));
        var pending = new List<PendingFile>
        {
            Hdf5Writer.WritePending(first, new Hdf5Datasets().Add("x", new[] { 2.0, 3.0 })),
            Hdf5Writer.WritePending(directory.File("b.h5"), new Hdf5Datasets().Add("x", new[] { 4.0 })),
        };

        Assert.Throws<OutputFileException>(() => PendingFile.CommitAll(pending));

        Assert.Equal(previous, File.ReadAllBytes(first));
        Assert.Equal(["a.h5"], directory.Files());
    }
}
