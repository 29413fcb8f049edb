using Spectre.Console;
using Spectre.Console.Cli;

namespace Hltad.Cli;

/// <summary>Turns exceptions into one clear line on stderr and a non-zero exit code.</summary>
internal static class CliErrors
{
    public const int UserError = 1;
    public const int InternalError = 2;

    public static int Run(Func<int> body, bool verbose)
    {
        try
        {
            return body();
        }
        catch (Exception error) when (!verbose)
        {
            Console.Error.WriteLine($"hltad: error: {Describe(error)}");
            return error is HltadException or CommandParseException or CommandRuntimeException
                ? UserError
                : InternalError;
        }
        catch (Exception error)
        {
            Console.Error.WriteLine($"hltad: error: {Describe(error)}");
            Console.Error.WriteLine(error.ToString());
            return error is HltadException ? UserError : InternalError;
        }
    }

    private static string Describe(Exception error) => error switch
    {
        HltadException or CommandParseException or CommandRuntimeException => error.Message,
        FileNotFoundException missing => $"file not found: {missing.FileName ?? missing.Message}",
        DirectoryNotFoundException missing => missing.Message,
        UnauthorizedAccessException denied => denied.Message,
        _ => $"{error.GetType().Name}: {error.Message} (run with --verbose for details)",
    };
}
