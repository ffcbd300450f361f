using System.Collections.Immutable;

namespace PolicyExtract.Grammar;

/// <summary>How a clause number is written: Chinese numerals, Arabic digits, or circled digits.</summary>
public enum NumeralHole
{
    Chinese,
    Arabic,
    ChineseOrArabic,
    Circled,
}

/// <summary>One way a label can be written: literal text before and after the number.</summary>
public sealed record LabelTemplate(string Prefix, NumeralHole Hole, string Suffix);

/// <summary>
/// A clause numbering scheme from <c>grammar/numbering.txt</c>: <c>（一）</c> is scheme <c>zh-paren</c>, level
/// <c>section</c>, rank 50. Rank decides nesting; level is the name the output gives the clause.
/// </summary>
public sealed record NumberingScheme(string Name, string Level, int Rank, ImmutableArray<LabelTemplate> Templates, int Line);
