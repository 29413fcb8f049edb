using System.Text.Json;
using Hltad.Evaluation;
using Hltad.Reports;
using Hltad.Tests.Evaluation;

namespace Hltad.Tests.Reports;

public sealed class StabilityFilesTests
{
    private static readonly EvaluationResults Results = EnsembleEvaluator.Evaluate(
        HandMadeEvaluationData.Samples,
        [
            new MemberScores(1, [HandMadeEvaluationData.Scores("HLT"), HandMadeEvaluationData.Scores("L1")]),
            new MemberScores(0, [HandMadeEvaluationData.Scores("HLT"), HandMadeEvaluationData.Scores("L1")]),
        ],
        HandMadeEvaluationData.Options);

    [Fact]
    public void SerializeEfficiencyGains_HasReferenceShape()
    {
        // {obj: {l1SeededASE, l1SeededTSE, l1SeededMiSE, l1AllASE, l1AllTSE: [member: {tag: {HLT_efficiency,
        // Combined_efficiency}}]}}; Sig L1-seeded TSE from the hand working: 1/3 and 1/2.
        using JsonDocument document = JsonDocument.Parse(StabilityFiles.SerializeEfficiencyGains(Results));
        JsonElement hlt = document.RootElement.GetProperty("HLT");

        Assert.Equal(["HLT", "L1"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["l1SeededASE", "l1SeededTSE", "l1SeededMiSE", "l1AllASE", "l1AllTSE"],
            hlt.EnumerateObject().Select(p => p.Name));
        JsonElement sig = hlt.GetProperty("l1SeededTSE")[1].GetProperty("Sig");
        Assert.Equal(2, hlt.GetProperty("l1SeededTSE").GetArrayLength());
        Assert.Equal(["HLT_efficiency", "Combined_efficiency"], sig.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.0 / 3, sig.GetProperty("HLT_efficiency").GetDouble(), 15);
        Assert.Equal(0.5, sig.GetProperty("Combined_efficiency").GetDouble(), 15);
    }

    [Fact]
    public void SerializeEfficiencies_HasReferenceShape()
    {
        // {HLT_l1Seeded, L1_l1Seeded, HLT_l1All, L1_l1All: [member: {tag: signal efficiency}]}; Sig: 2/3 and 0.8.
        using JsonDocument document = JsonDocument.Parse(StabilityFiles.SerializeEfficiencies(Results));
        JsonElement root = document.RootElement;

        Assert.Equal(
            ["HLT_l1Seeded", "L1_l1Seeded", "HLT_l1All", "L1_l1All"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2.0 / 3, root.GetProperty("HLT_l1Seeded")[0].GetProperty("Sig").GetDouble(), 15);
        Assert.Equal(0.8, root.GetProperty("L1_l1All")[1].GetProperty("Sig").GetDouble(), 15);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("HLT_l1All")[0].GetProperty("Unseeded").ValueKind);
    }

    [Fact]
    public void Write_TwoFilesInDirectory()
    {
        string directory = Directory.CreateTempSubdirectory("hltad-stability-").FullName;

        StabilityFiles.Write(directory, Results);

        Assert.Equal(
            ["stability_EG_results.json", "stability_E_results.json"],
            Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Directory.Delete(directory, true);
    }
}
