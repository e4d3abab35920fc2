using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>One kind of edit for one diagnostic. <see cref="ApplyAsync"/> returns null where the edit cannot produce
/// compiling, meaning-preserving code, so the fix is not offered there. The same instance serves the light bulb and
/// Fix All (which applies it to one diagnostic after another, so each edit sees the names the previous ones added).</summary>
internal abstract class PersonaFix
{
    /// <summary>Unique across all PersonaAnalyzers fixes: Fix All groups by it.</summary>
    public abstract string EquivalenceKey { get; }

    public abstract string Title(Diagnostic diagnostic);

    /// <summary>Rewrites <paramref name="document"/> for the diagnostic whose reported node is <paramref name="node"/>.
    /// Returns <paramref name="document"/> itself where an earlier edit of the same Fix All already answered the
    /// diagnostic (the helper it would mark is marked): the preferred fix then stops there instead of trying the next
    /// kind of fix, and the light bulb offers nothing.</summary>
    public abstract Task<Document?> ApplyAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken);
}
