using Hltad.Data;
using Hltad.Io;

namespace Hltad.Tests.Io;

public sealed class MatchedSampleFileTests
{
    [Fact]
    public void WriteRead_EbSample_RoundTripsWithSectionFourTypes()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("EB_473255.h5");
        var sample = Sample("EB_473255", 3, enhancedBias: true);

        MatchedSampleFile.Write(path, sample);
        var back = MatchedSampleFile.Read(path);

        using (var file = Hdf5Reader.Open(path))
        {
            Assert.Equal(
                ["HLT_data", "L1_data", "passL1", "passHLT", "weights", "topo2A_AD_scores", "run_numbers",
                    "event_numbers", "pileups"],
                file.DatasetNames());
            Assert.Equal([3L, 16, 3], file.Shape("HLT_data"));
            Assert.Equal(Hdf5ElementType.Float32, file.ElementType("L1_data"));
            Assert.Equal(Hdf5ElementType.Bool, file.ElementType("passL1"));
            Assert.Equal(Hdf5ElementType.Bool, file.ElementType("passHLT"));
            Assert.Equal(Hdf5ElementType.Float64, file.ElementType("weights"));
            Assert.Equal(Hdf5ElementType.Float32, file.ElementType("topo2A_AD_scores"));
            Assert.Equal(Hdf5ElementType.Int64, file.ElementType("run_numbers"));
            Assert.Equal(Hdf5ElementType.Int64, file.ElementType("event_numbers"));
            Assert.Equal(Hdf5ElementType.Float32, file.ElementType("pileups"));
            Assert.Empty(file.AttributeNames());
        }

        Assert.Equal("EB_473255", back.Tag);
        Assert.Equal(sample.Hlt.Values, back.Hlt.Values);
        Assert.Equal(sample.L1.Values, back.L1.Values);
        Assert.Equal(sample.PassL1, back.PassL1);
        Assert.Equal(sample.PassHlt, back.PassHlt);
        Assert.Equal(sample.Weights, back.Weights);
        Assert.Equal(sample.L1adScores, back.L1adScores);
        Assert.Equal(sample.RunNumbers, back.RunNumbers);
        Assert.Equal(sample.EventNumbers, back.EventNumbers);
        Assert.Equal(sample.Pileups, back.Pileups);
    }

    [Fact]
    public void WriteRead_McSample_HasNoEbOnlyDatasets()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("ZZ4lep.h5");

        MatchedSampleFile.Write(path, Sample("ZZ4lep", 2, enhancedBias: false));
        var back = MatchedSampleFile.Read(path);

        Assert.Null(back.RunNumbers);
        Assert.Null(back.EventNumbers);
        Assert.Null(back.Pileups);
        Assert.Equal(2, back.Count);
    }

    [Fact]
    public void Read_HltDataOfWrongShape_NamesDataset()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("bad.h5");
        Hdf5Writer.Write(path, new Hdf5Datasets().Add("HLT_data", new float[2 * 15 * 3], 2, 15, 3));

        var error = Assert.Throws<InputDataException>(() => MatchedSampleFile.Read(path));

        Assert.Equal($"{path}: dataset 'HLT_data': has shape (2, 15, 3), expected (N, 16, 3)", error.Message);
    }

    internal static MatchedSample Sample(string tag, int n, bool enhancedBias)
    {
        var hlt = new EventArrays(n);
        var l1 = new EventArrays(n);
        for (int i = 0; i < hlt.Values.Length; i++)
        {
            hlt.Values[i] = i * 0.5f;
            l1.Values[i] = i % 5 == 0 ? float.NaN : -i;
        }

        return new MatchedSample
        {
            Tag = tag,
            Hlt = hlt,
            L1 = l1,
            PassL1 = Enumerable.Range(0, n).Select(i => i % 2 == 0).ToArray(),
            PassHlt = Enumerable.Range(0, n).Select(i => i % 3 == 0).ToArray(),
            Weights = Enumerable.Range(0, n).Select(i => 1000.0 / (i + 1)).ToArray(),
            L1adScores = Enumerable.Range(0, n).Select(i => i * 0.25f).ToArray(),
            RunNumbers = enhancedBias ? Enumerable.Repeat(473255L, n).ToArray() : null,
            EventNumbers = enhancedBias ? Enumerable.Range(0, n).Select(i => 5_000_000_000L + i).ToArray() : null,
            Pileups = enhancedBias ? Enumerable.Range(0, n).Select(i => 50f + i).ToArray() : null,
        };
    }
}
