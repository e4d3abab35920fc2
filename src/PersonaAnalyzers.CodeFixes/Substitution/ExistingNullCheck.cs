using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>The programmer's own null check right after a substitute's declaration (<c>if (n is null) return …;</c>,
/// <c>n == null</c>, <c>n is not { }</c>) when its body leaves the way the band check's fallback would (a <c>return</c>
/// with or without a value, <c>continue</c>, <c>yield break</c>). The band check then extends that condition: a guard
/// in front of it would make the same null check a second time, and would take the null case away from the
/// programmer's body. A body that leaves another way (a <c>throw</c>, a <c>break</c>, logging first) is not this
/// check.</summary>
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
        return IsNullTest(branch.Condition, name) && LeavesLike(branch.Statement, fallback) ? branch : null;
    }

    private static bool IsNullTest(ExpressionSyntax condition, string name) => Syntax.Unparenthesized(condition) switch
    {
        IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax constant } test => Syntax.IsName(test.Expression, name) && IsNull(constant.Expression),
        IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern, Pattern: RecursivePatternSyntax anything } } test =>
            Syntax.IsName(test.Expression, name) && anything is
            {
                Type: null, PositionalPatternClause: null, PropertyPatternClause.Subpatterns.Count: 0, Designation: null,
            },
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals =>
            Syntax.IsName(equals.Left, name) && IsNull(equals.Right) || IsNull(equals.Left) && Syntax.IsName(equals.Right, name),
        _ => false,
    };

    private static bool LeavesLike(StatementSyntax body, StatementSyntax fallback)
    {
        if (body is BlockSyntax { Statements.Count: 1 } block)
            body = block.Statements[0];
        return (body, fallback) switch
        {
            (ReturnStatementSyntax own, ReturnStatementSyntax fix) => (own.Expression is null) == (fix.Expression is null),
            (ContinueStatementSyntax, ContinueStatementSyntax) => true,
            (YieldStatementSyntax own, YieldStatementSyntax fix) => own.IsKind(SyntaxKind.YieldBreakStatement) && fix.IsKind(SyntaxKind.YieldBreakStatement),
            _ => false,
        };
    }

    private static bool IsNull(ExpressionSyntax expression) => Syntax.Unparenthesized(expression).IsKind(SyntaxKind.NullLiteralExpression);
}
