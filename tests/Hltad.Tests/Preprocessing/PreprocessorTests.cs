using Hltad.Configuration;
using Hltad.Data;
using Hltad.Physics;
using Hltad.Preprocessing;

namespace Hltad.Tests.Preprocessing;

public sealed class PreprocessorTests
{
    // topo2A_train of SyntheticMatched: 10 events of weight 1, none passing L1, scores 0.1 … 1.0. With an incoming
    // rate of 10 Hz each event adds 1 Hz, so a 2 Hz budget sets the threshold at the second-highest score, 0.9.
    private static readonly PreprocessOptions Synthetic = new(
        TrainDataScheme.Topo2ATrain, PtNormalization.None, L1adRateHz: 2, IncomingRateHz: 10);

    public static TheoryData<string> AllSchemes() => new(OptionNames.TrainDataSchemeNames);

    [Theory]
    [MemberData(nameof(AllSchemes))]
    public void Run_NoTopo2ATrain_ErrorNamesTagAndScheme(string scheme)
    {
        Dictionary<string, MatchedSample> matched = SyntheticMatched.Complete();
        matched.Remove(SampleTags.Topo2ATrain);

        var e = Assert.Throws<HltadException>(() => Preprocessor.Run(matched, WithScheme(scheme)));

        Assert.Contains($"train_data_scheme '{scheme}' needs the matched tag 'topo2A_train'", e.Message);
        Assert.Contains("L1AD threshold", e.Message);
    }

    [Theory]
    [InlineData("L1noalg_HLTall")]
    [InlineData("topo2A_train+L1noalg_HLTall")]
    [InlineData("topo2A_train+overlap")]
    public void Run_NoHltNoalgTag_ErrorNamesTagAndScheme(string scheme)
    {
        Dictionary<string, MatchedSample> matched = SyntheticMatched.Complete();
        matched.Remove(SampleTags.NoHltSelection);

        var e = Assert.Throws<HltadException>(() => Preprocessor.Run(matched, WithScheme(scheme)));

        Assert.Contains($"train_data_scheme '{scheme}' needs the matched tag 'HLT_noalg_eb_L1All'", e.Message);
        Assert.Contains("matched tags present: EB_10, EB_2, ZZ4lep, topo2A_train", e.Message);
    }

    [Fact]
    public void Run_TopoSchemeWithoutHltNoalgTag_Works()
    {
        Dictionary<string, MatchedSample> matched = SyntheticMatched.Complete();
        matched.Remove(SampleTags.NoHltSelection);

        PreprocessResult result = Preprocessor.Run(matched, Synthetic);

        Assert.Equal(["EB_train", "EB_val", "EB_test", "ZZ4lep"], result.Samples.Select(s => s.Tag));
    }

    [Theory]
    [MemberData(nameof(AllSchemes))]
    public void Run_NoEbRunTag_ErrorNamesEbTestAndScheme(string scheme)
    {
        Dictionary<string, MatchedSample> matched = SyntheticMatched.Complete();
        matched.Remove("EB_2");
        matched.Remove("EB_10");

        var e = Assert.Throws<HltadException>(() => Preprocessor.Run(matched, WithScheme(scheme)));

        Assert.Contains($"train_data_scheme '{scheme}' needs at least one matched tag 'EB_<run>'", e.Message);
        Assert.Contains("EB_test", e.Message);
    }

    [Fact]
    public void Run_MatchedTagNamedEbVal_Throws()
    {
        Dictionary<string, MatchedSample> matched = SyntheticMatched.Complete();
        matched["EB_val"] = SyntheticMatched.Sample("EB_val", [0.1f]);

        var e = Assert.Throws<HltadException>(() => Preprocessor.Run(matched, Synthetic));

        Assert.Contains("'EB_val' has the name of a preprocessed sample", e.Message);
    }

    [Fact]
    public void Run_EbTrainOfOneEvent_ThrowsBecauseTrainPartIsEmpty()
    {
        Dictionary<string, MatchedSample> matched = SyntheticMatched.Complete();
        matched[SampleTags.Topo2ATrain] = SyntheticMatched.Sample(SampleTags.Topo2ATrain, [0.5f]);

        var e = Assert.Throws<HltadException>(() => Preprocessor.Run(
            matched, Synthetic with { L1adRateHz = 1 }));

        Assert.Contains("EB_train has 1 event(s) before the split", e.Message);
    }

