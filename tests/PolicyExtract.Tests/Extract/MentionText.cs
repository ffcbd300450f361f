using System.Globalization;
using System.Text;
using PolicyExtract.Extract;

namespace PolicyExtract.Tests.Extract;

/// <summary>
/// One line per mention, so a table row states everything about it at once:
/// <c>「covered text」 Kind value unit [per=…] [~] [bound=word,Direction,incl|excl,Source] [exact=n/d]</c>. A single
/// figure prints its value; an interval prints <c>[min..max]</c> with ( or ) for an open end. Decimals print as stored,
/// so a stray scale (1.0) would show.
/// </summary>
internal static class MentionText
{
    public static string Render(string text, QuantityMention m)
    {
        var sb = new StringBuilder();
        sb.Append('「').Append(text[m.Start..m.End]).Append("」 ").Append(m.Kind).Append(' ');
        if (m.Value is { } value)
        {
            sb.Append(D(value));
        }
        else
        {
            sb.Append(m.MinInclusive == true ? '[' : '(').Append(D(m.Min!.Value)).Append("..").Append(D(m.Max!.Value))
                .Append(m.MaxInclusive == true ? ']' : ')');
        }

        sb.Append(' ').Append(m.Unit);
        if (m.Per is { } per)
        {
            sb.Append(" per=").Append(per);
        }

        if (m.Approximate)
        {
            sb.Append(" ~");
        }

        if (m.Bound is { } b)
        {
            sb.Append(" bound=").Append(b.Word).Append(',').Append(b.Direction).Append(',').Append(b.Inclusive ? "incl" : "excl").Append(',').Append(b.Source);
        }

        if (m.UpperBound is { } u)
        {
            sb.Append(" upper=").Append(u.Word).Append(',').Append(u.Direction).Append(',').Append(u.Inclusive ? "incl" : "excl").Append(',').Append(u.Source);
        }

        if (m.Exact is { } e)
        {
            sb.Append(" exact=").Append(D(e.Numerator)).Append('/').Append(D(e.Denominator));
        }

        return sb.ToString();
    }

    /// <summary>The invariants every result must keep, whatever the input.</summary>
    public static void AssertWellFormed(string text, IReadOnlyList<QuantityMention> mentions)
    {
        var previousEnd = 0;
        foreach (var m in mentions)
        {
            Assert.InRange(m.Start, previousEnd, text.Length);
            Assert.InRange(m.End, m.Start + 1, text.Length);
            previousEnd = m.End;
            if (m.Value is not null)
            {
                Assert.True(m.Min is null && m.Max is null && m.MinInclusive is null && m.MaxInclusive is null, $"single and range at once: {m}");
            }
            else
            {
                Assert.True(m.Min is { } min && m.Max is { } max && min <= max && m.MinInclusive is not null && m.MaxInclusive is not null, $"bad range: {m}");
            }

            Assert.False(string.IsNullOrEmpty(m.Unit));
            if (m.Bound is { } b)
            {
                Assert.InRange(b.Start, 0, b.End);
                Assert.Equal(b.Word, text[b.Start..b.End]);
            }
        }
    }

    private static string D(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
