using Hltad.Onnx;

namespace Hltad.Tests.Onnx;

/// <summary>Reading h5py-written event datasets; expected rows from tools/reference/onnx_fixture_scores.py.</summary>
public sealed class ScoreFileHdf5Tests
{
    [Theory]
    [InlineData("fixture_matched.h5", "HLT_data")]
    [InlineData("fixture_matched.h5", "L1_data")]
    [InlineData("fixture_preprocessed.h5", "HLT_data")]
    [InlineData("fixture_preprocessed.h5", "L1_data")]
    public void ReadEvents_H5pyFile_FlattensRowMajor(string file, string dataset)
    {
        // (64, 16, 3) contiguous and (64, 48) gzip + shuffle + chunked, both float32.
        (int[] indices, float[][] rows) = FixtureScores.Rows(file, dataset);

        (float[] values, int count) = ScoreFileHdf5.ReadEvents(FixtureScores.DataFile(file), dataset);

        Assert.Equal(64, count);
        for (int r = 0; r < indices.Length; r++)
        {
            Assert.Equal(rows[r], values.AsSpan(indices[r] * 48, 48).ToArray());
        }
    }

    [Fact]
    public void ReadEvents_MissingDataset_ThrowsNamingFileAndDataset()
    {
        string path = FixtureScores.DataFile("fixture_matched.h5");

        var error = Assert.Throws<InputDataException>(() => ScoreFileHdf5.ReadEvents(path, "HLT_objects"));

        Assert.Equal(path, error.Path);
        Assert.Equal("HLT_objects", error.Dataset);
        Assert.Contains("no such dataset", error.Message);
    }

    [Fact]
    public void WriteScores_ThenRead_RoundTrips()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("scores.h5");
        float[] scores = [0f, 1.5f, -2.25f, float.MaxValue];

        ScoreFileHdf5.WriteScores(path, "L1_AD_scores", scores);

        using var file = PureHDF.H5File.OpenRead(path);
        Assert.Equal(scores, PureHDF.IH5GroupExtensions.Dataset(file, "L1_AD_scores").Read<float[]>());
        Assert.Equal(["scores.h5"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }
}
