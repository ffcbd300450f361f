using System.Collections.Immutable;
using PolicyExtract.Grammar;
using PolicyExtract.Rules;

namespace PolicyExtract.Extract.Roles;

/// <summary>
/// What a limit counts per, from the words before its figure: each recipient (同一单位每年资助不超过3个项目, 单家投资机构
/// 每年补助不超过100万元, 每户每年不超过30万元), each project or item (单个项目最高300万元, 同一项专利仅资助一次, 同一笔
/// 贷款), or nothing, which is the programme as a whole (每年最多资助10家). The genre names the recipient with any noun
/// after a quantifier (每家, 单个, 同一…), so the reader takes the quantifier and asks only whether the noun is an item's.
/// The words are the grammar's (<c>cues.txt</c>: [scope-entity], [scope-project], [scope-quantifier], [scope-item]).
/// </summary>
internal sealed class LimitScopeReader(PolicyGrammar grammar)
{
    private readonly ImmutableArray<string> _entities = grammar.Cues["scope-entity"];
    private readonly ImmutableArray<string> _projects = grammar.Cues["scope-project"];
    private readonly ImmutableArray<string> _quantifiers = grammar.Cues["scope-quantifier"];
    private readonly ImmutableArray<string> _items = grammar.Cues["scope-item"];
    private readonly ImmutableArray<string> _grantWords = [.. grammar.Cues["grant-verb"], .. grammar.Cues["benefit"]];

    public LimitScope? Read(string lead)
    {
        if (_entities.Any(w => lead.Contains(w, StringComparison.Ordinal)))
        {
            return LimitScope.PerEntity;
        }

        LimitScope? found = _projects.Any(w => lead.Contains(w, StringComparison.Ordinal)) ? LimitScope.PerProject : null;
        foreach (var quantifier in _quantifiers)
        {
            for (var at = lead.IndexOf(quantifier, StringComparison.Ordinal); at >= 0; at = lead.IndexOf(quantifier, at + 1, StringComparison.Ordinal))
            {
                var noun = lead.AsSpan(at + quantifier.Length);
                if (noun.IsEmpty || !Words.IsHan(noun[0]) || Words.StartOf(noun, _grantWords) is not null)
                {
                    // 每个支持金额不超过10万元: each grant's amount, a cap on the grant, not a limit per anyone.
                    continue;
                }

                if (Words.StartOf(noun, _items) is null)
                {
                    // A recipient counts before an item: 同一展会每家企业最多奖励4个标准展位 is per firm.
                    return LimitScope.PerEntity;
                }

                found = LimitScope.PerProject;
            }
        }

        return found;
    }
}