    [Fact]
    public void Run_UnreachableL1adRate_ImpossibleRateWithReachableRate()
    {
        // All 10 events together give 10 Hz.
        var e = Assert.Throws<ImpossibleRateException>(() => Preprocessor.Run(
            SyntheticMatched.Complete(), Synthetic with { L1adRateHz = 11 }));

        Assert.Equal(10, e.ReachableHz, 12);
    }

    [Fact]
    public void Run_Threshold_SeedsEveryTagAtOrAboveIt()
    {
        PreprocessResult result = Preprocessor.Run(SyntheticMatched.Complete(), Synthetic);

        // 2 Hz of 10: the two highest scores, 1.0 and 0.9 → threshold 0.9f; total rate 2 Hz too (no L1 pass).
        Assert.Equal(0.9f, result.Info.L1adThreshold);
        Assert.Equal(2, result.Info.L1adPureRateHz, 12);
        Assert.Equal(2, result.Info.L1adTotalRateHz, 12);
        // MC tag scores 0.9, 0.1, 2, 0.89999: seeded, not, seeded, not (0.9f itself is included).
        Assert.Equal([true, false, true, false], result["ZZ4lep"].L1Seeded);
        // EB_test = EB_10 (0.91, 0.2) then EB_2 (0.5, 0.6, 0.7), ordinal tag order.
        Assert.Equal([true, false, false, false, false], result["EB_test"].L1Seeded);
        // HLT_noalg_eb_L1All scores 0.95, 0.05, 0.85, 0.15, 0.99.
        Assert.Equal([true, false, false, false, true], result[SampleTags.NoHltSelection].L1Seeded);
    }

    [Fact]
    public void Run_EbTest_RunTagsInOrdinalOrderRowsInOrder()
    {
        PreprocessResult result = Preprocessor.Run(SyntheticMatched.Complete(), Synthetic);
        PreprocessedSample test = result["EB_test"];

        // Codes: EB_10 0, EB_2 1, HLT_noalg_eb_L1All 2, ZZ4lep 3, topo2A_train 4 (ordinal: digits, capitals first).
        Assert.Equal(["EB_10", "EB_2", "HLT_noalg_eb_L1All", "ZZ4lep", "topo2A_train"], result.Info.SourceTags);
        Assert.Equal([0, 0, 1, 1, 1], test.SourceTag);
        Assert.Equal([0L, 1, 0, 1, 2], test.SourceRow);
    }

