using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace PersonaAnalyzers.Substitution;

/// <summary>Where a body obtains substitutes, found by one cheap pass over its operation tree before any control flow
/// graph is built. Graphs of lambdas and local functions without a site are not built at all.</summary>
internal sealed class SourceSites
{
    private readonly List<TextSpan> _spans = new();

    public bool IsEmpty => _spans.Count == 0;

    public void Add(TextSpan span) => _spans.Add(span);

    /// <summary>Some site lies within <paramref name="span"/>.</summary>
    public bool Within(TextSpan span)
    {
        foreach (var site in _spans)
        {
            if (span.Contains(site))
                return true;
        }
        return false;
    }
}
