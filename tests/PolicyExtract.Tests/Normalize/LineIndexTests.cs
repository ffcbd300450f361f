using PolicyExtract.Normalize;

namespace PolicyExtract.Tests.Normalize;

public sealed class LineIndexTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 3)]
    [InlineData(3, 7)]
    [InlineData(4, 9)]
    [InlineData(0, 0)]
    [InlineData(9, 9)]
    public void A_line_starts_after_LF_CRLF_or_a_lone_CR_and_lines_out_of_range_are_clamped(int line, int start)
    {
        var index = new LineIndex("ab\ncd\r\ne\rf");

        Assert.Equal(start, index.StartOf(line));
        Assert.Equal(Math.Clamp(line, 1, 4), index.LineOf(index.StartOf(line)));
    }
}
