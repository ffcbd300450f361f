using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyExtract.Diagnostics;
using PolicyExtract.Output;

namespace PolicyExtract.Pipeline;

/// <summary>
/// How documents are read in worker processes: the command that starts a worker (this tool's hidden <c>worker</c>
/// command) and each document's budget.
/// </summary>
/// <param name="Program">The executable: the tool itself, or <c>dotnet</c> with the tool's assembly first in <paramref name="Arguments"/>.</param>
/// <param name="TimeLimit">How long one document may take, reading to output; over it the worker is killed and the document fails with IN030.</param>
/// <param name="MemoryLimitBytes">The worker's managed heap while it reads one document; over it the document fails with IN031.</param>
public sealed record WorkerOptions(string Program, ImmutableArray<string> Arguments, TimeSpan TimeLimit, long MemoryLimitBytes)
{
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(30);

    public const long DefaultMemoryLimitBytes = 1024L * 1024 * 1024;
}

/// <summary>
/// Reads documents in child processes, one document at a time per child, so that nothing a document does can take the
/// run down: a stack overflow or an out-of-memory in a parser ends only its worker, a parser that never ends is killed
/// at the document's time limit, and the heap limit (the runtime's <c>GCHeapHardLimit</c>) bounds what one document can
/// take. This is how Apache Tika's fork parser contains its parsers; a thread cannot be stopped or its stack overflow
/// caught in .NET, so a process is the only boundary. A worker serves document after document (it loads the grammar
/// once) and is replaced only when it dies or is killed. Thread-safe: each caller rents a worker for one document.
/// </summary>
/// <remarks>
/// The protocol, over the worker's standard streams: the parent writes a request line (JSON: path and display name);
/// the worker answers with two length-prefixed frames, the document as <see cref="PolicyJson"/> writes it (empty for
/// none) and its diagnostics. The worker's standard error is kept (its last lines) to say why a worker died.
/// </remarks>
public sealed class WorkerPool(WorkerOptions options) : IDisposable
{
    private readonly ConcurrentBag<Worker> _idle = [];
    private readonly ConcurrentDictionary<Worker, byte> _all = new();
    private bool _disposed;

    public WorkerOptions Options { get; } = options;

    /// <summary>Extracts one file in a worker; the result is as <see cref="PolicyPipeline.ProcessFile"/> gives, but for its source text.</summary>
    public ExtractionResult Extract(string path, string display)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var worker = _idle.TryTake(out var idle) ? idle : Start();
        var (result, healthy) = worker.Extract(path, display, Options);
        if (healthy && !_disposed)
        {
            _idle.Add(worker);
        }
        else
        {
            Retire(worker);
        }

