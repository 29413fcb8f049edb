using Hltad.Configuration;
using Hltad.Data;
using Hltad.Preprocessing;

namespace Hltad.Tests.Configuration;

public sealed class TrialConfigTests
{
    [Fact]
    public void Parse_EmptyObject_DocumentedDefaults()
    {
        TrialConfig config = TrialConfig.Parse("{}");

        Assert.Equal(TrainDataScheme.Topo2ATrain, config.TrainDataScheme);
        Assert.Equal(PtNormalization.StandardScaler, config.PtNormalization);
        Assert.Equal(1000, config.L1adRateHz);
        Assert.Null(config.SavePath);
        Assert.Equal(0.1, config.DropoutP);
        Assert.Equal(0.01, config.L2RegCoupling);
        Assert.Equal(4, config.LatentDim);
        Assert.True(config.LargeNetwork);
        Assert.Equal(10, config.NumTrainings);
        Assert.True(config.TrainingWeights);
        Assert.Null(config.MatchedPath);
        Assert.Equal(0, config.Seed);
        Assert.Equal(500, config.Epochs);
        Assert.Equal(512, config.BatchSize);
        Assert.Equal(9, config.EarlyStoppingPatience);
        Assert.Equal(6, config.LrPatience);
        Assert.Equal([ObjectType.Hlt, ObjectType.L1], config.ObjectTypes);
        Assert.Equal(LossMaskKind.Values, config.Mask);
        Assert.Equal(10, config.TargetRateHz);
        Assert.Equal(40e6, config.IncomingRateHz);
    }

    [Fact]
    public void Load_Trial8Example_ReferenceStudyTrial8()
    {
        TrialConfig config = TrialConfig.Load(Path.Combine(SharedFixtures.RepositoryRoot, "examples", "trial8.json"));

        Assert.Equal(TrainDataScheme.Topo2ATrainPlusOverlap, config.TrainDataScheme);
        Assert.Equal(PtNormalization.StandardScaler, config.PtNormalization);
        Assert.Equal(1000, config.L1adRateHz);
        Assert.Equal(0.1, config.DropoutP);
        Assert.Equal(0.01, config.L2RegCoupling);
        Assert.Equal(4, config.LatentDim);
        Assert.True(config.LargeNetwork);
        Assert.Equal(10, config.NumTrainings);
        Assert.True(config.TrainingWeights);
        Assert.Equal("trained_models/trial_8", config.SavePath);
        Assert.Equal("matched", config.MatchedPath);
        Assert.Equal(8, config.Seed);
    }

    [Fact]
    public void Parse_NullNormalization_IsNone()
    {
        Assert.Equal(PtNormalization.None, TrialConfig.Parse("""{"pt_normalization_type": null}""").PtNormalization);
        Assert.Equal(PtNormalization.None, TrialConfig.Parse("""{"pt_normalization_type": "none"}""").PtNormalization);
    }

    [Fact]
    public void Parse_EveryEnumeratedName_Accepted()
    {
        foreach (string scheme in OptionNames.TrainDataSchemeNames)
        {
            TrialConfig config = TrialConfig.Parse($$"""{"train_data_scheme": "{{scheme}}"}""");
            Assert.Equal(scheme, OptionNames.Of(config.TrainDataScheme));
        }

        foreach (string normalization in OptionNames.PtNormalizationNames)
        {
            TrialConfig config = TrialConfig.Parse($$"""{"pt_normalization_type": "{{normalization}}"}""");
            Assert.Equal(normalization, OptionNames.Of(config.PtNormalization));
        }

        Assert.Equal(LossMaskKind.Objects, TrialConfig.Parse("""{"mask": "objects"}""").Mask);
        Assert.Equal([ObjectType.L1], TrialConfig.Parse("""{"object_types": ["L1"]}""").ObjectTypes);
    }

