using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>Whether a relational pattern on a score admits the compared profile. One-sided patterns say it by their
/// direction: <c>is &gt;= 0.9</c> admits a similarity, <c>is &lt; 0.8</c> (or <c>is not &gt;= 0.8</c>) rejects it; a
/// distance the other way round. A band (<c>is &gt; 0.8 and &lt; 0.95</c>) has both directions, so the branch decides:
/// it admits when only the matching way uses the candidate (an <c>if</c> whose body or a <c>?:</c> whose true arm uses
/// it, or a filter predicate), rejects when only the other way does. <c>or</c> patterns, constants and anything the
/// branch does not settle return null: no fix.</summary>
internal static class ThresholdPatterns
{
    private enum Direction
    {
        None,
        High,
        Low,
        Band,
    }

    public static bool? Admits(IsPatternExpressionSyntax test, ExpressionSyntax candidate, bool isDistance) =>
        Admits(test.Pattern, isDistance, () => ByBranch(test, candidate));

    /// <summary>The pattern's own direction, or <paramref name="byBranch"/> for a band; null for a pattern of no
    /// direction. Where the pattern has one, <paramref name="analyzed"/> (which way uses the candidate, as the analyzer
    /// found it) wins: an upper bar's operator reads the other way round.</summary>
    public static bool? Admits(PatternSyntax pattern, bool isDistance, System.Func<bool?> byBranch, bool? analyzed = null)
    {
        var own = Of(pattern) switch
        {
            Direction.High => !isDistance,
            Direction.Low => isDistance,
            Direction.Band => byBranch(),
            _ => (bool?)null,
        };
        return own is null ? null : analyzed ?? own;
    }

    private static Direction Of(PatternSyntax pattern)
    {
        switch (pattern)
        {
            case ParenthesizedPatternSyntax parenthesized:
                return Of(parenthesized.Pattern);
            case RelationalPatternSyntax relational:
                return relational.OperatorToken.Kind() is SyntaxKind.GreaterThanToken or SyntaxKind.GreaterThanEqualsToken ? Direction.High : Direction.Low;
            case UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } negated:
                return Of(negated.Pattern) switch
                {
                    Direction.High => Direction.Low,
                    Direction.Low => Direction.High,
                    _ => Direction.None,
                };
            case BinaryPatternSyntax { RawKind: (int)SyntaxKind.AndPattern } both:
                var left = Of(both.Left);
                var right = Of(both.Right);
                if (left == Direction.None || right == Direction.None)
                    return Direction.None;
                return left == right ? left : Direction.Band;
            default:
                return Direction.None;
        }
    }

    private static bool? ByBranch(ExpressionSyntax test, ExpressionSyntax candidate)
    {
        if (candidate is not IdentifierNameSyntax { Identifier.ValueText: var name })
            return null;
        SyntaxNode current = test;
        while (current.Parent is ParenthesizedExpressionSyntax)
            current = current.Parent;
        // if (twin is not null && Similarity(user, twin) is >= 0.85 and <= 1.0) …: the way the whole condition holds is a
        // way the band matched. (Only that way: the other is also taken when another operand fails.)
        var joined = false;
        while (current.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } or ParenthesizedExpressionSyntax)
        {
            joined |= current.Parent is BinaryExpressionSyntax;
            current = current.Parent;
        }
        var admits = AdmitsByBranch(current, name);
        return joined && admits == false ? null : admits;
    }

    private static bool? AdmitsByBranch(SyntaxNode current, string name)
    {
        switch (current.Parent)
        {
            case IfStatementSyntax branch when branch.Condition == current:
                var whenTrue = Syntax.Mentions(branch.Statement, name);
                bool whenFalse;
                if (branch.Else is not null)
                    whenFalse = Syntax.Mentions(branch.Else.Statement, name);
                else if (Statements.Leaves(branch.Statement) && branch.Parent is BlockSyntax block)
                    whenFalse = block.Statements.IndexOf(branch) is var index && Syntax.MentionedAfter(block, index, name);
                else
                    whenFalse = false;
                return whenTrue == whenFalse ? null : whenTrue;
            case ConditionalExpressionSyntax conditional when conditional.Condition == current:
                var inTrue = Syntax.Mentions(conditional.WhenTrue, name);
                var inFalse = Syntax.Mentions(conditional.WhenFalse, name);
                return inTrue == inFalse ? null : inTrue;
            case SimpleLambdaExpressionSyntax lambda when lambda.ExpressionBody == current && lambda.Parameter.Identifier.ValueText == name:
                return true;
            case ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: [var parameter] } lambda when lambda.ExpressionBody == current &&
                                                                                                             parameter.Identifier.ValueText == name:
                return true;
            default:
                return null;
        }
    }
}