        return result;
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var worker in _all.Keys)
        {
            Retire(worker);
        }
    }

    private Worker Start()
    {
        var worker = new Worker(Options);
        _all[worker] = 0;
        return worker;
    }

    private void Retire(Worker worker)
    {
        _all.TryRemove(worker, out _);
        worker.Dispose();
    }

    /// <summary>One child process and its pipes.</summary>
    private sealed class Worker : IDisposable
    {
        private const int ErrorTail = 4096;
        private readonly Process _process;
        private readonly Stream _replies;
        private readonly StringBuilder _stderr = new();

        public Worker(WorkerOptions options)
        {
            var start = new ProcessStartInfo(options.Program)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardInputEncoding = new UTF8Encoding(false),
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in options.Arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The runtime's own heap ceiling: past it an allocation throws OutOfMemoryException in the worker, whatever
            // code asked for it. Workstation GC: one heap, so the limit is the document's.
            start.Environment["DOTNET_GCHeapHardLimit"] = options.MemoryLimitBytes.ToString("X", CultureInfo.InvariantCulture);
            start.Environment["DOTNET_gcServer"] = "0";
            _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {options.Program}");
            _process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (_stderr)
                {
                    _stderr.Append(e.Data).Append('\n');
                    if (_stderr.Length > ErrorTail)
                    {
                        _stderr.Remove(0, _stderr.Length - ErrorTail);
                    }
                }
            };
            _process.BeginErrorReadLine();
            _replies = _process.StandardOutput.BaseStream;
        }

        /// <summary>The result, and whether the worker can take another document.</summary>
        public (ExtractionResult Result, bool Healthy) Extract(string path, string display, WorkerOptions options)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(options.TimeLimit.TotalSeconds * Stopwatch.Frequency);
            try
            {
                _process.StandardInput.Write(JsonSerializer.Serialize(new WorkerRequest(path, display), WorkerJson.Default.WorkerRequest));
                _process.StandardInput.Write('\n');
                _process.StandardInput.Flush();
                var document = ReadFrame(deadline, MaxOutputBytes(options.MemoryLimitBytes));
                var diagnostics = ReadFrame(deadline, MaxOutputBytes(options.MemoryLimitBytes));
                var wire = JsonSerializer.Deserialize(diagnostics, WorkerJson.Default.ImmutableArrayWireDiagnostic);
                var result = new ExtractionResult(
                    display,
                    document.Length == 0 ? null : PolicyJson.Deserialize(document),
                    [.. wire.Select(w => w.ToDiagnostic())]);

                // A worker that ran out of memory answered for its document; its heap may be left in any state.
                return (result, !result.Diagnostics.Any(d => d.Code == DiagnosticCatalog.OverMemoryBudget.Code));
            }
            catch (TimeoutException)
            {
                Kill();
                return (Failed(display, DiagnosticCatalog.OverTimeBudget, Seconds(options.TimeLimit)), false);
            }
            catch (Exception e) when (e is IOException or EndOfStreamException or JsonException or InvalidOperationException or AggregateException)
            {
                // The worker died mid-document: say how, from what it printed on its way out.
                Kill();
                var said = Said();
                return (said.Contains("OutOfMemory", StringComparison.Ordinal)
                    ? Failed(display, DiagnosticCatalog.OverMemoryBudget, Megabytes(options.MemoryLimitBytes))
                    : Failed(display, DiagnosticCatalog.ReaderCrashed, said.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase) ? "stack overflow" : ExitDescription()), false);
            }
        }

        /// <summary>
        /// One length-prefixed frame, by the deadline. The wait is on the task, not a cancellation token: a pipe read
        /// need not honour one, and a killed worker ends the read anyway.
        /// </summary>
        private byte[] ReadFrame(long deadline, long maxLength)
        {
            var header = new byte[4];
            Await(_replies.ReadExactlyAsync(header).AsTask(), deadline);
            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            if (length < 0 || length > maxLength)
            {
                throw new InvalidOperationException("bad frame from the worker");
            }

            var frame = new byte[length];
            Await(_replies.ReadExactlyAsync(frame).AsTask(), deadline);
            return frame;
        }

        private static void Await(Task read, long deadline)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero || !read.Wait(left))
            {
                // The read goes on until the worker is killed; its outcome is of no interest then.
                _ = read.ContinueWith(t => t.Exception, TaskScheduler.Default);
                throw new TimeoutException();
            }
        }

        private string Said()
        {
            // The worker's last words arrive on their own thread; give them a moment after it exits.
            _process.WaitForExit(TimeSpan.FromSeconds(2));
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }

        private string ExitDescription() =>
            _process.HasExited ? $"exit code {_process.ExitCode}" : "it stopped answering";

        private void Kill()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }

        public void Dispose()
        {
            try
            {
                // Closing its input tells an idle worker to finish; one that is busy or deaf is killed.
                _process.StandardInput.Close();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(2)))
                {
                    Kill();
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                Kill();
            }

            _process.Dispose();
        }
    }

    private static string Seconds(TimeSpan limit) => limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture);

    private static ExtractionResult Failed(string display, DiagnosticDescriptor descriptor, params string[] arguments) =>
        new(display, null, [Diagnostic.Create(descriptor, display, null, arguments)]);

    /// <summary>
    /// The worker's side: reads request lines from <paramref name="input"/> until it closes, extracts each document and
    /// answers on <paramref name="output"/>. An out-of-memory is answered as IN031 and ends the worker (its heap may be
    /// left in any state); the parent starts another. A document that runs far past its time limit ends the worker
    /// itself, so a worker orphaned by a killed parent cannot run for ever.
    /// </summary>
    public static int Serve(PolicyPipeline pipeline, TextReader input, Stream output, TimeSpan timeLimit, long memoryLimitBytes)
    {
        var extractor = new BatchExtractor(pipeline);
        var busySince = long.MaxValue;
        var grace = timeLimit * 2 + TimeSpan.FromSeconds(5);
        using var watchdog = new Timer(
            _ =>
            {
                var since = Interlocked.Read(ref busySince);
                if (since != long.MaxValue && Stopwatch.GetElapsedTime(since) > grace)
                {
                    Environment.Exit(124);
                }
            },
            null,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(1));
        while (input.ReadLine() is { } line)
        {
            var request = JsonSerializer.Deserialize(line, WorkerJson.Default.WorkerRequest) ?? throw new InvalidOperationException("empty request");
            Interlocked.Exchange(ref busySince, Stopwatch.GetTimestamp());
            ExtractionResult result;
            var outOfMemory = false;
            try
            {
                result = extractor.ProcessContained(request.Path, request.Display);
            }
            catch (OutOfMemoryException)
            {
                outOfMemory = true;
                result = Failed(request.Display, DiagnosticCatalog.OverMemoryBudget, Megabytes(memoryLimitBytes));
            }

            var json = result.Document is { } document ? PolicyJson.Serialize(document) : [];
            if (json.Length > MaxOutputBytes(memoryLimitBytes))
            {
                // Each rule quotes its sentence, so a clause of thousands of 分别 pairs writes its text thousands of
                // times: the parent, which reads the answer back and writes it out, would need several times that.
                result = Failed(request.Display, DiagnosticCatalog.OverOutputBudget, Megabytes(json.Length), Megabytes(MaxOutputBytes(memoryLimitBytes)));
                json = [];
            }

            WriteFrame(output, json);
            WriteFrame(output, JsonSerializer.SerializeToUtf8Bytes([.. result.Diagnostics.Select(WireDiagnostic.From)], WorkerJson.Default.ImmutableArrayWireDiagnostic));
            output.Flush();
            Interlocked.Exchange(ref busySince, long.MaxValue);
            if (outOfMemory)
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary>
    /// The largest output a worker sends back: a sixteenth of the memory budget (64 MB by default, some 350 times the
    /// largest of the corpus), so that the parent's copies of it stay well inside the budget too.
    /// </summary>
    internal static long MaxOutputBytes(long memoryLimitBytes) => memoryLimitBytes / 16;

    private static void WriteFrame(Stream output, byte[] frame)
    {
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, frame.Length);
        output.Write(prefix);
        output.Write(frame);
    }
}

internal sealed record WorkerRequest(string Path, string Display);

/// <summary>A diagnostic as it crosses from a worker: its descriptor travels with it, so the parent needs no catalogue lookup.</summary>
internal sealed record WireDiagnostic(string Code, Severity Severity, string Template, string File, SourceSpan? Span, ImmutableArray<string> Args)
{
    public static WireDiagnostic From(Diagnostic d) => new(d.Code, d.Severity, d.Descriptor.MessageTemplate, d.File, d.Span, d.Args);

    public Diagnostic ToDiagnostic() => new(new DiagnosticDescriptor(Code, Severity, Template), File, Span, Args);
}

[JsonSerializable(typeof(WorkerRequest))]
[JsonSerializable(typeof(ImmutableArray<WireDiagnostic>))]
internal sealed partial class WorkerJson : JsonSerializerContext;