    [Theory]
    [InlineData("""{"train_data_scheme": "topo2A"}""", "train_data_scheme",
        "must be one of 'topo2A_train', 'L1noalg_HLTall', 'topo2A_train+L1noalg_HLTall', 'topo2A_train+overlap'; "
        + "got 'topo2A'")]
    [InlineData("""{"train_data_scheme": 3}""", "train_data_scheme", "got the number 3")]
    [InlineData("""{"train_data_scheme": null}""", "train_data_scheme", "got null")]
    [InlineData("""{"pt_normalization_type": "MinMaxScaler"}""", "pt_normalization_type",
        "must be one of 'per_event', 'global_division', 'StandardScaler', 'ZeroAwareStandardScaler', 'none' "
        + "(or null for 'none'); got 'MinMaxScaler'")]
    [InlineData("""{"pt_normalization_type": "standardscaler"}""", "pt_normalization_type", "got 'standardscaler'")]
    [InlineData("""{"L1AD_rate": 0}""", "L1AD_rate", "must be a number of Hz > 0; got 0")]
    [InlineData("""{"L1AD_rate": -5}""", "L1AD_rate", "must be a number of Hz > 0; got -5")]
    [InlineData("""{"L1AD_rate": "1000"}""", "L1AD_rate", "got the string \"1000\"")]
    [InlineData("""{"save_path": ""}""", "save_path", "must be a non-empty path (or null); got ''")]
    [InlineData("""{"save_path": 3}""", "save_path", "got the number 3")]
    [InlineData("""{"dropout_p": 1}""", "dropout_p", "must be a number p with 0 ≤ p < 1; got 1")]
    [InlineData("""{"dropout_p": -0.1}""", "dropout_p", "got -0.1")]
    [InlineData("""{"dropout_p": true}""", "dropout_p", "got true")]
    [InlineData("""{"L2_reg_coupling": -0.01}""", "L2_reg_coupling", "must be a number ≥ 0; got -0.01")]
    [InlineData("""{"L2_reg_coupling": [0.01]}""", "L2_reg_coupling", "got a list")]
    [InlineData("""{"latent_dim": 0}""", "latent_dim", "must be an integer ≥ 1; got 0")]
    [InlineData("""{"latent_dim": 2.5}""", "latent_dim", "must be an integer ≥ 1; got the number 2.5")]
    [InlineData("""{"large_network": "yes"}""", "large_network", "must be true or false; got the string \"yes\"")]
    [InlineData("""{"large_network": 1}""", "large_network", "got the number 1")]
    [InlineData("""{"num_trainings": 0}""", "num_trainings", "must be an integer ≥ 1; got 0")]
    [InlineData("""{"num_trainings": 3000000000}""", "num_trainings", "got the number 3000000000")]
    [InlineData("""{"training_weights": null}""", "training_weights", "must be true or false; got null")]
    [InlineData("""{"matched_path": {}}""", "matched_path", "got an object")]
    [InlineData("""{"seed": -1}""", "seed", "must be an integer from 0 to 9223372036854775807; got -1")]
    [InlineData("""{"seed": 1.5}""", "seed", "got the number 1.5")]
    [InlineData("""{"seed": "8"}""", "seed", "got the string \"8\"")]
    [InlineData("""{"epochs": 0}""", "epochs", "must be an integer ≥ 1; got 0")]
    [InlineData("""{"batch_size": 0}""", "batch_size", "must be an integer ≥ 1; got 0")]
    [InlineData("""{"early_stopping_patience": -1}""", "early_stopping_patience", "must be an integer ≥ 0; got -1")]
    [InlineData("""{"lr_patience": -1}""", "lr_patience", "must be an integer ≥ 0; got -1")]
    [InlineData("""{"object_types": []}""", "object_types",
        "must be a non-empty list of distinct entries, each one of 'HLT', 'L1'; got []")]
    [InlineData("""{"object_types": ["HLT", "HLT"]}""", "object_types", "got [HLT, HLT]")]
    [InlineData("""{"object_types": ["hlt"]}""", "object_types", "got an entry 'hlt'")]
    [InlineData("""{"object_types": [1]}""", "object_types", "got an entry the number 1")]
    [InlineData("""{"object_types": "HLT"}""", "object_types", "got the string \"HLT\"")]
    [InlineData("""{"mask": "object"}""", "mask", "must be one of 'values', 'objects'; got 'object'")]
    [InlineData("""{"mask": null}""", "mask", "got null")]
    [InlineData("""{"target_rate": 0}""", "target_rate", "must be a number of Hz > 0; got 0")]
    [InlineData("""{"incoming_rate": -4e7}""", "incoming_rate",
        "must be a number of Hz > 0 (the L1 input rate); got -40000000")]
    public void Parse_BadValue_ErrorNamesKeyAndAllowedValues(string json, string key, string problem)
    {
        var e = Assert.Throws<ConfigurationException>(() => TrialConfig.Parse(json));

        Assert.Equal(key, e.Key);
        Assert.StartsWith($"configuration '{key}': ", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Parse_EveryKey_HasABadValueTest()
    {
        // The keys covered by Parse_BadValue_ErrorNamesKeyAndAllowedValues (kept in step with TrialConfig.Keys).
        string[] covered =
        [
            "train_data_scheme", "pt_normalization_type", "L1AD_rate", "save_path", "dropout_p", "L2_reg_coupling",
            "latent_dim", "large_network", "num_trainings", "training_weights", "matched_path", "seed", "epochs",
            "batch_size", "early_stopping_patience", "lr_patience", "object_types", "mask", "target_rate",
            "incoming_rate",
        ];

        Assert.Equal(covered, TrialConfig.Keys);
    }

    [Fact]
    public void Parse_UnknownKey_ErrorNamesKeyAndKnownKeys()
    {
        var e = Assert.Throws<ConfigurationException>(() => TrialConfig.Parse("""{"learning_rate": 0.001}"""));

        Assert.Equal("learning_rate", e.Key);
        Assert.StartsWith(
            "configuration 'learning_rate': is not a known key; known keys: train_data_scheme, ", e.Message);
        Assert.EndsWith("target_rate, incoming_rate", e.Message);
    }

    [Fact]
    public void Parse_KeyInWrongCase_SuggestsTheKey()
    {
        var e = Assert.Throws<ConfigurationException>(() => TrialConfig.Parse("""{"l1ad_rate": 1000}"""));

        Assert.Contains("is not a known key (did you mean 'L1AD_rate'?)", e.Message);
    }

    [Fact]
    public void Parse_RepeatedKey_Error()
    {
        var e = Assert.Throws<ConfigurationException>(() => TrialConfig.Parse("""{"seed": 1, "seed": 2}"""));

        Assert.Equal("configuration 'seed': is given more than once", e.Message);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{\"seed\": ")]
    public void Parse_NotAJsonObject_InputDataError(string json)
    {
        var e = Assert.Throws<InputDataException>(() => TrialConfig.Parse(json, "trial.json"));

        Assert.StartsWith("trial.json: ", e.Message);
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_Allowed()
    {
        TrialConfig config = TrialConfig.Parse("""
            {
              // the budget of the L1AD seed
              "L1AD_rate": 2000,
            }
            """);

        Assert.Equal(2000, config.L1adRateHz);
    }

    [Fact]
    public void Load_MissingFile_InputDataError()
    {
        string path = Path.Combine(Path.GetTempPath(), $"hltad-missing-{Guid.NewGuid():N}.json");

        var e = Assert.Throws<InputDataException>(() => TrialConfig.Load(path));

        Assert.Equal(path, e.Path);
        Assert.Contains("cannot read the trial configuration", e.Message);
    }

    [Fact]
    public void ToJson_ParsedBack_SameConfiguration()
    {
        TrialConfig config = TrialConfig.Parse("""
            {"train_data_scheme": "L1noalg_HLTall", "pt_normalization_type": null, "L1AD_rate": 1234.5,
             "dropout_p": 0.3, "object_types": ["L1"], "mask": "objects", "seed": 9007199254740993,
             "save_path": "out/run", "incoming_rate": 31.58e6}
            """);

        string json = config.ToJson();
        TrialConfig again = TrialConfig.Parse(json);

        Assert.Equal(config, again);
        Assert.Equal(json, again.ToJson());
        Assert.Equal(9007199254740993, again.Seed);
        Assert.Equal(31.58e6, again.IncomingRateHz);
        Assert.NotEqual(config, again with { Seed = 1 });
    }

    [Fact]
    public void ToJson_OneLine_AllKeysInOrderWithReferenceSpelling()
    {
        string json = new TrialConfig().ToJson(indented: false);

        Assert.DoesNotContain("\n", json);
        Assert.StartsWith(
            "{\"train_data_scheme\":\"topo2A_train\",\"pt_normalization_type\":\"StandardScaler\",\"L1AD_rate\":1000,"
            + "\"save_path\":null,\"dropout_p\":0.1,",
            json);
        Assert.EndsWith(
            "\"object_types\":[\"HLT\",\"L1\"],\"mask\":\"values\",\"target_rate\":10,\"incoming_rate\":40000000}",
            json);
    }

    [Fact]
    public void WithOverrides_CommandLineText_ReplacesFileValues()
    {
        TrialConfig file = TrialConfig.Parse("""{"L1AD_rate": 1000, "large_network": true, "seed": 3}""");

        TrialConfig config = file.WithOverrides(new Dictionary<string, string>
        {
            ["L1AD_rate"] = "1e5",
            ["large_network"] = "false",
            ["seed"] = "12",
            ["object_types"] = "L1, HLT",
            ["pt_normalization_type"] = "none",
            ["train_data_scheme"] = "topo2A_train+overlap",
            ["save_path"] = "/tmp/trial",
            ["dropout_p"] = "0.25",
        });

        Assert.Equal(1e5, config.L1adRateHz);
        Assert.False(config.LargeNetwork);
        Assert.Equal(12, config.Seed);
        Assert.Equal([ObjectType.L1, ObjectType.Hlt], config.ObjectTypes);
        Assert.Equal(PtNormalization.None, config.PtNormalization);
        Assert.Equal(TrainDataScheme.Topo2ATrainPlusOverlap, config.TrainDataScheme);
        Assert.Equal("/tmp/trial", config.SavePath);
        Assert.Equal(0.25, config.DropoutP);
        Assert.Equal(1000, file.L1adRateHz);
    }

    [Theory]
    [InlineData("L1AD_rate", "1,000", "must be a number of Hz > 0; got '1,000'")]
    [InlineData("L1AD_rate", "-3", "must be a number of Hz > 0; got -3")]
    [InlineData("num_trainings", "ten", "must be an integer ≥ 1; got 'ten'")]
    [InlineData("training_weights", "yes", "must be true or false; got 'yes'")]
    [InlineData("object_types", "HLT,muons", "got an entry 'muons'")]
    [InlineData("object_types", "", "got []")]
    [InlineData("mask", "Objects", "got 'Objects'")]
    [InlineData("save_path", " ", "must be a non-empty path (or null); got ' '")]
    public void WithOverrides_BadText_ErrorNamesKey(string key, string text, string problem)
    {
        var e = Assert.Throws<ConfigurationException>(() =>
            new TrialConfig().WithOverrides(new Dictionary<string, string> { [key] = text }));

        Assert.Equal(key, e.Key);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void WithOverrides_UnknownKey_Error()
    {
        var e = Assert.Throws<ConfigurationException>(() =>
            new TrialConfig().WithOverrides(new Dictionary<string, string> { ["out"] = "x" }));

        Assert.Equal("out", e.Key);
    }

    [Fact]
    public void Validate_WithExpressionOutOfRange_ErrorNamesKey()
    {
        TrialConfig config = new TrialConfig() with { DropoutP = 1.5 };

        var e = Assert.Throws<ConfigurationException>(() => config.Validate());

        Assert.Equal("configuration 'dropout_p': must be a number p with 0 ≤ p < 1; got 1.5", e.Message);
        Assert.Throws<ConfigurationException>(() => (new TrialConfig() with { Mask = (LossMaskKind)7 }).Validate());
        TrialConfig fine = config with { DropoutP = 0.5 };
        Assert.Same(fine, fine.Validate());
    }

    [Fact]
    public void ToPreprocessOptions_Trial_MapsSchemeNormalisationRatesSeedAndMask()
    {
        TrialConfig config = TrialConfig.Parse("""
            {"train_data_scheme": "topo2A_train+overlap", "pt_normalization_type": "per_event", "L1AD_rate": 5e5,
             "incoming_rate": 31.58e6, "seed": 77, "mask": "objects"}
            """);

        PreprocessOptions options = config.ToPreprocessOptions();

        Assert.Equal(
            new PreprocessOptions(
                TrainDataScheme.Topo2ATrainPlusOverlap,
                PtNormalization.PerEvent,
                5e5,
                31.58e6,
                77,
                LossMaskKind.Objects),
            options);
    }
}
