using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Substitution;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA002: replaces an argmax selection — <c>pool.MaxBy(c =&gt; Guard.Similarity(user, c))</c>,
/// <c>MinBy</c> over a distance, <c>OrderByDescending(…).First()</c> (or an ascending ordering's <c>Last()</c>), an unseeded best-so-far <c>Aggregate</c> — with
/// <c>Guard.SafestSubstitute(user, pool)</c> — as is a call of the project's own helper that does one of those
/// (<c>Best(pool, c =&gt; Guard.Similarity(user, c))</c>) — the target being the profile the selector compares against. Where the
/// selection could not be null (<c>First()</c>, <c>Aggregate</c>), the target's own profile stands in when no candidate
/// is safe. The best-so-far loop
/// (<see cref="BestSoFarLoopSelection"/>) and <c>Max</c>-then-filter (<see cref="MaxThenFilterSelection"/>) are
/// rewritten where their shape is exactly the selection and nothing else. One equivalence key for every shape: Fix All
/// and <c>dotnet format</c> (which fixes with the first action's key) then fix each selection in one pass.</summary>
internal sealed class SafestSubstituteSelectionFix : PersonaFix
{
    public override string EquivalenceKey => "PERSONA002.UseSafestSubstitute";

    public override string Title(Diagnostic diagnostic) => "Select with the guard's SafestSubstitute";

