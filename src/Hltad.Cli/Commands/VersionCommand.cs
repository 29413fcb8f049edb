using System.Reflection;
using Spectre.Console.Cli;

namespace Hltad.Cli.Commands;

/// <summary><c>hltad version</c>.</summary>
internal sealed class VersionCommand : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        string version = typeof(HltadException).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        Console.WriteLine($"hltad {version}");
        return 0;
    }
}
