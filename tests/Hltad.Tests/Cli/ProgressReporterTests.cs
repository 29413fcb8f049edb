using Hltad.Cli;

namespace Hltad.Tests.Cli;

public sealed class ProgressReporterTests
{
    [Fact]
    public void Report_RedirectedOutput_WritesStartCompletionAndAtMostOneLineEveryTwoSeconds()
    {
        var clock = new ManualClock();
        var output = new StringWriter();
        using (var reporter = new ProgressReporter(output, live: false, time: clock))
        {
            reporter.Report("scoring", 0, 100);
            clock.Advance(TimeSpan.FromSeconds(1));
            reporter.Report("scoring", 10, 100);   // within 2 s of the last line: not written
            clock.Advance(TimeSpan.FromSeconds(2));
            reporter.Report("scoring", 50, 100);   // 50 events in 3 s → 17 events/s
            clock.Advance(TimeSpan.FromSeconds(1));
            reporter.Report("scoring", 100, 100);  // complete: always written (100 in 4 s → 25 events/s)
            reporter.Report("scoring", 100, 100);  // same count again: not written
        }

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "scoring    [--------------------]   0 %  0 / 100 events",
            "scoring    [##########----------]  50 %  50 / 100 events  17 events/s",
            "scoring    [####################] 100 %  100 / 100 events  25 events/s",
        ], lines);
    }

    [Fact]
    public void Describe_UnknownTotal_ShowsCountAndRate()
    {
        string text = ProgressReporter.Describe("reading", 1500, 0, "events", TimeSpan.FromSeconds(3));

        Assert.Equal("reading    1,500 events  500 events/s", text);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
