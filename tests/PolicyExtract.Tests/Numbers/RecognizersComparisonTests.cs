using System.Globalization;
using System.Text;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;
using Microsoft.Recognizers.Text.NumberWithUnit;
using PolicyExtract.Extract;
using PolicyExtract.Numbers;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Numbers;

/// <summary>
/// Microsoft.Recognizers.Text, the number recognizer the client's design card names, as a second opinion: generated
/// Chinese, financial and mixed numerals must be read by <see cref="Numeral"/> as its Chinese number model reads them,
/// but for the differences listed here with the reason ours is right for policy text; and the README's table of what
/// its number, range, percentage and currency models make of the genre's quantity phrases, beside what
/// <see cref="QuantityFinder"/> makes of them, must be what both read today.
/// </summary>
public sealed class RecognizersComparisonTests
{
    private static readonly string[] Units = ["十", "百", "千", "万", "十万", "百万", "千万", "亿"];

    /// <summary>What Recognizers-Text's Chinese number model reads <paramref name="text"/> as, when one number covers all of it.</summary>
    private static string Theirs(string text) =>
        NumberRecognizer.RecognizeNumber(text, Culture.Chinese) is [var only] && only.Text == text && only.Resolution.TryGetValue("value", out var v)
            ? Convert.ToString(v, CultureInfo.InvariantCulture)!
            : "-";

    private static string Ours(string text) => Numeral.TryParse(text, out var value) ? value.ToString(CultureInfo.InvariantCulture) : "-";

    /// <summary>
    /// Spelled integers in the three styles policies print (一万二千, 两万, 壹万贰仟), digits before a unit (3千万, 5百万) and
    /// decimals before 万 or 亿 (1.5万, 0.3亿).
    /// </summary>
    private static IEnumerable<string> Numerals(int count, int seed)
    {
        // A seeded Random draws the same sequence on every machine, so a disagreement is reproduced by the run that printed it.
        var random = new Random(seed);
        SpellStyle[] styles = [ChineseSpeller.Standard, ChineseSpeller.Colloquial, ChineseSpeller.Financial];
        for (var i = 0; i < count; i++)
        {
            yield return random.Next(4) switch
            {
                0 => ChineseSpeller.Spell(random.NextInt64(0, 100_000), styles[random.Next(styles.Length)]),
                1 => ChineseSpeller.Spell(random.NextInt64(0, 1_000_000_000_000), styles[random.Next(styles.Length)]),
                2 => random.Next(1, 10_000).ToString(CultureInfo.InvariantCulture) + Units[random.Next(Units.Length)],
                _ => (random.Next(1, 10_000) / (decimal)Math.Pow(10, random.Next(1, 3))).ToString(CultureInfo.InvariantCulture) + (random.Next(2) == 0 ? "万" : "亿"),
            };
        }
    }