    [Fact]
    public void Run_TopoScheme_HltNoalgStaysItsOwnSample()
    {
        PreprocessResult result = Preprocessor.Run(SyntheticMatched.Complete(), Synthetic);

        Assert.Equal(
            ["EB_train", "EB_val", "EB_test", "HLT_noalg_eb_L1All", "ZZ4lep"], result.Samples.Select(s => s.Tag));
        // 10 events: ⌊8.5⌋ = 8 train, 2 validation, all from topo2A_train.
        Assert.Equal(8, result["EB_train"].Count);
        Assert.Equal(2, result["EB_val"].Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), result["EB_train"].SourceRow
            .Concat(result["EB_val"].SourceRow).Order());
    }

    [Fact]
    public void Run_L1NoalgScheme_Topo2ATrainStaysItsOwnSample()
    {
        PreprocessResult result = Preprocessor.Run(SyntheticMatched.Complete(), WithScheme("L1noalg_HLTall"));

        Assert.Equal(["EB_train", "EB_val", "EB_test", "ZZ4lep", "topo2A_train"], result.Samples.Select(s => s.Tag));
        Assert.Equal(4 + 1, result["EB_train"].Count + result["EB_val"].Count);
        Assert.All(result["EB_train"].SourceTag, code => Assert.Equal(2, code));
    }

    [Fact]
    public void Run_OverlapScheme_AddsOnlyTheSeededHltNoalgEvents()
    {
        PreprocessResult result = Preprocessor.Run(SyntheticMatched.Complete(), WithScheme("topo2A_train+overlap"));

        // topo2A_train's 10 events plus the HLT_noalg_eb_L1All rows with score ≥ 0.9: rows 0 (0.95) and 4 (0.99).
        PreprocessedSample train = result["EB_train"];
        PreprocessedSample validation = result["EB_val"];
        var fromNoHlt = train.SourceTag.Zip(train.SourceRow).Concat(validation.SourceTag.Zip(validation.SourceRow))
            .Where(p => p.First == 2).Select(p => p.Second).Order();
        Assert.Equal([0L, 4], fromNoHlt);
        Assert.Equal(12, train.Count + validation.Count);
        Assert.Equal(["EB_train", "EB_val", "EB_test", "ZZ4lep"], result.Samples.Select(s => s.Tag));
    }

    [Fact]
    public void Run_BothTagsScheme_TopoRowsThenHltNoalgRowsBeforeTheShuffle()
    {
        PreprocessResult result = Preprocessor.Run(
            SyntheticMatched.Complete(), WithScheme("topo2A_train+L1noalg_HLTall"));

        // 15 events, ⌊12.75⌋ = 12 train. Unshuffled index k is topo2A_train row k (k < 10), else HLT_noalg row k
        // − 10;
        // EB_train takes permutation(15, 0)[0 … 11] of them.
        int[] order = TrainValidationSplit.Permutation(15, 0);
        PreprocessedSample train = result["EB_train"];
        Assert.Equal(12, train.Count);
        for (int i = 0; i < 12; i++)
        {
            Assert.Equal(order[i] < 10 ? 4 : 2, train.SourceTag[i]);
            Assert.Equal(order[i] < 10 ? order[i] : order[i] - 10, train.SourceRow[i]);
        }
    }

    [Fact]
    public void Run_SourceRows_PointBackToTheMatchedEvents()
    {
        IReadOnlyDictionary<string, MatchedSample> matched = MatchedTestData.Fixture;
        PreprocessResult result = Preprocessor.Run(matched, Fixture("topo2A_train+overlap", PtNormalization.None));

        foreach (PreprocessedSample sample in result.Samples)
        {
            for (int i = 0; i < sample.Count; i++)
            {
                MatchedSample source = matched[result.Info.SourceTags[sample.SourceTag[i]]];
                long row = sample.SourceRow[i];
                Assert.Equal(source.L1adScores[row], sample.L1adScores[i]);
                Assert.Equal(source.Weights[row], sample.Weights[i]);
                Assert.Equal(source.PassHlt[row], sample.PassHlt[i]);
                Assert.Equal(source.Pileups?[row], sample.Pileups?[i]);
            }
        }
    }

    [Fact]
    public void Run_MatchedArrays_AreNotModified()
    {
        IReadOnlyDictionary<string, MatchedSample> matched = MatchedTestData.Load(MatchedTestData.Folder("edge"),
            MatchedTestData.Folder("matched"));
        float[] before = matched["edgecases"].Hlt.Values.ToArray();

        Preprocessor.Run(matched, Fixture("topo2A_train", PtNormalization.StandardScaler));

        Assert.Equal(before, matched["edgecases"].Hlt.Values);
    }

    [Fact]
    public void Run_FixtureAt5e5Hz_PinnedThresholdAndEvent()
    {
        // Values from tools/reference/preprocess_reference.py (expected/topo2A_train__none__values.json).
        PreprocessResult result = Preprocessor.Run(
            MatchedTestData.Fixture, Fixture("topo2A_train", PtNormalization.None));

        Assert.Equal(18.970911f, result.Info.L1adThreshold);
        Assert.Equal(578782.9943638946, result.Info.L1adPureRateHz, 1e-9 * 578782.99);
        Assert.Equal(649394.9315543494, result.Info.L1adTotalRateHz, 1e-9 * 649394.93);

        // EB_test row 0 is EB_473255 row 0. HLT: its jets (33.3, 30.3, 28.7, 25.0, 20.2 GeV) are all below 50, so
        // removed; the photon (19.88642, −2.0221095, phi 0.1121549) stays with Δphi = 0.1121549 + 1.0219177 (leading
        // jet phi −1.0219177); MET (22.595926, 0, −1.4258897) gets Δphi = −1.4258897 + 1.0219177 = −0.403972.
        float[] hlt = result["EB_test"].Hlt[..48];
        Assert.All(hlt[..18], v => Assert.Equal(0f, v));
        Assert.Equal([19.88642f, -2.0221095f], hlt[36..38]);
        Assert.Equal(0.1121549 + 1.0219177, hlt[38], 1e-6);
        Assert.Equal([22.595926f, 0f], hlt[45..47]);
        Assert.Equal(-0.403972, hlt[47], 1e-6);

        // L1: taus 29.504595, 26.894405, 17.42402 at phi −2.1, −3.0, −0.7 to the jet's −1.0: −1.1, −2.0,
        // 0.3;
        // MET 11.017157 at phi 3.1401718: 4.1401718 − 2π = −2.1430135.
        float[] l1 = result["EB_test"].L1[..48];
        Assert.Equal([-1.1, -2.0, 0.3], [l1[38], l1[41], l1[44]], (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.Equal(11.017157f, l1[45]);
        Assert.Equal(4.1401718 - 2 * Math.PI, l1[47], 1e-6);
    }

    [Fact]
    public void Run_FixtureStandardScaler_PinnedStatistics()
    {
        // expected/topo2A_train_plus_overlap__StandardScaler__values.json: HLT column 0 (leading jet pt) and
        // L1 column 45 (MET pt), fitted on the 1432 events of the 85 % part.
        PreprocessResult result = Preprocessor.Run(
            MatchedTestData.FixtureWithEdgeCases, Fixture("topo2A_train+overlap", PtNormalization.StandardScaler));

        Assert.Equal(1432, result["EB_train"].Count);
        Assert.Equal(253, result["EB_val"].Count);
        Assert.Equal(26.517274632800223, result.Info.HltScaler!.Mean[0], 1e-9);
        Assert.Equal(46.203834722240835, result.Info.HltScaler.Std[0], 1e-9);
        Assert.Equal(17.514699963899588, result.Info.L1Scaler!.Mean[45], 1e-9);
        Assert.Equal(17.728217567337506, result.Info.L1Scaler.Std[45], 1e-9);
        // The leading jet's Δphi is always 0: a constant column, std 1.
        Assert.Equal(0.0, result.Info.HltScaler.Mean[2]);
        Assert.Equal(1.0, result.Info.HltScaler.Std[2]);
        // EB_train row 0 is topo2A_train row 899 (code 13) with no jet above 50 GeV: (0 − 26.5173) / 46.2038.
        Assert.Equal(13, result["EB_train"].SourceTag[0]);
        Assert.Equal(899, result["EB_train"].SourceRow[0]);
        Assert.Equal(-0.57391936f, result["EB_train"].Hlt[0]);
    }

    [Fact]
    public void Run_FixtureGlobalDivision_PinnedMeans()
    {
        // expected/topo2A_train__global_division__values.json.
        PreprocessResult result = Preprocessor.Run(
            MatchedTestData.FixtureWithEdgeCases, Fixture("topo2A_train", PtNormalization.GlobalDivision));

        Assert.Equal(51.22345145325202, result.Info.HltGlobalDivisionMean!.Value, 1e-9);
        Assert.Equal(91.53895487922576, result.Info.L1GlobalDivisionMean!.Value, 1e-9);
    }

    [Fact]
    public void Run_ObjectsMask_OnesOnPresentRowsFromUnscaledData()
    {
        PreprocessResult result = Preprocessor.Run(
            MatchedTestData.FixtureWithEdgeCases,
            Fixture("topo2A_train", PtNormalization.StandardScaler) with { Mask = LossMaskKind.Objects });
        PreprocessedSample edge = result["edgecases"];

        // Event 0: only a zero MET, which becomes 0.001 → MET row present, everything else absent.
        float[] mask0 = edge.HltObjectMask![..48];
        Assert.Equal(45, mask0.Count(m => m == 0));
        Assert.Equal([1f, 1f, 1f], mask0[45..48]);
        // Event 1: MET −999 → removed → no object at all; the scaled values are not 0 but the mask is.
        Assert.All(edge.HltObjectMask[48..96], m => Assert.Equal(0f, m));
        Assert.Contains(edge.Hlt[48..96], v => v != 0);
        // Event 5: jet 50 (kept), jet 49.99 (removed), electron 8 (kept), 7.9 (removed), MET 12.
        float[] mask5 = edge.HltObjectMask[(5 * 48)..(6 * 48)];
        Assert.Equal([1f, 0f, 1f, 0f, 1f], new[] { mask5[0], mask5[3], mask5[18], mask5[21], mask5[45] });
    }

    [Fact]
    public void Run_ValuesMask_StoresNoMask()
    {
        PreprocessResult result = Preprocessor.Run(SyntheticMatched.Complete(), Synthetic);

        Assert.All(result.Samples, s => Assert.Null(s.HltObjectMask));
    }

    [Fact]
    public void Run_NaNEtaSurvivingThresholds_ErrorNamesTagEventRowAndColumn()
    {
        Dictionary<string, MatchedSample> matched = SyntheticMatched.Complete();
        matched["ZZ4lep"].Hlt.Values[2 * 48 + 1] = float.NaN;

        var e = Assert.Throws<InputDataException>(() => Preprocessor.Run(matched, Synthetic));

        Assert.Equal(
            "matched tag 'ZZ4lep': dataset 'HLT_data': event 2: jet 1 eta (column 1 of 48) is NaN after preprocessing "
            + "steps 4–7; NaN and infinite values would reach the networks, so preprocessing stops",
            e.Message);
    }

    [Fact]
    public void Run_NaNInRowBelowThreshold_IsRemovedWithoutError()
    {
        Dictionary<string, MatchedSample> matched = SyntheticMatched.Complete();
        matched["ZZ4lep"].L1.Values[3 * 48 + 6 * 3] = 4;
        matched["ZZ4lep"].L1.Values[3 * 48 + 6 * 3 + 1] = float.NaN;

        PreprocessResult result = Preprocessor.Run(matched, Synthetic);

        // An L1 e/gamma of 4 GeV is below 5: the row, NaN included, becomes 0.
        Assert.Equal([0f, 0f, 0f], result["ZZ4lep"].L1[(3 * 48 + 18)..(3 * 48 + 21)]);
    }

    [Fact]
    public void Run_MismatchedArrays_ErrorNamesTagAndDataset()
    {
        Dictionary<string, MatchedSample> matched = SyntheticMatched.Complete();
        MatchedSample mc = matched["ZZ4lep"];
        matched["ZZ4lep"] = new MatchedSample
        {
            Tag = mc.Tag, Hlt = mc.Hlt, L1 = mc.L1, PassL1 = mc.PassL1, PassHlt = [true], Weights = mc.Weights,
            L1adScores = mc.L1adScores,
        };

        var e = Assert.Throws<InputDataException>(() => Preprocessor.Run(matched, Synthetic));

        Assert.Equal("matched tag 'ZZ4lep': dataset 'passHLT': has 1 events but 'weights' has 4", e.Message);
    }

    [Fact]
    public void Run_PerEvent_SyntheticEventDividedBySum()
    {
        PreprocessResult result = Preprocessor.Run(
            SyntheticMatched.Complete(), Synthetic with { Normalization = PtNormalization.PerEvent });

        // ZZ4lep row 1: jet 101, MET 40 → Σ 141: 1010/141 and 400/141.
        float[] row = result["ZZ4lep"].Hlt[48..96];
        Assert.Equal((float)(101 * 10.0 / 141), row[0]);
        Assert.Equal((float)(40 * 10.0 / 141), row[45]);
    }

    [Fact]
    public void Run_IncomingRate_ScalesTheL1adRates()
    {
        // Doubling the incoming rate doubles every event's rate, so a 2 Hz budget is met by one event (score 1.0).
        PreprocessResult result = Preprocessor.Run(SyntheticMatched.Complete(), Synthetic with { IncomingRateHz = 20 });

        Assert.Equal(1.0f, result.Info.L1adThreshold);
        Assert.Equal(2, result.Info.L1adTotalRateHz, 12);
        Assert.Equal(20, result.Info.IncomingRateHz);
    }

    [Fact]
    public void Run_Progress_ReportsEverySample()
    {
        var steps = new List<PreprocessProgress>();
        var progress = new SynchronousProgress<PreprocessProgress>(steps.Add);

        Preprocessor.Run(SyntheticMatched.Complete(), Synthetic, progress);

        Assert.Equal("L1AD threshold", steps[0].Step);
        Assert.Equal(["EB_train", "EB_val", "EB_test", "HLT_noalg_eb_L1All", "ZZ4lep"],
            steps.Where(s => s.Step == "clean").Select(s => s.Sample));
    }

    private static PreprocessOptions WithScheme(string scheme)
    {
        Assert.True(OptionNames.TryParse(scheme, out TrainDataScheme parsed));
        return Synthetic with { Scheme = parsed };
    }

    private static PreprocessOptions Fixture(string scheme, PtNormalization normalization)
    {
        Assert.True(OptionNames.TryParse(scheme, out TrainDataScheme parsed));
        return new PreprocessOptions(parsed, normalization, 5e5, PhysicsConstants.BunchCrossingRateHz, 20240607);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
