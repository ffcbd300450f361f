using System.Diagnostics;
using System.Globalization;
using PolicyExtract.Diagnostics;
using PolicyExtract.Output;
using PolicyExtract.Pipeline;
using Spectre.Console;

namespace PolicyExtract.Cli;

/// <summary>
/// What a user sees while extract runs: each input's messages as it is done, and progress. On a terminal (standard
/// output and error both, so that no stream a program reads gets escape codes) that is a Spectre.Console progress bar;
/// otherwise, on runs of <see cref="PlainLinesFrom"/> inputs or more, a plain line at every tenth of the inputs. Also
/// writes each document's JSON line when <c>--jsonl</c> asked for them. Called on one thread, in input order.
/// </summary>
internal sealed class RunProgress(Stream? jsonLines, Action<string> message) : IBatchObserver
{
    public const int PlainLinesFrom = 50;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _total;
    private int _done;
    private int _failed;
    private int _lastTenth;

    /// <summary>Set while a progress bar is shown: moved on with every result instead of printing lines.</summary>
    private ProgressTask? Bar { get; init; }

    public static BatchRun Show(Func<IBatchObserver, BatchRun> run, Stream? jsonLines)
    {
        if (Console.IsOutputRedirected || Console.IsErrorRedirected)
        {
            return run(new RunProgress(jsonLines, Console.Error.WriteLine));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var bar = context.AddTask("extracting", autoStart: true, maxValue: 1);
                return run(new RunProgress(jsonLines, line => console.WriteLine(line)) { Bar = bar });
            });
    }

    public void Started(int inputs)
    {
        _total = inputs;
        if (Bar is { } bar)
        {
            bar.MaxValue = Math.Max(inputs, 1);
        }
    }

    public void Finished(ExtractionResult result)
    {
        _done++;
        _failed += result.Failed ? 1 : 0;
        foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity != Severity.Info))
        {
            message(diagnostic.ToString());
        }

        if (jsonLines is not null && result.Document is { } document)
        {
            jsonLines.Write(PolicyJson.SerializeLine(document));
        }

        if (Bar is { } bar)
        {
            bar.Increment(1);
            bar.Description = string.Create(CultureInfo.InvariantCulture, $"{_done}/{_total} inputs, {_failed} failed");
        }
        else if (_total >= PlainLinesFrom && _done * 10 / _total > _lastTenth)
        {
            _lastTenth = _done * 10 / _total;
            message(string.Create(CultureInfo.InvariantCulture, $"progress: {_done} of {_total} inputs ({_done * 100 / _total}%), {_failed} failed, {_clock.Elapsed.TotalSeconds:0.0} s"));
        }
    }
}
