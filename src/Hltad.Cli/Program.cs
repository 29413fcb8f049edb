using Hltad.Cli;
using Hltad.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("hltad");
    config.PropagateExceptions();
    config.AddCommand<VersionCommand>("version").WithDescription("Print the version of hltad.");
});

return CliErrors.Run(() => app.Run(args), verbose: args.Contains("--verbose"));
