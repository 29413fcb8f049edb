using Hltad.Cli;
using Hltad.Cli.Commands;
using Spectre.Console.Cli;

// The commands in the order of the study: the whole of it, its steps, then the ONNX and measuring tools.
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("hltad");
    config.UseAssemblyInformationalVersion();
    config.UseStrictParsing();
    config.PropagateExceptions();

    config.AddCommand<RunCommand>("run")
        .WithDescription("The whole study: world, L1AD, match, train, evaluate, report (resumes in --out).")
        .WithExample("run", "--preset", "smoke", "--out", "study");
    config.AddCommand<GenerateCommand>("generate")
        .WithDescription("Write a deterministic synthetic world of EB and MC ntuples (SEMANTICS.md section 1).");
    config.AddBranch("l1ad", l1ad =>
    {
        l1ad.SetDescription("The L1 anomaly-detection network.");
        l1ad.AddCommand<L1adTrainCommand>("train")
            .WithDescription("Train an L1AD VAE on a world's L1AD training events and export its encoder to ONNX.");
    });
    config.AddCommand<MatchCommand>("match")
        .WithDescription("Score, match and split EB and MC ntuples into one <tag>.h5 per tag (sections 2-4).");
    config.AddCommand<PreprocessCommand>("preprocess")
        .WithDescription("Preprocess the matched datasets of a trial (section 6) into <tag>.h5 samples.");
    config.AddCommand<TrainCommand>("train")
        .WithDescription("Train the autoencoder ensemble of a trial, resumable (section 7).");
    config.AddCommand<EvaluateCommand>("evaluate")
        .WithDescription("Score, evaluate and report a trained trial: results.json, plots, report.html (sections 8-9).")
        .WithExample("evaluate", "--config", "trial.json", "--target-rate", "10");

    config.AddCommand<ExportOnnxCommand>("export-onnx")
        .WithDescription("Export a trained autoencoder to ONNX (opset 13), reconstruction or AD-score output.");
    config.AddCommand<ScoreCommand>("score")
        .WithDescription("Score the events of an HDF5 file with an ONNX model (AD score per event).")
        .WithExample("score", "--model", "HLT_AE_0.onnx", "--data", "EB_test.h5", "--objects", "HLT",
            "--out", "EB_test_scores.h5");
    config.AddCommand<CompareOnnxCommand>("compare-onnx")
        .WithDescription("Score events with an ONNX export and in process; print the largest difference.");
    config.AddCommand<BenchCommand>("bench")
        .WithDescription("Measure training, inference and data-step speed on this machine.");
    config.AddCommand<VersionCommand>("version").WithDescription("Print the version of hltad.");
});

// Ctrl-C cancels the command in flight, which then removes its temporary files and stops at a clean point.
// A second Ctrl-C quits at once, unless it comes within a second of the first: `timeout -s INT` and a
// signal sent to the process group deliver the one interrupt twice, and quitting then would leave the
// temporary files behind.
using var interrupt = new CancellationTokenSource();
long firstInterrupt = 0;
Console.CancelKeyPress += (_, press) =>
{
    long now = Environment.TickCount64;
    if (!interrupt.IsCancellationRequested)
    {
        firstInterrupt = now;
    }

    press.Cancel = now - firstInterrupt < 1000;
    interrupt.Cancel();
};
return CliErrors.Run(() => app.RunAsync(args, interrupt.Token).GetAwaiter().GetResult(),
    verbose: args.Contains("--verbose"));
