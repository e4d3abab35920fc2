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
    public static IfStatementSyntax? After(LocalDeclarationStatementSyntax local, string name, StatementSyntax fallback) =>
        NextNaming(local, name) is IfStatementSyntax { Else: null } branch && IsNullTest(branch.Condition, name) && LeavesLike(branch.Statement, fallback, name)
            ? branch
            : null;

    /// <summary>The first statement after the declaration that is not another local's declaration leaving this one unnamed
    /// (<c>var a = …; var b = …; if (a is null || b is null) return …;</c>, <c>var n = …; var label = …; if (n is null)
    /// …</c>: the code's own null check of <paramref name="name"/> is that <c>if</c>, probe 15b, repros 02 and 14).</summary>
    private static StatementSyntax? NextNaming(LocalDeclarationStatementSyntax local, string name)
    {
        var statements = local.Parent switch
        {
            BlockSyntax block => block.Statements,
            SwitchSectionSyntax section => section.Statements,
            _ => default,
        };
        var index = statements.IndexOf(local);
        if (index < 0)
            return null;
        for (var i = index + 1; i < statements.Count; i++)
        {
            if (statements[i] is not LocalDeclarationStatementSyntax other || Syntax.Mentions(other, name))
                return statements[i];
        }
        return null;
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

    /// <summary><c>name is null</c>, <c>name == null</c>, <c>name is not { }</c>, <c>!name.HasValue</c>, or one of them in an
    /// <c>||</c> chain (<c>twin is null || !LooksUsable(user, twin)</c>, <c>a is null || b is null</c>).</summary>
    internal static bool IsNullTest(ExpressionSyntax condition, string name) => NullTestIn(condition, name) is not null;

    /// <summary>The operand of the condition's <c>||</c> chain that tests <paramref name="name"/> for null (the condition
    /// itself when it is that test); null when there is none.</summary>
    private static ExpressionSyntax? NullTestIn(ExpressionSyntax condition, string name) =>
        Syntax.Unparenthesized(condition) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } either
            ? NullTestIn(either.Left, name) ?? NullTestIn(either.Right, name)
            : IsOwnNullTest(condition, name) ? condition : null;

    private static bool IsOwnNullTest(ExpressionSyntax condition, string name) => Syntax.Unparenthesized(condition) switch
    {
        IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax constant } test => Syntax.IsName(test.Expression, name) && IsNull(constant.Expression),
        IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern, Pattern: RecursivePatternSyntax anything } } test =>
            Syntax.IsName(test.Expression, name) && IsAnything(anything),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals =>
            Syntax.IsName(equals.Left, name) && IsNull(equals.Right) || IsNull(equals.Left) && Syntax.IsName(equals.Right, name),
        // if (!hit.HasValue) return …;: a nullable (profile, score) tuple's null test.
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression, Operand: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasValue" } hasValue } =>
            Syntax.IsName(hasValue.Expression, name),
        _ => false,
    };

    /// <summary>The null check <see cref="After"/> found, leaving for a failed <paramref name="check"/> as well: right after
    /// the substitute's null test, before the programmer's other reasons to leave, which may read its data
    /// (<c>if (a is null || b is null) return user;</c> gives <c>b is null || !check</c> in its place: a missing or unsafe
    /// <c>b</c> leaves with the code's own answer).</summary>
    public static SyntaxNode Extend(SyntaxNode root, IfStatementSyntax nullCheck, ExpressionSyntax check, string name)
    {
        ExpressionSyntax nullTest = NullTestIn(nullCheck.Condition, name)!;
        // The right operand of a || (a is null || b is null): the new || goes round the pair, nesting to the left as the
        // same text parses.
        if (nullTest.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } pair && pair.Right == nullTest)
            nullTest = pair;
        var extended = SyntaxFactory.BinaryExpression(SyntaxKind.LogicalOrExpression, nullTest.WithoutTrivia(), SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, check));
        var condition = nullCheck.Condition.ReplaceNode(nullTest, extended.WithTriviaFrom(nullTest));
        return root.ReplaceNode(nullCheck.Condition, condition.Formatted());
    }

    /// <summary>The programmer's own null check right after the declaration that leaves some other way than the fix would
    /// (<c>if (twin is null) throw …;</c>, a <c>break</c>, a <c>return</c> where the fix stands a profile in): it keeps its
    /// own body for a missing substitute, and the guard goes after it, where the substitute is there (probe 14b, repro
    /// 01: a guard in front, testing for null itself, made the <c>throw</c> dead).</summary>
    public static IfStatementSyntax? LeavingAfter(LocalDeclarationStatementSyntax local, string name)
    {
        if (local.Parent is not BlockSyntax || NextNaming(local, name) is not IfStatementSyntax { Else: null } branch || !IsNullTest(branch.Condition, name))
            return null;
        var last = branch.Statement is BlockSyntax { Statements.Count: > 0 } body ? body.Statements[body.Statements.Count - 1] : branch.Statement;
        return Statements.Leaves(branch.Statement) || last.IsKind(SyntaxKind.YieldBreakStatement) ? branch : null;
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
