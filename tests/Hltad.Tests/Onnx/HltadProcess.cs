using System.Diagnostics;

namespace Hltad.Tests.Onnx;

/// <summary>Runs the built CLI (Hltad.Cli.dll beside the tests) as a child process.</summary>
internal static class HltadProcess
{
    /// <summary>Exit code, stdout and stderr of <c>hltad args…</c>.</summary>
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "Hltad.Cli.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(cli);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
