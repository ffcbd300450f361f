using Icu;
using PolicyExtract.Ingest;

namespace PolicyExtract.Baseline;

/// <summary>
/// The yardstick of the scale target: read every file of a corpus, decode it to the text the extractor reads (the same
/// decoders, so both processes start from the same characters), and run ICU's Chinese word-breaker over all of it once,
/// on one thread, with one iterator: the cheapest honest word-break pass this binding allows.
/// </summary>
internal static class IcuPass
{
    public static int Run(string folder)
    {
        Wrapper.Init();
        using var iterator = new RuleBasedBreakIterator(BreakIterator.UBreakIteratorType.WORD, new Locale("zh_CN"));
        long characters = 0, words = 0;
        var files = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            var html = path.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
            var decoded = html ? HtmlText.DecodeHtml(bytes, path) : TextDecoding.Decode(bytes, path);
            if (decoded.Text is not { } text)
            {
                continue;
            }

            if (html)
            {
                text = HtmlText.Extract(text).Text;
            }

            iterator.SetText(text);
            while (iterator.MoveNext() != BreakIterator.DONE)
            {
                words++;
            }

            characters += text.Length;
            files++;
        }

        Console.Error.WriteLine($"icu-pass: {files} files, {characters} characters, {words} boundaries");
        return 0;
    }
}
