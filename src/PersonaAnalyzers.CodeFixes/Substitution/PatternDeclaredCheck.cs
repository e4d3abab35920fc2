using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>A lookup tested by a pattern that names it — <c>if (index.FindNearest(user) is not { } twin) return …;</c>,
/// <c>if (await index.FindNearestAsync(user) is { } twin) …</c>, <c>lookup is Reader twin ? … : …</c>: the check joins
/// the test on the variable the pattern declares, so the code's own answer for no substitute serves an unsafe one too
/// (<c>… is not { } twin || !Guard.TrySubstitute(user, twin, out _)</c>, <c>… is { } twin &amp;&amp; Guard.TrySubstitute(…)</c>).
/// Pulling the lookup into a local instead would leave the pattern testing a local that can no longer be null.</summary>
internal static class PatternDeclaredCheck
{
    /// <summary>The pattern test on the lookup and the variable it declares, where the check can join it — of a search
    /// hit that carries the profile, the one variable a sub-pattern declares where <paramref name="isProfile"/> says it
    /// holds the profile (<c>lookup is { Score: &gt; 0.85, Shopper: var s }</c>).</summary>
    public static (IsPatternExpressionSyntax Test, ExpressionSyntax Condition, string Name, bool Negated)? Find(ExpressionSyntax lookup,
        System.Func<SingleVariableDesignationSyntax, bool> isProfile)
    {
        var tested = TestedValue(lookup);
        if (tested.Parent is not IsPatternExpressionSyntax test || test.Expression != tested)
            return null;
        var negated = test.Pattern is UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern };
        var pattern = test.Pattern is UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } not ? not.Pattern : test.Pattern;
        var designation = pattern switch
        {
            RecursivePatternSyntax { Designation: null } carrier => CarriedProfile(carrier, isProfile),
            RecursivePatternSyntax recursive => recursive.Designation,
            DeclarationPatternSyntax declaration => declaration.Designation,
            _ => null,
        };
        if (designation is not SingleVariableDesignationSyntax { Identifier.ValueText: var name })
            return null;
        // Where the variable is set: past a negated test only when it is the condition (or an operand of an || chain that
        // is), past a positive one where the test is the condition or an operand of an && chain.
        var context = OutsideParentheses(test);
        var joiner = negated ? SyntaxKind.LogicalOrExpression : SyntaxKind.LogicalAndExpression;
        while (context.Parent is BinaryExpressionSyntax chain && chain.IsKind(joiner))
            context = OutsideParentheses(chain);
        // Not a loop condition: an unsafe lookup there would end the loop rather than skip one candidate.
        var decides = context.Parent is IfStatementSyntax ||
                      !negated && context.Parent is ConditionalExpressionSyntax conditional && conditional.Condition == context;
        return decides ? (test, context, name, negated) : null;
    }

    /// <summary>The one variable the sub-patterns of a hit's pattern declare (<c>Shopper: var s</c>, <c>(var s, _)</c>),
    /// where it holds the profile; null where none or more than one is declared.</summary>
    private static SingleVariableDesignationSyntax? CarriedProfile(RecursivePatternSyntax carrier, System.Func<SingleVariableDesignationSyntax, bool> isProfile)
    {
        var subpatterns = (carrier.PropertyPatternClause?.Subpatterns.Select(s => s.Pattern) ?? Enumerable.Empty<PatternSyntax>())
            .Concat(carrier.PositionalPatternClause?.Subpatterns.Select(s => s.Pattern) ?? Enumerable.Empty<PatternSyntax>());
        var declared = subpatterns.Select(s => s switch
            {
                VarPatternSyntax { Designation: SingleVariableDesignationSyntax variable } => variable,
                DeclarationPatternSyntax { Designation: SingleVariableDesignationSyntax variable } => variable,
                _ => null,
            })
            .Where(v => v is not null).ToList();
        return declared is [var only] && isProfile(only!) ? only : null;
    }

    /// <summary>The test with the check joined: <c>test || !check</c> or <c>test &amp;&amp; check</c>, in the condition
    /// <paramref name="condition"/> (the chain of the joining operator around it).</summary>
    public static SyntaxNode Join(SyntaxNode root, IsPatternExpressionSyntax test, ExpressionSyntax condition, bool negated, ExpressionSyntax check)
    {
        // Within a chain (`a || lookup is not { } twin`) the join is one more operand of it: the condition is parsed again
        // from its text so that the chain stays left-associative, as written by hand, rather than holding a nested chain.
        var joined = ParseExpression(test.ToString() + (negated ? " || !" : " && ") + check.NormalizeWhitespace().ToFullString());
        var edited = condition.ReplaceNode(test, joined.WithTriviaFrom(test));
        var reparsed = ParseExpression(edited.ToFullString());
        return root.ReplaceNode(condition, reparsed.WithTriviaFrom(condition).Formatted());
    }

    /// <summary>The lookup as the pattern sees it: through <c>await</c>, <c>.ConfigureAwait(…)</c> and parentheses.</summary>
    private static ExpressionSyntax TestedValue(ExpressionSyntax lookup)
    {
        var value = lookup;
        while (true)
        {
            if (value.Parent is ParenthesizedExpressionSyntax or AwaitExpressionSyntax)
                value = (ExpressionSyntax)value.Parent;
            else if (value.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } member && member.Expression == value &&
                     member.Parent is InvocationExpressionSyntax configured)
                value = configured;
            else
                return value;
        }
    }

    private static ExpressionSyntax OutsideParentheses(ExpressionSyntax expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
            expression = parenthesized;
        return expression;
    }
}
