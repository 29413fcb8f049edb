using Hltad.Cli;
using Hltad.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("hltad");
    config.PropagateExceptions();
    config.AddCommand<VersionCommand>("version").WithDescription("Print the version of hltad.");
    config.AddCommand<ScoreCommand>("score")
        .WithDescription("Score the events of an HDF5 file with an ONNX model (AD score per event).")
        .WithExample("score", "--model", "HLT_AE_0.onnx", "--data", "EB_test.h5", "--objects", "HLT",
            "--out", "EB_test_scores.h5");
    config.AddCommand<GenerateCommand>("generate")
        .WithDescription("Write a deterministic synthetic world of EB and MC ntuples (SEMANTICS.md section 1).");
    config.AddCommand<MatchCommand>("match")
        .WithDescription("Score, match and split EB and MC ntuples into one <tag>.h5 per tag (sections 2-4).");
    config.AddCommand<EvaluateCommand>("evaluate")
        .WithDescription("Score, evaluate and report a trained trial: results.json, plots, report.html (sections 8-9).")
        .WithExample("evaluate", "--config", "trial.json", "--target-rate", "10");
});

return CliErrors.Run(() => app.Run(args), verbose: args.Contains("--verbose"));
