using System.Text;
using PolicyExtract.Diagnostics;
using PolicyExtract.Output;

namespace PolicyExtract.Pipeline;

/// <summary>
/// Links drafting notes and interpretations to the policy they explain, by title, as results stream past in input
/// order: a note whose policy has been seen is linked at once; one whose policy has not waits until it is seen or the
/// stream ends (then MD004 says the policy is not among the inputs). When several inputs carry the title, the first in
/// input order is the one linked, as if the whole corpus had been read first. Holds only the notes still waiting.
/// </summary>
internal sealed class ExplainsLinker
{
    private readonly Dictionary<string, string> _policyByTitle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Index, ExtractionResult Result)>> _waiting = new(StringComparer.Ordinal);

    /// <summary>The results now ready, <paramref name="result"/> among them unless it waits, each with its input index.</summary>
    public IEnumerable<(int Index, ExtractionResult Result)> Offer(int index, ExtractionResult result)
    {
        if (result.Document is { Document.Explains: { } explains })
        {
            var key = TitleKey(explains.Title);
            if (_policyByTitle.TryGetValue(key, out var id))
            {
                return [(index, Linked(result, id))];
            }

            if (!_waiting.TryGetValue(key, out var queue))
            {
                _waiting[key] = queue = [];
            }

            queue.Add((index, result));
            return [];
        }

        if (result.Document?.Document is not { Title: { } title, Id: var policyId })
        {
            return [(index, result)];
        }

        var titleKey = TitleKey(title);
        if (!_policyByTitle.TryAdd(titleKey, policyId) || !_waiting.Remove(titleKey, out var released))
        {
            return [(index, result)];
        }

        // Notes that came before their policy, in input order, after it.
        return [(index, result), .. released.Select(w => (w.Index, Linked(w.Result, policyId)))];
    }

    /// <summary>The notes whose policy never came, each with MD004, in input order.</summary>
    public IEnumerable<(int Index, ExtractionResult Result)> Finish()
    {
        var left = _waiting.Values.SelectMany(q => q).OrderBy(w => w.Index).ToList();
        _waiting.Clear();
        return left.Select(w => (w.Index, NotFound(w.Result)));
    }

    private static ExtractionResult Linked(ExtractionResult result, string policyId)
    {
        var document = result.Document!;
        var metadata = document.Document with { Explains = document.Document.Explains! with { DocumentId = policyId } };
        return result with { Document = document with { Document = metadata } };
    }

    private static ExtractionResult NotFound(ExtractionResult result)
    {
        var document = result.Document!;
        var info = Diagnostic.Create(DiagnosticCatalog.ExplainedPolicyNotFound, result.File, null, document.Document.Explains!.Title);
        return result with
        {
            Document = document with { Diagnostics = document.Diagnostics.Add(DiagnosticRecord.From(info)) },
            Diagnostics = result.Diagnostics.Add(info),
        };
    }

    /// <summary>
    /// Titles as compared for linking: the same policy is typeset with different dashes, brackets and spaces in different
    /// documents (（2021—2035年） / （2021－2035年） / (2021-2035年)).
    /// </summary>
    private static string TitleKey(string title)
    {
        var key = new StringBuilder(title.Length);
        foreach (var c in title)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            key.Append(c switch
            {
                '—' or '－' or '–' or '‒' or '―' or '~' or '～' => '-',
                '(' => '（',
                ')' => '）',
                _ => c,
            });
        }

        return key.ToString();
    }
}
