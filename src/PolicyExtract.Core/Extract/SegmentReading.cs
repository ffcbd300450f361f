namespace PolicyExtract.Extract;

/// <summary>
/// What the rule stage made of one comma-segment of a clause, for <c>extract --explain</c>: its place in the clause text
/// [<see cref="Start"/>, <see cref="End"/>), the text, and its role or the decision taken on it, in words.
/// </summary>
public sealed record SegmentReading(int Start, int End, string Text, string Role);
