namespace PolicyExtract.Rules;

/// <summary>
/// A grant the policy makes. The extraction stage that fills this in comes with the rules work; until then documents
/// carry an empty <c>rules</c> array so consumers can rely on its presence.
/// </summary>
public sealed record Rule(string Id, string Clause);
