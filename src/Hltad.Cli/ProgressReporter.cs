using System.Globalization;

namespace Hltad.Cli;

/// <summary>
/// Renders the progress of long steps. On a terminal: one self-updating line per stage with a bar, the
/// count and the rate (items/s), refreshed at most ten times a second. When stdout is redirected: plain log
/// lines, one when a stage starts, then at most one every two seconds, and one when it completes.
/// Thread-safe: library callbacks may arrive from several threads.
/// </summary>
public sealed class ProgressReporter : IDisposable
{
    private static readonly TimeSpan TerminalRefresh = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LogRefresh = TimeSpan.FromSeconds(2);

    private readonly TextWriter _output;
    private readonly bool _live;
    private readonly TimeProvider _time;
    private readonly object _lock = new();
    private string? _stage;
    private long _stageStarted;
    private long _lastDrawn;
    private bool _drawn;
    private long _lastDone = -1;
    private bool _lineOpen;
    private int _lastWidth;

    /// <param name="output">Where to write; default stdout.</param>
    /// <param name="live">Self-updating line (true) or log lines (false); default: live unless stdout is
    /// redirected.</param>
    /// <param name="time">Clock for rates; default the system clock.</param>
    public ProgressReporter(TextWriter? output = null, bool? live = null, TimeProvider? time = null)
    {
        _output = output ?? Console.Out;
        _live = live ?? !Console.IsOutputRedirected;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Reports <paramref name="done"/> of <paramref name="total"/> <paramref name="unit"/> in <paramref name="stage"/>
    /// (total 0 when unknown). A new stage name finishes the previous stage's line.
    /// </summary>
    public void Report(string stage, long done, long total, string unit = "events")
    {
        lock (_lock)
        {
            long now = _time.GetTimestamp();
            bool newStage = stage != _stage;
            if (newStage)
            {
                EndLine();
                _stage = stage;
                _stageStarted = now;
                _drawn = false;
                _lastDone = -1;
            }

            bool complete = total > 0 && done >= total;
            if (done == _lastDone)
            {
                return;
            }

            TimeSpan sinceDrawn = _drawn ? _time.GetElapsedTime(_lastDrawn, now) : TimeSpan.MaxValue;
            if (!newStage && !complete && sinceDrawn < (_live ? TerminalRefresh : LogRefresh))
            {
                return;
            }

            _lastDrawn = now;
            _drawn = true;
            _lastDone = done;
            string text = Describe(stage, done, total, unit, _time.GetElapsedTime(_stageStarted, now));
            if (_live)
            {
                DrawLive(text);
            }
            else
            {
                _output.WriteLine(text);
            }
        }
    }

    /// <summary>Writes a message on its own line (after finishing a live progress line).</summary>
    public void Message(string text)
    {
        lock (_lock)
        {
            EndLine();
            _output.WriteLine(text);
        }
    }

    /// <summary>Finishes the current live line.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            EndLine();
        }
    }

    /// <summary>
    /// "stage  [#####-----]  50%  1,234 / 2,468 events  512,000 events/s" (bar only with a known total).
    /// </summary>
    public static string Describe(string stage, long done, long total, string unit, TimeSpan elapsed)
    {
        var culture = CultureInfo.InvariantCulture;
        string rate = elapsed.TotalSeconds > 0 && done > 0
            ? string.Format(culture, "  {0:N0} {1}/s", done / elapsed.TotalSeconds, unit)
            : string.Empty;
        if (total <= 0)
        {
            return string.Format(culture, "{0,-10} {1:N0} {2}{3}", stage, done, unit, rate);
        }

        double fraction = Math.Clamp((double)done / total, 0, 1);
        int filled = (int)Math.Round(fraction * 20);
        string bar = new string('#', filled) + new string('-', 20 - filled);
        return string.Format(culture, "{0,-10} [{1}] {2,5:P0}  {3:N0} / {4:N0} {5}{6}",
            stage, bar, fraction, done, total, unit, rate);
    }

    private void DrawLive(string text)
    {
        int width = Console.IsOutputRedirected ? 0 : Math.Max(20, SafeWindowWidth() - 1);
        if (width > 0 && text.Length > width)
        {
            text = text[..width];
        }

        string padding = new(' ', Math.Max(0, _lastWidth - text.Length));
        _output.Write("\r" + text + padding);
        _output.Flush();
        _lastWidth = text.Length;
        _lineOpen = true;
    }

    private void EndLine()
    {
        if (_lineOpen)
        {
            _output.WriteLine();
            _lineOpen = false;
            _lastWidth = 0;
        }
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 120;
        }
        catch (IOException)
        {
            return 120;
        }
    }
}
