using Hltad.Io;

namespace Hltad.Tests.Io;

/// <summary>
/// The ntuple reader on h5py-written files (TestData/io/h5py_ntuple_mc.h5 from tools/reference/io_h5py_types.py,
/// values 100·event + 10·object + column) and on files with one thing wrong.
/// </summary>
public sealed class NtupleReaderTests
{
    private static readonly string McFile = TestData.Path("io", "h5py_ntuple_mc.h5");

    [Fact]
    public void ReadObjects_FourColumnFloat64_TakesLeadingObjectsColumns023()
    {
        using var reader = NtupleReader.Open(McFile, [NtupleDatasetSpec.Objects("HLT_electrons", 3)]);

        var electrons = reader.ReadObjects("HLT_electrons", 3);

        Assert.Equal(3, reader.EventCount);
        Assert.Equal(3, electrons.Objects);
        // Event 2, object 1: columns 0, 2, 3 → 210, 212, 213.
        Assert.Equal([210f, 212, 213], electrons.Event(2).Slice(3, 3).ToArray());
        Assert.Equal([0f, 2, 3, 10, 12, 13, 20, 22, 23], electrons.Event(0).ToArray());
    }

    [Fact]
    public void ReadObjects_ThreeColumns_KeepsColumns012()
    {
        using var reader = NtupleReader.Open(McFile, [NtupleDatasetSpec.Objects("L1_jFexSR_jets", 6)]);

        var jets = reader.ReadObjects("L1_jFexSR_jets", 6);

        Assert.Equal([150f, 151, 152], jets.Event(1).Slice(15, 3).ToArray());
    }

    [Fact]
    public void ReadMet_FourColumns_TakesColumns023()
    {
        using var reader = NtupleReader.Open(
            McFile, [NtupleDatasetSpec.Met("HLT_MET"), NtupleDatasetSpec.Met("L1_MET")]);

        Assert.Equal([100f, 102, 103], reader.ReadMet("HLT_MET").Event(1).ToArray());
        Assert.Equal([200f, 201, 202], reader.ReadMet("L1_MET").Event(2).ToArray());
    }

    [Fact]
    public void ReadFlags_Int32_TrueWhenNonZero()
    {
        using var reader = NtupleReader.Open(McFile, [NtupleDatasetSpec.PerEvent("pass_L1_unprescaled")]);

        Assert.Equal([true, false, true], reader.ReadFlags("pass_L1_unprescaled"));
    }

    [Fact]
    public void Open_MissingDataset_NamesFileAndDataset()
    {
        var error = Assert.Throws<InputDataException>(() =>
            NtupleReader.Open(McFile, [NtupleDatasetSpec.PerEvent("EB_weights")]));

        Assert.Equal($"{McFile}: dataset 'EB_weights': dataset is missing", error.Message);
    }

    [Fact]
    public void Open_ObjectsWithFiveColumns_SaysColumnCount()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("bad.h5");
        Hdf5Writer.Write(path, new Hdf5Datasets().Add("HLT_jets", new float[2 * 10 * 5], 2, 10, 5));

        var error = Assert.Throws<InputDataException>(() =>
            NtupleReader.Open(path, [NtupleDatasetSpec.Objects("HLT_jets", 6)]));

        Assert.Equal($"{path}: dataset 'HLT_jets': has 5 columns per object, expected 3 or 4", error.Message);
    }

    [Fact]
    public void Open_ObjectsOfRankTwo_SaysShape()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("bad.h5");
        Hdf5Writer.Write(path, new Hdf5Datasets().Add("HLT_jets", new float[8], 2, 4));

        var error = Assert.Throws<InputDataException>(() =>
            NtupleReader.Open(path, [NtupleDatasetSpec.Objects("HLT_jets", 6)]));

        Assert.Equal($"{path}: dataset 'HLT_jets': has shape (2, 4), expected (N, objects, 3 or 4)", error.Message);
    }

    [Fact]
    public void Open_TooFewObjects_SaysHowManyAreNeeded()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("bad.h5");
        Hdf5Writer.Write(path, new Hdf5Datasets().Add("HLT_jets", new float[2 * 4 * 4], 2, 4, 4));

        var error = Assert.Throws<InputDataException>(() =>
            NtupleReader.Open(path, [NtupleDatasetSpec.Objects("HLT_jets", 6)]));

        Assert.Contains("stores 4 objects per event, at least 6 are needed", error.Message);
    }

    [Fact]
    public void Open_DatasetsOfDifferentLengths_NamesBoth()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("bad.h5");
        Hdf5Writer.Write(path, new Hdf5Datasets()
            .Add("pass_L1_unprescaled", new long[5])
            .Add("pass_HLT_unprescaled", new long[4]));

        var error = Assert.Throws<InputDataException>(() => NtupleReader.Open(path,
            [NtupleDatasetSpec.PerEvent("pass_L1_unprescaled"), NtupleDatasetSpec.PerEvent("pass_HLT_unprescaled")]));

        Assert.Equal(
            $"{path}: dataset 'pass_HLT_unprescaled': has 4 events but 'pass_L1_unprescaled' has 5", error.Message);
    }

    [Fact]
    public void Open_MetWithTwoColumns_SaysColumnCount()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("bad.h5");
        Hdf5Writer.Write(path, new Hdf5Datasets().Add("HLT_MET", new float[6], 3, 2));

        var error = Assert.Throws<InputDataException>(() =>
            NtupleReader.Open(path, [NtupleDatasetSpec.Met("HLT_MET")]));

        Assert.Equal($"{path}: dataset 'HLT_MET': has 2 columns, expected 3 or 4", error.Message);
    }
}
