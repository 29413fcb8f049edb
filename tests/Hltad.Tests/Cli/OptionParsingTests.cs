using Hltad.Tests.Onnx;

namespace Hltad.Tests.Cli;

public sealed class OptionParsingTests
{
    [Fact]
    public void UnknownOption_IsAnErrorNamingIt()
    {
        using var directory = new TemporaryDirectory();

        var (exitCode, _, error) = HltadProcess.Run("generate", "--bogus", "x", "--out", directory.File("world"));

        Assert.Equal(1, exitCode);
        Assert.Contains("bogus", error);
        Assert.False(Directory.Exists(directory.File("world")));
    }

    [Fact]
    public void NumberOptionGivenText_SaysItIsNotANumber()
    {
        var (exitCode, _, error) = HltadProcess.Run("run", "--l1ad-rate", "abc", "--out", Path.GetTempPath());

        Assert.Equal(1, exitCode);
        Assert.Contains("'abc' is not a number", error);
        Assert.DoesNotContain("Nullable", error);
    }
}
