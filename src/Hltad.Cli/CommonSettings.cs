using System.ComponentModel;
using Spectre.Console.Cli;

namespace Hltad.Cli;

/// <summary>Options every command accepts. Commands derive their settings from this class.</summary>
public class CommonSettings : CommandSettings
{
    /// <summary>Show the stack trace of an error (Program.cs reads the flag from the raw arguments).</summary>
    [CommandOption("--verbose")]
    [Description("Show the full stack trace when an error occurs.")]
    public bool Verbose { get; init; }
}
