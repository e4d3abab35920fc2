using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>For a rule with several fixes: the first one that applies to each diagnostic, under one equivalence key.
/// It is always the first action offered, so Fix All on it — and <c>dotnet format</c>, which fixes with the key of the
/// first action it meets — gives every diagnostic its best fix in one pass, instead of only the diagnostics that
/// happen to share the first one's kind.</summary>
internal sealed class PreferredFix : PersonaFix
{
    private readonly ImmutableArray<PersonaFix> _fixes;

    public PreferredFix(string ruleId, ImmutableArray<PersonaFix> fixes, string title)
    {
        _fixes = fixes;
        EquivalenceKey = ruleId + ".Guard";
        FixAllTitle = title;
    }

    public override string EquivalenceKey { get; }

    private string FixAllTitle { get; }

    public override string Title(Diagnostic diagnostic) => FixAllTitle;

    public override async Task<Document?> ApplyAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        foreach (var fix in _fixes)
        {
            var fixedDocument = await fix.ApplyAsync(document, node, diagnostic, cancellationToken).ConfigureAwait(false);
            if (fixedDocument is not null)
                return fixedDocument;
        }
        return null;
    }
}