    [Fact]
    public void Generated_numerals_are_read_alike()
    {
        var disagreements = Numerals(3_000, seed: 1).Where(n => Ours(n) != Theirs(n)).Select(n => $"{n}: ours {Ours(n)}, theirs {Theirs(n)}").ToList();
        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements.Take(60)) + $"\n({disagreements.Count} in all)");
    }

    /// <summary>
    /// Where the two numeral readers differ, and why ours is right for policy text. A numeral here is the figure alone;
    /// what surrounds it (百分之, 多, 几, 成) is the quantity layer's, which reads 百分之五十 as 50%, 十几万 as the interval
    /// 110,000 to 190,000 and 一千多万 as above ten million, where the number model gives single values.
    /// </summary>
    [Theory]
    // Years and counts written digit by digit (二〇二三年) are figures; the number model finds nothing.
    [InlineData("二〇二三", "2023", "-")]
    // A decimal before 千, 百 or 十 (1.5千元) is as plain as one before 万; the number model reads it only before 万 and 亿.
    [InlineData("1.5千", "1500", "-")]
    [InlineData("2.5百", "250", "-")]
    // Spoken shorthand: 5万5 says 55,000; the number model reads 50,005. Policies write 5.5万 or 5万5千, so ours refuses it.
    [InlineData("5万5", "-", "50005")]
    // 半 (half) is a ratio word of the grammar (减半, 一半), not a numeral.
    [InlineData("半", "-", "0.5")]
    public void Documented_differences(string text, string ours, string theirs)
    {
        Assert.Equal(ours, Ours(text));
        Assert.Equal(theirs, Theirs(text));
    }

    private const string TableStart = "<!-- recognizers-table: kept by Numbers/RecognizersComparisonTests -->";

    /// <summary>
    /// The README's table: every row's phrase, what each Recognizers-Text model gives and what ours gives, as both read
    /// it today. The last column (the right reading) is written by hand and not checked here; it is what the quantity
    /// specs assert for ours.
    /// </summary>
    [Fact]
    public void The_readme_table_is_what_both_read()
    {
        var readme = File.ReadAllLines(Path.Combine(Repo.Root, "README.md"));
        var start = Array.IndexOf(readme, TableStart);
        Assert.True(start >= 0, "README.md has no line " + TableStart);
        var rows = readme.Skip(start + 3).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.True(rows.Count >= 10, $"{rows.Count} rows");
        var problems = new StringBuilder();
        foreach (var row in rows)
        {
            var cells = row.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var phrase = cells[0].Trim('`');
            string[] measured = [Number(phrase), Range(phrase), Percentage(phrase), Currency(phrase), QuantityFinderReading(phrase)];
            for (var i = 0; i < measured.Length; i++)
            {
                if (cells[i + 1] != measured[i])
                {
                    problems.AppendLine($"{phrase}, column {i + 2}: README '{cells[i + 1]}', read '{measured[i]}'");
                }
            }
        }

        Assert.True(problems.Length == 0, problems.ToString());
    }

    private static string Number(string text) => Render(NumberRecognizer.RecognizeNumber(text, Culture.Chinese), r => Value(r));

    private static string Range(string text) => Render(NumberRecognizer.RecognizeNumberRange(text, Culture.Chinese), r => Value(r));

    private static string Percentage(string text) => Render(NumberRecognizer.RecognizePercentage(text, Culture.Chinese), r => Value(r));

    private static string Currency(string text) => Render(
        NumberWithUnitRecognizer.RecognizeCurrency(text, Culture.Chinese),
        r => (Value(r) is { Length: > 0 } v ? v : "(none)") + (r.Resolution.TryGetValue("isoCurrency", out var iso) ? " " + iso : ""));

    private static string Value(ModelResult r) => r.Resolution.TryGetValue("value", out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? "" : "";

    private static string Render(IEnumerable<ModelResult> results, Func<ModelResult, string> value)
    {
        var all = results.Select(r => $"{r.Text} → {value(r)}").ToList();
        return all.Count == 0 ? "—" : string.Join("; ", all);
    }

    /// <summary>Ours in the same notation: a bound as ≥ ≤ &gt; &lt;, an interval in brackets, ~ for an approximation.</summary>
    private static string QuantityFinderReading(string text)
    {
        var all = QuantityFinder.Find(text, Repo.Grammar.Quantities).Select(m =>
        {
            string F(decimal d) => (m.Kind == QuantityKind.Percent ? (d * 100).ToString("0.####", CultureInfo.InvariantCulture) + "%" : d.ToString(CultureInfo.InvariantCulture));
            var unit = m.Kind == QuantityKind.Percent ? "" : " " + m.Unit;
            var figure = m.Value is { } value
                ? (m.Bound?.Direction switch
                {
                    BoundDirection.AtLeast => "≥ ",
                    BoundDirection.AtMost => "≤ ",
                    BoundDirection.MoreThan => "> ",
                    BoundDirection.LessThan => "< ",
                    _ => "",
                }) + F(value)
                : (m.MinInclusive == true ? "[" : "(") + F(m.Min!.Value) + ", " + F(m.Max!.Value) + (m.MaxInclusive == true ? "]" : ")");
            return $"{text[m.Start..m.End]} → {figure}{unit}{(m.Per is { } per ? " per " + per : "")}{(m.Approximate ? " ~" : "")}";
        }).ToList();
        return all.Count == 0 ? "—" : string.Join("; ", all);
    }
}
