using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>What every rewrite to a guard call reads first: the document's semantic model and root, and the persona
/// and guard types the diagnostic names, the guard having the method the rewrite will call. Null when any of them is
/// missing — then no fix is offered.</summary>
internal sealed class GuardRewrite
{
    private GuardRewrite(SemanticModel model, SyntaxNode root, GuardTypes types)
    {
        Model = model;
        Root = root;
        Types = types;
    }

    public SemanticModel Model { get; }

    public SyntaxNode Root { get; }

    public GuardTypes Types { get; }

    public static async Task<GuardRewrite?> PrepareAsync(Document document, Diagnostic diagnostic, string guardMethod, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null)
            return null;
        var types = GuardTypes.For(diagnostic, model.Compilation, guardMethod);
        return types is null ? null : new GuardRewrite(model, root, types);
    }

    /// <summary>For a <c>SafestSubstitute</c> rewrite: it returns null when no candidate is safe, which a value-type
    /// profile cannot express.</summary>
    public static async Task<GuardRewrite?> PrepareSafestSubstituteAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var rewrite = await PrepareAsync(document, diagnostic, "SafestSubstitute", cancellationToken).ConfigureAwait(false);
        return rewrite is null || rewrite.Types.Persona.IsValueType ? null : rewrite;
    }
}