    public override async Task<Document?> ApplyAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(SubstitutionProperties.Selection, out var selection) || selection is null)
            return null;
        if (selection is "Loop" or "MaxThenWhere")
            return await RewriteStatementsAsync(document, node, diagnostic, selection, cancellationToken).ConfigureAwait(false);
        if (node is not ExpressionSyntax picked || PickName(picked, selection) is not { } name)
            return null;
        var target = Located(node, diagnostic, SubstitutionProperties.TargetLocation) as ExpressionSyntax;
        var candidates = Located(node, diagnostic, SubstitutionProperties.CandidatesLocation) as ExpressionSyntax;
        // The selector's own parameter is the candidate; an enclosing lambda's (users.Select(u => pool.MaxBy(p =>
        // Similarity(u, p)))) is a target like any other.
        if (target is null || candidates is null ||
            target.Ancestors().TakeWhile(a => a != picked).Any(a => a is AnonymousFunctionExpressionSyntax lambda && IsParameterOf(target, lambda)))
            return null;

        if (await GuardRewrite.PrepareSafestSubstituteAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } rewrite)
            return null;
        var (model, root, types) = (rewrite.Model, rewrite.Root, rewrite.Types);
        // A query (a database's table): SafestSubstitute would read every row into memory to vet it. Vetting the
        // retrieved top k instead (docs/scale.md) needs a k only the author can choose.
        if (IsQuery(model.GetTypeInfo(candidates, cancellationToken).Type))
            return null;

        ExpressionSyntax replacement = Syntax.GuardCall(types.Guard, model, picked.SpanStart, "SafestSubstitute",
            Argument(target.WithoutTrivia()), Argument(candidates.WithoutTrivia()));
        // First(), Last() and Aggregate(…) never give null (they throw on an empty pool), nor does a helper typed not to:
        // the target's own profile stands in.
        var nullable = name is not ("Helper" or "First" or "Last" or "Aggregate") ||
                       model.GetTypeInfo(picked, cancellationToken).Type?.NullableAnnotation == NullableAnnotation.Annotated;
        // pool.MaxBy(…)!.Summary: the `!` said a pool is never empty; SafestSubstitute gives null whenever no candidate is
        // safe, so the `!` would now throw there — the target's own profile stands in instead.
        var replaced = picked;
        if (picked.Parent is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } forgiving)
            (replaced, nullable) = (forgiving, false);
        if (!nullable)
            replacement = Syntax.InPlaceOf(replaced, BinaryExpression(SyntaxKind.CoalesceExpression, replacement, target.WithoutTrivia()));
        return await FinishedDocument.CreateAsync(document, root.ReplaceNode(replaced, replacement.WithTriviaFrom(replaced)), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>How the selection picks, as the rewrite needs it: the LINQ method (<c>ElementAt(0)</c> and <c>[0]</c> read
    /// as <c>First</c>, <c>ElementAtOrDefault(0)</c> as <c>FirstOrDefault</c>), or <c>Helper</c> for the project's own
    /// helper (<c>Best(pool, c =&gt; Similarity(user, c))</c>), which may give null as <c>MaxBy</c> does. Null for a shape
    /// with no rewrite.</summary>
    private static string? PickName(ExpressionSyntax picked, string selection)
    {
        if (selection == "Helper")
            return picked is InvocationExpressionSyntax ? "Helper" : null;
        if (selection is not ("MaxBy" or "MinBy" or "OrderByFirst" or "Aggregate"))
            return null;
        // ordered.ToList()[0]
        if (picked is ElementAccessExpressionSyntax { ArgumentList.Arguments: [var index] } && IsZero(index.Expression))
            return "First";
        if (picked is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
            return null;
        var name = member.Name.Identifier.ValueText;
        var arguments = invocation.ArgumentList.Arguments;
        if (name is "ElementAt" or "ElementAtOrDefault")
            return arguments is [var at] && IsZero(at.Expression) ? (name == "ElementAt" ? "First" : "FirstOrDefault") : null;
        // Aggregate only without a seed: with one, an empty pool gives the seed back, which SafestSubstitute cannot say.
        if (name is not ("MaxBy" or "MinBy" or "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "Aggregate") ||
            arguments.Count > (name is "MaxBy" or "MinBy" or "Aggregate" ? 1 : 0))
            return null;
        // A fold that also asks something else (`… && !ReferenceEquals(c, user) ? c : best`) picks among the candidates
        // that pass it, which SafestSubstitute over the whole pool would not.
        if (name == "Aggregate" && arguments[0].Expression.DescendantNodes().Any(n => n.IsKind(SyntaxKind.LogicalAndExpression)))
            return null;
        return name;

        static bool IsZero(ExpressionSyntax expression) =>
            expression is LiteralExpressionSyntax { Token.Value: 0 };
    }

    /// <summary>The best-so-far loop and the max-then-filter: shapes spread over several statements, read from the syntax
    /// around the reported node.</summary>
    private static async Task<Document?> RewriteStatementsAsync(Document document, SyntaxNode node, Diagnostic diagnostic, string selection,
        CancellationToken cancellationToken)
    {
        if (await GuardRewrite.PrepareSafestSubstituteAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } rewrite)
            return null;
        var (model, root, types) = (rewrite.Model, rewrite.Root, rewrite.Types);
        var newRoot = selection == "Loop"
            ? BestSoFarLoopSelection.Rewrite(root, model, node, types, cancellationToken)
            : MaxThenFilterSelection.Rewrite(root, model, node, types, cancellationToken);
        return newRoot is null ? null : await FinishedDocument.CreateAsync(document, newRoot, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The node at the additional location <paramref name="key"/> names: of an argument its expression, of a
    /// query's first clause its source.</summary>
    private static SyntaxNode? Located(SyntaxNode node, Diagnostic diagnostic, string key)
    {
        if (!diagnostic.Properties.TryGetValue(key, out var text) || !int.TryParse(text, out var index))
            return null;
        var found = PersonaCodeFixProvider.AdditionalNode(node, diagnostic, index);
        return found switch
        {
            ArgumentSyntax argument => argument.Expression,
            // (from c in pool orderby Similarity(user, c) descending select c).First(): the candidates are the query's
            // source (a query that filters or projects first has another clause there, and no rewrite).
            FromClauseSyntax { Type: null } from => from.Expression,
            _ => found,
        };
    }

    private static bool IsQuery(ITypeSymbol? type) =>
        type is not null && (IsQueryable(type) || type.AllInterfaces.Any(IsQueryable));

    private static bool IsQueryable(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "IQueryable", ContainingNamespace: { Name: "Linq", ContainingNamespace.Name: "System" } };

    /// <summary>A target that is the selector's own parameter is the candidate, not the user.</summary>
    private static bool IsParameterOf(ExpressionSyntax target, AnonymousFunctionExpressionSyntax lambda) =>
        target is IdentifierNameSyntax id && lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText == id.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.Any(p => p.Identifier.ValueText == id.Identifier.ValueText),
            _ => false,
        };
}
