using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>The programmer's own null check right after a substitute's declaration (<c>if (n is null) return …;</c>,
/// <c>n == null</c>, <c>n is not { }</c>) when its body leaves the way the band check's fallback would (a <c>return</c>
/// with or without a value, <c>continue</c>, <c>yield break</c>). The band check then extends that condition: a guard
/// in front of it would make the same null check a second time, and would take the null case away from the
/// programmer's body. A body that leaves another way (a <c>throw</c>, a <c>break</c>) is not this check.</summary>
internal static class ExistingNullCheck
{
    public static IfStatementSyntax? After(LocalDeclarationStatementSyntax local, string name, StatementSyntax fallback)
    {
        var statements = local.Parent switch
        {
            BlockSyntax block => block.Statements,
            SwitchSectionSyntax section => section.Statements,
            _ => default,
        };
        var index = statements.IndexOf(local);
        if (index < 0 || index + 1 >= statements.Count || statements[index + 1] is not IfStatementSyntax { Else: null } branch)
            return null;
        return IsNullTest(branch.Condition, name) && LeavesLike(branch.Statement, fallback, name) ? branch : null;
    }

    /// <summary>The programmer's own test that the substitute is there, right after its declaration and the last place
    /// that names it (<c>if (n is not null) cache[key] = n;</c>, <c>n != null</c>, <c>n is { }</c>, also first in an
    /// <c>&amp;&amp;</c> chain: <c>if (n is not null &amp;&amp; score &gt; bar)</c>), with no <c>else</c> or one that does
    /// not name it. Returns that presence test; the band check joins it with <c>&amp;&amp;</c>: the code after the
    /// <c>if</c> (and the <c>else</c>, the code's own answer for a missing substitute) runs as before, where a guard that
    /// leaves would skip it.</summary>
    public static ExpressionSyntax? Around(LocalDeclarationStatementSyntax local, string name)
    {
        if (local.Parent is not BlockSyntax block)
            return null;
        var index = block.Statements.IndexOf(local);
        if (index < 0 || index + 1 >= block.Statements.Count || block.Statements[index + 1] is not IfStatementSyntax branch ||
            branch.Else is { } otherwise && Syntax.Mentions(otherwise, name) || Syntax.MentionedAfter(block, index + 1, name))
            return null;
        var test = branch.Condition;
        while (Syntax.Unparenthesized(test) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both)
            test = both.Left;
        return IsPresenceTest(test, name) ? test : null;
    }

    /// <summary><c>name is not null</c>, <c>name != null</c>, <c>name is { }</c>.</summary>
    public static bool IsPresenceTest(ExpressionSyntax condition, string name) => Syntax.Unparenthesized(condition) switch
    {
        IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern, Pattern: ConstantPatternSyntax constant } } test =>
            Syntax.IsName(test.Expression, name) && IsNull(constant.Expression),
        IsPatternExpressionSyntax { Pattern: RecursivePatternSyntax anything } test =>
            Syntax.IsName(test.Expression, name) && IsAnything(anything),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.NotEqualsExpression } notEquals =>
            Syntax.IsName(notEquals.Left, name) && IsNull(notEquals.Right) || IsNull(notEquals.Left) && Syntax.IsName(notEquals.Right, name),
        _ => false,
    };

    /// <summary><c>{ }</c>: matches every value that is not null.</summary>
    private static bool IsAnything(RecursivePatternSyntax pattern) =>
        pattern is { Type: null, PositionalPatternClause: null, PropertyPatternClause.Subpatterns.Count: 0, Designation: null };

    /// <summary><c>name is null</c>, <c>name == null</c>, <c>name is not { }</c>, <c>!name.HasValue</c>, or one of them first
    /// in an <c>||</c> chain.</summary>
    internal static bool IsNullTest(ExpressionSyntax condition, string name) => Syntax.Unparenthesized(condition) switch
    {
        IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax constant } test => Syntax.IsName(test.Expression, name) && IsNull(constant.Expression),
        IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern, Pattern: RecursivePatternSyntax anything } } test =>
            Syntax.IsName(test.Expression, name) && IsAnything(anything),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals =>
            Syntax.IsName(equals.Left, name) && IsNull(equals.Right) || IsNull(equals.Left) && Syntax.IsName(equals.Right, name),
        // if (!hit.HasValue) return …;: a nullable (profile, score) tuple's null test.
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression, Operand: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasValue" } hasValue } =>
            Syntax.IsName(hasValue.Expression, name),
        // if (twin is null || !LooksUsable(user, twin)) return …;: a null test first, then more reasons to leave.
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } either => IsNullTest(either.Left, name),
        _ => false,
    };

    /// <summary>The null check <see cref="After"/> found, leaving for a failed <paramref name="check"/> as well: right after
    /// the null test, before the programmer's other reasons to leave, which may read the substitute's data.</summary>
    public static SyntaxNode Extend(SyntaxNode root, IfStatementSyntax nullCheck, ExpressionSyntax check)
    {
        var nullTest = NullTestOf(nullCheck.Condition);
        var extended = SyntaxFactory.BinaryExpression(SyntaxKind.LogicalOrExpression, nullTest.WithoutTrivia(), SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, check));
        var condition = nullCheck.Condition.ReplaceNode(nullTest, extended.WithTriviaFrom(nullTest));
        return root.ReplaceNode(nullCheck.Condition, condition.Formatted());
    }

    /// <summary>The null test of a condition <see cref="After"/> accepted: the condition, or the first operand of its
    /// <c>||</c> chain.</summary>
    public static ExpressionSyntax NullTestOf(ExpressionSyntax condition)
    {
        while (Syntax.Unparenthesized(condition) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } either)
            condition = either.Left;
        return condition;
    }

    /// <summary>Whether the programmer's body leaves as the fix's fallback would. Where the fix would stand the user's own
    /// profile in (<c>n = user;</c>: a result, such as a prompt string, with no value of its own to leave with), the
    /// programmer's <c>return …;</c> for a missing substitute is the better answer for an unsafe one too. A block may do
    /// more first (<c>{ mix = me.TopTracks; return false; }</c>, a log line): a guard in front of it would make it dead,
    /// and a <c>Try…</c> method would then say "found" for a missing substitute.</summary>
    private static bool LeavesLike(StatementSyntax body, StatementSyntax fallback, string name)
    {
        if (body is BlockSyntax { Statements.Count: > 0 } block)
        {
            for (var i = 0; i < block.Statements.Count - 1; i++)
            {
                if (Syntax.Mentions(block.Statements[i], name))
                    return false;
            }
            body = block.Statements[block.Statements.Count - 1];
        }
        return (body, fallback) switch
        {
            (ReturnStatementSyntax own, ReturnStatementSyntax fix) => (own.Expression is null) == (fix.Expression is null),
            (ReturnStatementSyntax { Expression: not null }, ExpressionStatementSyntax) => true,
            (ContinueStatementSyntax, ContinueStatementSyntax) => true,
            (YieldStatementSyntax own, YieldStatementSyntax fix) => own.IsKind(SyntaxKind.YieldBreakStatement) && fix.IsKind(SyntaxKind.YieldBreakStatement),
            _ => false,
        };
    }

    internal static bool IsNull(ExpressionSyntax expression) => Syntax.Unparenthesized(expression).IsKind(SyntaxKind.NullLiteralExpression);
}
