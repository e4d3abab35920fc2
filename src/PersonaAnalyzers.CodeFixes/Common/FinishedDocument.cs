using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Formatting;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Turns an edited root into the document a fix offers: formats only the new nodes, and refuses the edit when the compiler finds more
/// problems in the file than before (a fix must compile and raise no new diagnostic).</summary>
internal static class FinishedDocument
{
    public static async Task<Document?> CreateAsync(Document original, SyntaxNode newRoot, CancellationToken cancellationToken)
    {
        var document = original.WithSyntaxRoot(newRoot);
        document = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await AddsNoCompilerProblemAsync(original, document, cancellationToken).ConfigureAwait(false) ? document : null;
    }

    /// <summary>True when no compiler diagnostic id (warning or error) occurs more often in <paramref name="after"/> than
    /// in <paramref name="before"/>.</summary>
    private static async Task<bool> AddsNoCompilerProblemAsync(Document before, Document after, CancellationToken cancellationToken)
    {
        var old = await CountAsync(before, cancellationToken).ConfigureAwait(false);
        var now = await CountAsync(after, cancellationToken).ConfigureAwait(false);
        return now.All(pair => old.TryGetValue(pair.Key, out var count) && count >= pair.Value);
    }

    private static async Task<Dictionary<string, int>> CountAsync(Document document, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>();
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
            return counts;
        foreach (var diagnostic in model.GetDiagnostics(cancellationToken: cancellationToken))
        {
            if (diagnostic.Severity < DiagnosticSeverity.Warning)
                continue;
            counts.TryGetValue(diagnostic.Id, out var count);
            counts[diagnostic.Id] = count + 1;
        }
        return counts;
    }
}
