using System.Diagnostics;
using PolicyExtract.Pipeline;

namespace PolicyExtract.Tests.Pipeline;

/// <summary>
/// How the parent reads a worker's end. The workers here are shell scripts that die the ways a real one can (a stack
/// overflow aborts it, an out-of-memory prints and exits, a hang never answers), so each way is tried quickly and
/// exactly; the hostile-input tests run the real worker on files that cause them.
/// </summary>
public sealed class WorkerPoolTests
{
    private static WorkerPool Pool(string script, double seconds = 5) =>
        new(new WorkerOptions("sh", ["-c", script], TimeSpan.FromSeconds(seconds), 256L * 1024 * 1024));

    [Fact]
    public void A_worker_that_aborts_on_a_stack_overflow_fails_the_document_with_IN032()
    {
        using var pool = Pool("read request; echo 'Stack overflow.' >&2; echo '   at Deep()' >&2; kill -ABRT $$");

        var result = pool.Extract("/some/policy.docx", "policy.docx");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("policy.docx: error IN032 reading it crashed the worker process (stack overflow); the other documents are not affected; please report it with this file", error.ToString());
    }

    [Fact]
    public void A_worker_that_exits_without_answering_is_named_by_its_exit_code()
    {
        using var pool = Pool("read request; exit 3");

        var result = pool.Extract("/some/policy.txt", "policy.txt");

        Assert.Equal(("IN032", "exit code 3"), (Assert.Single(result.Diagnostics).Code, result.Diagnostics[0].Args[0]));
    }

    [Fact]
    public void A_worker_that_runs_out_of_memory_fails_the_document_with_IN031()
    {
        using var pool = Pool("read request; echo 'Unhandled exception. System.OutOfMemoryException: Insufficient memory' >&2; exit 134");

        var result = pool.Extract("/some/policy.pdf", "policy.pdf");

        Assert.Equal("policy.pdf: error IN031 needed more than its memory budget of 256 MB and was stopped (--memory-limit); the other documents are not affected", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void A_worker_that_never_answers_is_stopped_at_the_time_limit_and_the_next_document_gets_a_new_one()
    {
        using var pool = Pool("read request; sleep 60", seconds: 1);

        var clock = Stopwatch.StartNew();
        var first = pool.Extract("/some/a.pdf", "a.pdf");
        var second = pool.Extract("/some/b.pdf", "b.pdf");
        clock.Stop();

        Assert.Equal("a.pdf: error IN030 took longer than its time budget of 1 s and was stopped (--time-limit); the other documents are not affected", Assert.Single(first.Diagnostics).ToString());
        Assert.Equal("IN030", Assert.Single(second.Diagnostics).Code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
