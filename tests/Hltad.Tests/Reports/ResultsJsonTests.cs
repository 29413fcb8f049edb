using System.Text;
using System.Text.Json;
using Hltad.Evaluation;
using Hltad.Reports;
using Hltad.Tests.Evaluation;

namespace Hltad.Tests.Reports;

public sealed class ResultsJsonTests
{
    private static readonly EvaluationResults HandMade = EnsembleEvaluator.Evaluate(
        HandMadeEvaluationData.Samples,
        [new MemberScores(0, [HandMadeEvaluationData.Scores("HLT"), HandMadeEvaluationData.Scores("L1")])],
        HandMadeEvaluationData.Options);

    [Fact]
    public void Serialize_HandMade_HasDocumentedShapeAndNulls()
    {
        using JsonDocument document = JsonDocument.Parse(ResultsJson.Serialize(HandMade));
        JsonElement root = document.RootElement;
        JsonElement seeded = root.GetProperty("members")[0].GetProperty("HLT").GetProperty("l1Seeded");

        Assert.Equal(
            ["format_version", "target_rate_hz", "l1ad_rate_hz", "l1all_incoming_rate_hz", "background_tag", "l1ad",
             "members", "summary"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(250, root.GetProperty("target_rate_hz").GetDouble());
        Assert.Equal(0.5, root.GetProperty("l1ad").GetProperty("threshold").GetDouble());
        Assert.Equal(
            [
                "threshold", "pure_rate_hz", "total_rate_hz", "incoming_rate_hz", "target_fpr", "ASE", "TSE", "MiSE",
                "roc",
            ],
            seeded.EnumerateObject().Select(p => p.Name));
        Assert.Equal((double)0.9f, seeded.GetProperty("threshold").GetDouble());
        Assert.Equal(
            ["EB_test", "NoHlt", "Sig", "Unseeded"], seeded.GetProperty("TSE").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            JsonValueKind.Null, seeded.GetProperty("TSE").GetProperty("NoHlt").GetProperty("gain_percent").ValueKind);
        Assert.Equal(
            JsonValueKind.Null, seeded.GetProperty("roc").GetProperty("Unseeded").GetProperty("auc").ValueKind);
        JsonElement l1All = root.GetProperty("members")[0].GetProperty("HLT").GetProperty("l1All");
        Assert.False(l1All.TryGetProperty("MiSE", out _));
        Assert.Equal(35, root.GetProperty("members")[0].GetProperty("HLT").GetProperty("pileup")
            .GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public void Serialize_SameResultsTwice_IdenticalBytes()
    {
        EvaluationResults again = EnsembleEvaluator.Evaluate(
            HandMadeEvaluationData.Samples.Reverse().ToArray(),
            [new MemberScores(0, [HandMadeEvaluationData.Scores("HLT"), HandMadeEvaluationData.Scores("L1")])],
            HandMadeEvaluationData.Options);

        Assert.Equal(ResultsJson.Serialize(HandMade), ResultsJson.Serialize(again));
    }

    [Fact]
    public void WriteThenRead_SyntheticResults_RoundTripsEveryValue()
    {
        EvaluationResults results = EnsembleEvaluator.Evaluate(
            SyntheticEvaluationData.Samples, SyntheticEvaluationData.Members, SyntheticEvaluationData.Options);
        string directory = Directory.CreateTempSubdirectory("hltad-results-").FullName;
        string path = Path.Combine(directory, "results.json");

        ResultsJson.Write(path, results);
        EvaluationResults read = ResultsJson.Read(path);

        Assert.Equal(["results.json"], Directory.GetFiles(directory).Select(Path.GetFileName));
        Assert.Equal(results.Options, read.Options);
        Assert.Equal(ResultsJson.Serialize(results), ResultsJson.Serialize(read));
        SummaryStatistic gain = read.Summary.Find("HLT")!
            .Efficiencies[new EfficiencyScheme(SeedingScheme.L1Seeded, EfficiencyKind.Tse)]["ZZ4lep"].GainPercent;
        Assert.Equal(3, gain.Count);
        Assert.Equal(results.Members[2].ObjectTypes[1].L1All.Threshold, read.Members[2].ObjectTypes[1].L1All.Threshold);
        Directory.Delete(directory, true);
    }

    [Fact]
    public void Parse_MissingKey_NamesItsPath()
    {
        string text = Encoding.UTF8.GetString(ResultsJson.Serialize(HandMade)).Replace("\"target_fpr\"", "\"fpr\"");

        var error = Assert.Throws<InputDataException>(() => ResultsJson.Parse(Encoding.UTF8.GetBytes(text), "r.json"));

        Assert.Contains("members[0].HLT.l1Seeded.target_fpr' is missing", error.Message);
    }

    [Fact]
    public void Parse_OtherVersion_Refused()
    {
        var error = Assert.Throws<InputDataException>(
            () => ResultsJson.Parse("{\"format_version\": 2}"u8, "r.json"));

        Assert.Contains("format_version", error.Message);
    }
}
