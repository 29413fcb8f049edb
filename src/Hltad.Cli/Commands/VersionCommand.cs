using System.Reflection;
using Spectre.Console.Cli;

namespace Hltad.Cli.Commands;

/// <summary><c>hltad version</c>.</summary>
internal sealed class VersionCommand : Command<CommonSettings>
{
    public override int Execute(CommandContext context, CommonSettings settings, CancellationToken cancellationToken)
    {
        string version = typeof(HltadException).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        Console.WriteLine($"hltad {version}");
        return 0;
    }
}
