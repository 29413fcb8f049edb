namespace Hltad.Tests;

/// <summary>Files committed under tests/Hltad.Tests/TestData (copied next to the test assembly).</summary>
internal static class TestData
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);
}
