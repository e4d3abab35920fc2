using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>Reads of a substitute's local that already allow for a missing one: where every read is one of these, the
/// code has its own answer for no substitute, and <see cref="OwnMissingFallback"/> makes an unsafe one missing so that
/// answer serves it too.</summary>
internal static class NullTolerantReads
{
    /// <summary>Read as <c>donor?.…</c> or <c>donor ?? …</c> (in parentheses too); tested for null (<c>donor is not null</c>,
    /// <c>donor == null</c>, <c>donor is { } d</c>); switched on with an answer of its own for null (a <c>null</c> arm or
    /// <c>case null:</c>, or a <c>default:</c> that null reaches); or read where it cannot be null — under its own presence
    /// test (<c>donor is not null ? donor.Bio : user.Bio</c>, the body of <c>if (donor != null)</c>, the right of
    /// <c>donor != null &amp;&amp; …</c>), or in an arm or section of such a switch that null never reaches.</summary>
    public static bool Contains(ExpressionSyntax id)
    {
        SyntaxNode read = id;
        while (read.Parent is ParenthesizedExpressionSyntax parenthesized)
            read = parenthesized;
        return read.Parent switch
        {
            ConditionalAccessExpressionSyntax access when access.Expression == read => true,
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce when coalesce.Left == read => true,
            IsPatternExpressionSyntax test when test.Expression == read => true,
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } equality =>
                ExistingNullCheck.IsNull(equality.Left == read ? equality.Right : equality.Left),
            SwitchExpressionSyntax switched when switched.GoverningExpression == read => switched.Arms.Any(arm => IsNullPattern(arm.Pattern)),
            SwitchStatementSyntax switched when switched.Expression == read => AnswersNull(switched),
            _ => id is IdentifierNameSyntax name && (InNonNullArmOfASwitchOn(name) || InNonNullSectionOfASwitchOn(name) || UnderPresenceTest(name)),
        };
    }

    /// <summary>Inside the result of a switch arm on the same name that null never reaches: its pattern never matches null
    /// (a property, positional or type pattern, not <c>var</c> or <c>_</c>), or a <c>null</c> arm comes first.</summary>
    private static bool InNonNullArmOfASwitchOn(IdentifierNameSyntax name)
    {
        var arm = name.Ancestors().OfType<SwitchExpressionArmSyntax>().FirstOrDefault();
        return arm is { Parent: SwitchExpressionSyntax switched } && arm.Expression.Span.Contains(name.Span) &&
               Syntax.IsName(switched.GoverningExpression, name.Identifier.ValueText) &&
               (arm.WhenClause is null && NeverMatchesNull(arm.Pattern) ||
                switched.Arms.TakeWhile(earlier => earlier != arm).Any(earlier => earlier.WhenClause is null && IsNullPattern(earlier.Pattern)));
    }

    /// <summary>Inside a section of a <c>switch</c> statement on the same name that null never reaches: after a
    /// <c>case null:</c> of its own every other section, otherwise one whose labels all never match null.</summary>
    private static bool InNonNullSectionOfASwitchOn(IdentifierNameSyntax name)
    {
        var section = name.Ancestors().OfType<SwitchSectionSyntax>().FirstOrDefault();
        if (section is not { Parent: SwitchStatementSyntax switched } || !Syntax.IsName(switched.Expression, name.Identifier.ValueText) ||
            !AnswersNull(switched) || section.Labels.Any(IsNullLabel))
            return false;
        return switched.Sections.Any(s => s.Labels.Any(IsNullLabel)) || section.Labels.All(label => label is CasePatternSwitchLabelSyntax { Pattern: var pattern } && NeverMatchesNull(pattern));
    }

    /// <summary>A <c>switch</c> statement with an answer for null: <c>case null:</c>, or a <c>default:</c> that no earlier
    /// label takes null from (<c>case var p:</c> would).</summary>
    private static bool AnswersNull(SwitchStatementSyntax switched)
    {
        var labels = switched.Sections.SelectMany(s => s.Labels).ToList();
        if (labels.Any(IsNullLabel))
            return true;
        return labels.Any(label => label is DefaultSwitchLabelSyntax) &&
               labels.All(label => label is DefaultSwitchLabelSyntax || label is CasePatternSwitchLabelSyntax { Pattern: var pattern } && NeverMatchesNull(pattern) ||
                                   label is CaseSwitchLabelSyntax);
    }

    /// <summary>Under the name's own presence test: the true arm of <c>?:</c> or body of an <c>if</c> whose condition is
    /// (or starts an <c>&amp;&amp;</c> chain with) that test, the false arm or <c>else</c> of a null test, or a later operand
    /// of an <c>&amp;&amp;</c> chain that starts with it.</summary>
    private static bool UnderPresenceTest(IdentifierNameSyntax name)
    {
        var text = name.Identifier.ValueText;
        for (SyntaxNode node = name; node.Parent is { } parent; node = parent)
        {
            switch (parent)
            {
                case ConditionalExpressionSyntax conditional when node == conditional.WhenTrue && Presence(conditional.Condition, text):
                case ConditionalExpressionSyntax conditional2 when node == conditional2.WhenFalse && ExistingNullCheck.IsNullTest(conditional2.Condition, text):
                case IfStatementSyntax branch when node == branch.Statement && Presence(branch.Condition, text):
                case ElseClauseSyntax { Parent: IfStatementSyntax otherwise } when ExistingNullCheck.IsNullTest(otherwise.Condition, text):
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both when node == both.Right && Presence(both.Left, text):
                    return true;
            }
        }
        return false;
    }

    /// <summary>The presence test, or an <c>&amp;&amp;</c> chain that starts with it.</summary>
    private static bool Presence(ExpressionSyntax condition, string name)
    {
        while (Syntax.Unparenthesized(condition) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both)
            condition = both.Left;
        return ExistingNullCheck.IsPresenceTest(condition, name);
    }

    private static bool NeverMatchesNull(PatternSyntax pattern) =>
        pattern is RecursivePatternSyntax or TypePatternSyntax or DeclarationPatternSyntax { Designation: SingleVariableDesignationSyntax };

    private static bool IsNullLabel(SwitchLabelSyntax label) => label switch
    {
        CaseSwitchLabelSyntax constant => ExistingNullCheck.IsNull(constant.Value),
        CasePatternSwitchLabelSyntax { Pattern: var pattern, WhenClause: null } => IsNullPattern(pattern),
        _ => false,
    };

    private static bool IsNullPattern(PatternSyntax pattern) =>
        pattern is ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } };
}
