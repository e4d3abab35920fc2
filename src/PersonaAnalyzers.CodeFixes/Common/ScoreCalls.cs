using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Reads a hand-written selection's score: <c>Similarity(target, candidate)</c> (either order),
/// <c>Guard.Explain(target, candidate).Overall</c>, or a distance written as <c>1 - Similarity(…)</c> or
/// <c>-Similarity(…)</c>, where <c>candidate</c> is the loop or lambda variable and <c>target</c> a profile that reads the
/// same on every evaluation. Anything else (a kernel over features, a weighted score, a candidate's member) is not a
/// plain nearest-neighbour score, and <c>SafestSubstitute</c> would not select by the same thing.</summary>
internal static class ScoreCalls
{
    public readonly record struct ScoreCall(ExpressionSyntax Target, IMethodSymbol Method, int CandidateIndex);

    public static ScoreCall? Read(SemanticModel model, ExpressionSyntax score, string candidate, INamedTypeSymbol persona, CancellationToken cancellationToken)
    {
        var symbols = SubstitutionSymbols.For(model.Compilation);
        if (symbols is null)
            return null;
        score = Syntax.Unparenthesized(score);
        if (score is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negated)
            score = Syntax.Unparenthesized(negated.Operand);
        else if (score is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.SubtractExpression, Left: LiteralExpressionSyntax } complement)
            score = Syntax.Unparenthesized(complement.Right);
        if (score is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Overall", Expression: InvocationExpressionSyntax explain })
            score = explain;
        if (score is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 2 } call ||
            model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method ||
            !SimilarityScores.IsScoreMethod(method, symbols))
            return null;
        var arguments = call.ArgumentList.Arguments;
        if (arguments[0].RefKindKeyword.IsKind(SyntaxKind.None) is false || arguments[1].RefKindKeyword.IsKind(SyntaxKind.None) is false ||
            arguments[0].NameColon is not null || arguments[1].NameColon is not null)
            return null;
        var index = Syntax.IsName(arguments[0].Expression, candidate) ? 0 : Syntax.IsName(arguments[1].Expression, candidate) ? 1 : -1;
        if (index < 0)
            return null;
        var target = arguments[1 - index].Expression;
        if (!Syntax.IsStable(target) || Syntax.Mentions(target, candidate) ||
            !PersonaCollections.IsPersona(model.GetTypeInfo(target, cancellationToken).Type, persona))
            return null;
        return new ScoreCall(target, method, index);
    }
}
