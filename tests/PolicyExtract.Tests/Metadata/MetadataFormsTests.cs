using PolicyExtract.Metadata;
using PolicyExtract.Tests.TestSupport;

namespace PolicyExtract.Tests.Metadata;

/// <summary>Metadata written the ways other districts write it.</summary>
public sealed class MetadataFormsTests
{
    private static DocumentMetadata Read(string text, out List<PolicyExtract.Diagnostics.Diagnostic> diagnostics)
    {
        var result = Repo.Pipeline.Process(System.Text.Encoding.UTF8.GetBytes(text), "forms.txt");
        Assert.NotNull(result.Document);
        diagnostics = [.. result.Diagnostics];
        return result.Document!.Document;
    }

    private static Effective EffectiveOf(string closing) =>
        Read($"某区若干措施\n一、支持\n（一）给予奖励。\n二、附则\n{closing}", out _).Effective;

    [Theory]
    [InlineData("本措施自2023年10月24日起施行，有效期5年。", "2023-10-24", "2028-10-23", 5)]
    [InlineData("本办法自2024年1月1日起实施，有效期为三年。", "2024-01-01", "2026-12-31", 3)]
    [InlineData("本办法自二〇二四年三月一日起执行，有效期两年。", "2024-03-01", "2026-02-28", 2)]
    [InlineData("本办法自2024年2月29日起施行，有效期1年。", "2024-02-29", "2025-02-27", 1)]
    [InlineData("本办法自2024年1月1日起施行，有效期至2026年12月31日。", "2024-01-01", "2026-12-31", null)]
    public void Effective_date_and_validity(string closing, string from, string until, int? years)
    {
        var effective = EffectiveOf(closing);
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), years, EffectiveBasis.Date),
            (effective.From!.Value, effective.Until!.Value, effective.ValidYears, effective.Basis));
        Assert.Equal("2", effective.Clause);
    }

    [Fact]
    public void A_placeholder_date_is_unknown_and_reported()
    {
        var metadata = Read("某区实施办法（征求意见稿）\n一、附则\n本办法自2024年X月X日起施行，有效期3年。", out var diagnostics);
        Assert.Equal((null, null, 3, EffectiveBasis.Placeholder), (metadata.Effective.From, metadata.Effective.Until, metadata.Effective.ValidYears, metadata.Effective.Basis));
        Assert.Equal(DocumentStatus.Draft, metadata.Status);
        Assert.Equal("某区实施办法", metadata.Title);
        var d = Assert.Single(diagnostics, d => d.Code == "MD002");
        Assert.Equal(["2024年X月X日", "effective date"], d.Args.ToArray());
    }

    [Fact]
    public void An_impossible_date_is_reported_not_guessed()
    {
        var metadata = Read("某区办法\n一、附则\n本办法自2023年2月30日起施行。", out var diagnostics);
        Assert.Null(metadata.Effective.From);
        Assert.Contains(diagnostics, d => d.Code == "MD003" && d.Args[0] == "2023年2月30日");
    }

    [Theory]
    [InlineData("某某区促进知识产权高质量发展实施办法", "implementation-measures")]
    [InlineData("某某区知识产权专项资金管理办法", "administrative-measures")]
    [InlineData("某某区关于支持科技创新的若干措施", "measures")]
    [InlineData("某某区质量强区行动计划（2023—2025年）", "action-plan")]
    [InlineData("某某区科技创新若干措施（试行）", "measures")]
    [InlineData("某某区质量强区行动计划", "action-plan")]
    [InlineData("《某某区若干措施》起草说明", "drafting-notes")]
    [InlineData("某某区人才发展实施方案", "implementation-plan")]
    public void Kind_follows_the_title_ending(string title, string? kind) =>
        Assert.Equal(kind, Read($"{title}\n一、支持\n（一）给予奖励。", out _).Kind);

    [Fact]
    public void A_notice_wrapper_gives_issuer_number_and_date_but_not_the_title()
    {
        var metadata = Read("""
            某政办规〔2024〕7号
            某某区人民政府办公室关于印发《某某区
            科技创新若干措施》的通知
            各街道办事处：
            《某某区科技创新若干措施》已经区政府同意，现印发给你们。
            某某区人民政府办公室
            二〇二四年三月五日
            某某区科技创新若干措施
            一、支持创新
            （一）给予奖励。
            """, out _);
        Assert.Equal(("某某区科技创新若干措施", "某某区人民政府办公室", "某政办规〔2024〕7号", new DateOnly(2024, 3, 5)),
            (metadata.Title, string.Join(" ; ", metadata.Issuers), metadata.DocumentNumber, metadata.IssuedOn));
        Assert.Empty(metadata.Cites);
    }

    [Fact]
    public void Interpreting_body_and_effective_on_publication()
    {
        var metadata = Read("某区办法\n一、附则\n本办法由区科技局会同区财政局负责解释，自印发之日起施行。", out _);
        Assert.Equal("区科技局", metadata.InterpretedBy);
        Assert.Equal(EffectiveBasis.Publication, metadata.Effective.Basis);
        Assert.Null(metadata.Effective.From); // no issue date in the document
    }
}
