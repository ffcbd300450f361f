using PolicyExtract.Output;
using PolicyExtract.Pipeline;
using PolicyExtract.Tests.TestSupport;
using Same = PolicyExtract.Tests.Pipeline.SameClausesAcrossFormatsTests;

namespace PolicyExtract.Tests.Pipeline;

/// <summary>
/// The seeds as the Word files they were converted from (labels in Word's automatic numbering, see
/// <see cref="PolicyDocx"/>) and as the PDFs LibreOffice prints from those files give the clauses, rules and metadata
/// of the plain-text seeds (issue 7's acceptance test).
/// </summary>
public sealed class SameClausesFromWordAndPdfTests(SameClausesFromWordAndPdfTests.Files files) : IClassFixture<SameClausesFromWordAndPdfTests.Files>
{
    public static TheoryData<string> Seeds => new(Repo.SeedNumbers);

    /// <summary>Every seed rebuilt as .docx, and printed to PDF once for the class where LibreOffice is installed.</summary>
    public sealed class Files : IDisposable
    {
        private readonly TempFolder _temp = new("policyextract-office-");
        private readonly Lazy<IReadOnlyDictionary<string, byte[]>> _pdfs;

        public Files()
        {
            foreach (var seed in Repo.SeedNumbers)
            {
                Docx[seed] = PolicyDocx.FromSeed(Repo.Seed(seed), Repo.Grammar, out var stats);
                Stats[seed] = stats;
            }

            _pdfs = new(() =>
            {
                // The final version, as it is published: no tracked changes (see PolicyDocx.Options.Printed).
                var paths = new List<string>();
                foreach (var seed in Repo.SeedNumbers)
                {
                    var path = Path.Combine(_temp.FullName, seed + ".docx");
                    File.WriteAllBytes(path, PolicyDocx.FromSeed(Repo.Seed(seed), Repo.Grammar, out _, PolicyDocx.Options.Printed));
                    paths.Add(path);
                }

                var pdfs = LibreOffice.ToPdf(paths, _temp.FullName);
                return pdfs.ToDictionary(p => Path.GetFileNameWithoutExtension(p), File.ReadAllBytes);
            });
        }

        public Dictionary<string, byte[]> Docx { get; } = [];

        public Dictionary<string, PolicyDocx.Stats> Stats { get; } = [];

        public IReadOnlyDictionary<string, byte[]> Pdfs => _pdfs.Value;

        public void Dispose() => _temp.Dispose();
    }

    private static ExtractionResult Extract(byte[] bytes, string name)
    {
        var result = Repo.Pipeline.Process(bytes, name);
        Assert.True(result.Document is not null, string.Join('\n', result.Diagnostics));
        return result;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Docx_with_automatic_numbering_gives_the_clauses_rules_and_metadata_of_the_text(string seed)
    {
        var stats = files.Stats[seed];
        Assert.True(stats.Numbered >= 5 && stats.Numbered > stats.Typed, $"the labels were to be Word numbering: {stats}");

        var result = Extract(files.Docx[seed], seed + ".docx");
        var copy = result.Document!;
        var original = Same.Original(seed);
        Assert.Equal("docx", copy.Document.Source.Format);
        Assert.Equal("unicode", copy.Document.Source.Encoding);
        Assert.Null(copy.Document.Source.Pages);
        Assert.Equal(Same.Clauses(original), Same.Clauses(copy));
        Assert.Equal(Same.Rules(original), Same.Rules(copy));
        Assert.Equal(Same.Metadata(original), Same.Metadata(copy));

        // A span's line is its paragraph, and every seed line is one paragraph: lines are the seed's lines.
        var source = result.Text!.Source;
        foreach (var (a, b) in original.Clauses.SelectMany(c => c.DescendantsAndSelf()).Zip(copy.Clauses.SelectMany(c => c.DescendantsAndSelf())))
        {
            Assert.Equal(a.Span.Line, b.Span.Line);
            Assert.StartsWith(b.Label, source[b.Span.Start..b.Span.End], StringComparison.Ordinal);
        }

        // Tracked changes were there and were read as accepted; nothing else was worth a word.
        Assert.Contains(result.Diagnostics, d => d.Code == "IN027");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.StartsWith("IN", StringComparison.Ordinal) && d.Code != "IN027");
    }

    [LibreOfficeTheory]
    [MemberData(nameof(Seeds))]
    public void Pdf_printed_from_the_docx_gives_the_clauses_and_rules_of_the_text(string seed)
    {
        var result = Extract(files.Pdfs[seed], seed + ".pdf");
        var copy = result.Document!;
        var original = Same.Original(seed);
        Assert.Equal("pdf", copy.Document.Source.Format);
        var pages = copy.Document.Source.Pages!.Value;
        Assert.Equal(0, pages[0]);
        Assert.True(pages.SequenceEqual(pages.Order()), "page starts are in order");
        Assert.Equal(Same.Clauses(original), Same.Clauses(copy));
        Assert.Equal(Same.Rules(original), Same.Rules(copy));
        Assert.Equal(Same.Metadata(original), Same.Metadata(copy));

        // Spans point into the text read from the PDF; each labelled clause's span starts with its label.
        var source = result.Text!.Source;
        foreach (var clause in copy.Clauses.SelectMany(c => c.DescendantsAndSelf()).Where(c => c.Label.Length > 0))
        {
            Assert.StartsWith(clause.Label, source[clause.Span.Start..clause.Span.End], StringComparison.Ordinal);
        }
    }
}
