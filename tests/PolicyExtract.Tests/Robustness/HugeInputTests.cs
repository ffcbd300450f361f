using System.Diagnostics;
using System.Text;
using PolicyExtract.Pipeline;
using PolicyExtract.Tests.TestSupport;
using Xunit.Abstractions;

namespace PolicyExtract.Tests.Robustness;

/// <summary>
/// 50 MB on one line, generated here. Each finishes in bounded time and memory (the time and the bytes allocated are
/// printed). Kept in one class so that xunit runs them one after the other.
/// </summary>
public sealed class HugeInputTests(ITestOutputHelper output)
{
    private const int Size = 50 * 1024 * 1024;

    private static byte[] Line(string unit)
    {
        var one = Encoding.UTF8.GetBytes(unit);
        var bytes = new byte[Size / one.Length * one.Length];
        for (var at = 0; at < bytes.Length; at += one.Length)
        {
            one.CopyTo(bytes, at);
        }

        return bytes;
    }

    private (ExtractionResult Result, TimeSpan Time, long Allocated) Measure(byte[] bytes, string name)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = Repo.Pipeline.Process(bytes, name);
        clock.Stop();
        var used = GC.GetAllocatedBytesForCurrentThread() - allocated;
        output.WriteLine($"{name}: {bytes.Length / 1048576.0:0.0} MB in {clock.Elapsed.TotalSeconds:0.00} s, {used / 1048576} MB allocated");
        return (result, clock.Elapsed, used);
    }

    [Theory]
    [InlineData("prose.txt", "为贯彻落实党中央国务院关于建设质量强国的决策部署加快构建高质量发展标准体系提升经济质量效益和竞争力")]
    [InlineData("figures.txt", "对企业给予最高300万元奖励，按50%给予补贴，第十条（一）1.一、百分之三十，1,000,000元；")]
    [InlineData("figures.html", "<b>对企业给予最高300万元奖励</b>，按50%给予补贴，第十条（一）1.一、&nbsp;百分之三十；")]
    [InlineData("digits.txt", "1234567890")]
    public void A_50_MB_single_line_that_is_not_a_policy_is_IN005_in_bounded_time(string name, string unit)
    {
        var (result, time, allocated) = Measure(Line(unit), name);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("IN005", name), (diagnostic.Code, diagnostic.File));
        Assert.True(time < TimeSpan.FromSeconds(60), $"took {time.TotalSeconds:0.0} s");
        Assert.True(allocated < 40L * Size, $"allocated {allocated / 1048576} MB");
    }

    [Fact]
    public void A_file_over_the_64_MB_limit_is_IN007_without_reading_it()
    {
        using var temp = new TempFolder("policyextract-huge-");
        var path = Path.Combine(temp.FullName, "huge.txt");
        using (var file = File.Create(path))
        {
            file.SetLength(PolicyPipeline.MaxInputBytes + 1);
        }

        var result = Repo.Pipeline.ProcessFile(path, "huge.txt");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("IN007", "huge.txt", null), (diagnostic.Code, diagnostic.File, diagnostic.Span));
        Assert.Equal([(PolicyPipeline.MaxInputBytes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "67108864"], diagnostic.Args.ToArray());
    }
}
