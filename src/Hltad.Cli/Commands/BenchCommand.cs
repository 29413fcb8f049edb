using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Hltad.Engine;
using Hltad.Matching;
using Hltad.Onnx;
using Hltad.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hltad.Cli.Commands;

/// <summary>
/// <c>hltad bench</c>: training, inference and one-event speed of the large autoencoder, and generate, read and
/// match throughput of the data steps on this machine, as one table (or JSON).
/// </summary>
internal sealed class BenchCommand : Command<BenchCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--json")]
        [Description("Print the figures as one JSON object.")]
        public bool Json { get; init; }

        [CommandOption("--events-per-run <N>")]
        [Description("EB events per run of the world the data steps are measured on (default 50000).")]
        public int EventsPerRun { get; init; } = 50_000;

        [CommandOption("--repetitions <N>")]
        [Description("Repetitions of each data step; medians are reported (default 5).")]
        public int Repetitions { get; init; } = 5;

        public override ValidationResult Validate() =>
            EventsPerRun < 1000 || Repetitions < 1
                ? ValidationResult.Error("--events-per-run must be ≥ 1000 and --repetitions ≥ 1")
                : ValidationResult.Success();
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var log = new SynchronousProgress<string>(line =>
        {
            if (!settings.Json)
            {
                Console.Error.WriteLine(line);
            }
        });

        // The engine: the large autoencoder.
        EngineBenchmarkResult engine = EngineBenchmark.Run(null, log, cancellationToken);

        // The data steps, on a world of their own and a random L1AD-shaped network.
        string work = Path.Combine(Path.GetTempPath(), $"hltad-bench-{Environment.ProcessId}");
        IoThroughputResult data;
        try
        {
            Directory.CreateDirectory(work);
            string model = Path.Combine(work, "l1ad_random.onnx");
            OnnxExporter.Export(L1adRandomNetwork.Create(1), model);
            var options = new IoThroughputOptions(Path.Combine(work, "world"), model)
            {
                EventsPerRun = settings.EventsPerRun,
                McEventsPerProcess = Math.Max(1000, settings.EventsPerRun / 5),
                Repetitions = settings.Repetitions,
            };
            data = IoThroughput.Measure(options, log, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }

        (string Name, double Value, string Unit)[] rows =
        [
            ("train (large AE, batch 512)", engine.TrainEventsPerSecond, "events/s"),
            ("inference + AD score", engine.InferenceEventsPerSecond, "events/s"),
            ("one event", engine.SingleEventMicroseconds, "µs"),
            ("generate", data.GenerateEventsPerSecond, "events/s"),
            ("read ntuples", data.ReadEventsPerSecond, "events/s"),
            ("match", data.MatchEventsPerSecond, "events/s"),
        ];
        if (settings.Json)
        {
            var figures = rows.ToDictionary(row => row.Name, row => row.Value);
            var units = rows.ToDictionary(row => row.Name, row => row.Unit);
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                cores = Environment.ProcessorCount,
                kernels = engine.KernelPath,
                events = data.Events,
                figures,
                units,
            }, JsonOptions));
            return 0;
        }

        var culture = CultureInfo.InvariantCulture;
        var table = new Table()
            .Title($"hltad bench: {Environment.ProcessorCount} cores, kernels {engine.KernelPath}, medians")
            .AddColumn("measurement")
            .AddColumn(new TableColumn("value").RightAligned())
            .AddColumn("unit");
        foreach (var (name, value, unit) in rows)
        {
            table.AddRow(name, value.ToString(unit == "µs" ? "F2" : "N0", culture), unit);
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
