using System.Text.Json;
using Hltad.Data;
using Hltad.Physics;
using Hltad.Preprocessing;

namespace Hltad.Tests.Preprocessing;

public sealed class PreprocessInfoTests
{
    [Fact]
    public void ToJson_Scaler_DocumentedShape()
    {
        PreprocessInfo info = Run(PtNormalization.ZeroAwareStandardScaler);

        using JsonDocument json = JsonDocument.Parse(info.ToJson());
        JsonElement root = json.RootElement;

        Assert.Equal(
            [
                "format", "train_data_scheme", "pt_normalization_type", "mask", "L1AD_rate", "incoming_rate",
                "L1AD_threshold", "L1AD_pure_rate", "L1AD_total_rate", "split_seed", "train_fraction", "scalers",
                "global_division_means", "source_tags", "row_counts",
            ],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("hltad.preprocess_info/1", root.GetProperty("format").GetString());
        Assert.Equal("topo2A_train+overlap", root.GetProperty("train_data_scheme").GetString());
        Assert.Equal("ZeroAwareStandardScaler", root.GetProperty("pt_normalization_type").GetString());
        Assert.Equal(0.9f, root.GetProperty("L1AD_threshold").GetSingle());
        Assert.Equal(48, root.GetProperty("scalers").GetProperty("L1").GetProperty("std").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("global_division_means").ValueKind);
        Assert.Equal("EB_10", root.GetProperty("source_tags").GetProperty("0").GetString());
        Assert.Equal(
            ["EB_train", "EB_val", "EB_test", "ZZ4lep"],
            root.GetProperty("row_counts").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData(PtNormalization.StandardScaler)]
    [InlineData(PtNormalization.ZeroAwareStandardScaler)]
    [InlineData(PtNormalization.GlobalDivision)]
    [InlineData(PtNormalization.None)]
    public void FromJson_ToJson_SameInfo(PtNormalization normalization)
    {
        PreprocessInfo info = Run(normalization);

        PreprocessInfo again = PreprocessInfo.FromJson(info.ToJson());

        Assert.Equal(info.ToJson(), again.ToJson());
        Assert.Equal(info.L1adThreshold, again.L1adThreshold);
        Assert.Equal(info.SourceTags, again.SourceTags);
        Assert.Equal(info.HltScaler?.Mean, again.HltScaler?.Mean);
        Assert.Equal(info.HltScaler?.ZeroAware, again.HltScaler?.ZeroAware);
        Assert.Equal(info.L1GlobalDivisionMean, again.L1GlobalDivisionMean);
    }

    [Fact]
    public void SaveAndLoad_File_RoundTrips()
    {
        PreprocessInfo info = Run(PtNormalization.GlobalDivision);
        string path = Path.Combine(Path.GetTempPath(), $"hltad-info-{Guid.NewGuid():N}.json");
        try
        {
            info.Save(path);

            Assert.Equal(info.ToJson(), PreprocessInfo.Load(path).ToJson());
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".*.tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromJson_MissingKey_NamesIt()
    {
        string json = Run(PtNormalization.None).ToJson().Replace("\"L1AD_total_rate\"", "\"total\"");

        var e = Assert.Throws<InputDataException>(() => PreprocessInfo.FromJson(json, "out/preprocess_info.json"));

        Assert.Equal("out/preprocess_info.json: 'L1AD_total_rate' is missing", e.Message);
    }

    private static PreprocessInfo Run(PtNormalization normalization)
    {
        Dictionary<string, MatchedSample> matched = SyntheticMatched.Complete();
        var options = new PreprocessOptions(
            TrainDataScheme.Topo2ATrainPlusOverlap, normalization, L1adRateHz: 2, IncomingRateHz: 10, SplitSeed: 5);
        return Preprocessor.Run(matched, options).Info;
    }
}
