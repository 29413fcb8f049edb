using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace Hltad.Cli;

/// <summary>Turns exceptions into one clear line on stderr and a non-zero exit code.</summary>
internal static partial class CliErrors
{
    public const int UserError = 1;
    public const int InternalError = 2;
    public const int Interrupted = 130;

    public static int Run(Func<int> body, bool verbose)
    {
        try
        {
            return body();
        }
        catch (Exception thrown)
        {
            Exception error = Unwrap(thrown);
            if (error is OperationCanceledException)
            {
                Console.Error.WriteLine("hltad: interrupted; temporary files removed. " +
                    "Finished work is kept: run the same command again (train: with --resume) to continue.");
                return Interrupted;
            }

            Console.Error.WriteLine($"hltad: error: {Describe(error)}");
            if (verbose)
            {
                Console.Error.WriteLine(thrown.ToString());
            }

            return error is HltadException or CommandParseException or CommandRuntimeException
                ? UserError
                : InternalError;
        }
    }

    /// <summary>The one exception behind parallel work, so that its own message is shown.</summary>
    private static Exception Unwrap(Exception error)
    {
        while (error is AggregateException aggregate)
        {
            error = aggregate.InnerExceptions.FirstOrDefault(inner => inner is HltadException)
                ?? aggregate.InnerExceptions[0];
        }

        return error;
    }

    private static string Describe(Exception error) => error switch
    {
        CommandRuntimeException or CommandParseException => Readable(error.Message),
        HltadException => error.Message,
        FileNotFoundException missing => $"file not found: {missing.FileName ?? missing.Message}",
        DirectoryNotFoundException missing => missing.Message,
        UnauthorizedAccessException denied => denied.Message,
        _ => $"{error.GetType().Name}: {error.Message} (run with --verbose for details)",
    };

    /// <summary>"Failed to convert 'abc' to Nullable`1." → "'abc' is not a number."</summary>
    private static string Readable(string message)
    {
        Match conversion = FailedConversion().Match(message);
        if (!conversion.Success)
        {
            return message;
        }

        string expected = conversion.Groups[2].Value switch
        {
            "Int32" => "a whole number (at most 2147483647)",
            "Int64" => "a whole number (at most 9223372036854775807)",
            "UInt64" => "a whole number (0 to 18446744073709551615)",
            "Boolean" => "true or false",
            _ => "a number",
        };
        return $"'{conversion.Groups[1].Value}' is not {expected} (see --help for the option's values)";
    }

    [GeneratedRegex(@"Failed to convert '(.*)' to ([A-Za-z0-9`]+)")]
    private static partial Regex FailedConversion();
}
