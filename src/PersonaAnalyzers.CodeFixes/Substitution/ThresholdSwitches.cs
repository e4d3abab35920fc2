using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA003 on a <c>switch</c> over a score, rewritten only where it is a two-way decision: one relational arm
/// and a discard (<c>s switch { &gt;= 0.9 =&gt; other, _ =&gt; user }</c> becomes
/// <c>Guard.TrySubstitute(user, other, out _) ? other : user</c>), or one relational case and <c>default:</c> (becomes
/// <c>if (check) … else …</c>, the sections' closing <c>break;</c> dropped). Several thresholds, <c>when</c> clauses or
/// a <c>break</c> anywhere else in a section: no fix.</summary>
internal static class ThresholdSwitches
{
    /// <summary>The switch the reported pattern belongs to, and the score it switches on.</summary>
    public static ExpressionSyntax? Score(PatternSyntax pattern) => pattern.Parent switch
    {
        SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax expression } => expression.GoverningExpression,
        CasePatternSwitchLabelSyntax { Parent: SwitchSectionSyntax { Parent: SwitchStatementSyntax statement } } => statement.Expression,
        _ => null,
    };

    /// <summary>The switch rewritten around <paramref name="check"/>; null where the switch is not a two-way decision.
    /// <paramref name="analyzed"/>: whether the reported arm is the one that uses the candidate, as the analyzer found it
    /// (null: read from the pattern's direction) — <c>s switch { &gt;= 0.9 =&gt; user, _ =&gt; other }</c> admits on the other arm.</summary>
    public static SyntaxNode? Rewrite(SyntaxNode root, PatternSyntax pattern, ExpressionSyntax check, ExpressionSyntax candidate, bool isDistance, bool? analyzed)
    {
        var name = (candidate as IdentifierNameSyntax)?.Identifier.ValueText;
        switch (pattern.Parent)
        {
            case SwitchExpressionArmSyntax { WhenClause: null, Parent: SwitchExpressionSyntax { Arms.Count: 2 } expression } arm:
            {
                var other = expression.Arms.First(a => a != arm);
                if (other is not { Pattern: DiscardPatternSyntax, WhenClause: null })
                    return null;
                var admits = ThresholdPatterns.Admits(pattern, isDistance, () => name is null ? null : ByUse(Syntax.Mentions(arm.Expression, name), Syntax.Mentions(other.Expression, name)),
                    analyzed);
                if (admits is null)
                    return null;
                var (whenTrue, whenFalse) = admits.Value ? (arm.Expression, other.Expression) : (other.Expression, arm.Expression);
                var conditional = Syntax.InPlaceOf(expression, ConditionalExpression(check, whenTrue.WithoutTrivia(), whenFalse.WithoutTrivia()))
                    .WithTriviaFrom(expression);
                // A comment between the arms has nowhere to go in a conditional: leave such a switch as it is.
                return Statements.CommentCount(conditional) < Statements.CommentCount(expression) ? null : root.ReplaceNode(expression, conditional.Formatted());
            }
            case CasePatternSwitchLabelSyntax { WhenClause: null, Parent: SwitchSectionSyntax { Labels.Count: 1 } section } when
                section.Parent is SwitchStatementSyntax { Sections.Count: 2 } statement:
            {
                var other = statement.Sections.First(s => s != section);
                if (other.Labels is not [DefaultSwitchLabelSyntax] || Body(section) is not { } thresholdBody || Body(other) is not { } otherBody)
                    return null;
                var admits = ThresholdPatterns.Admits(pattern, isDistance,
                    () => name is null ? null : ByUse(thresholdBody.Any(s => Syntax.Mentions(s, name)), otherBody.Any(s => Syntax.Mentions(s, name))), analyzed);
                if (admits is null)
                    return null;
                var (whenTrue, whenFalse) = admits.Value ? (thresholdBody, otherBody) : (otherBody, thresholdBody);
                IfStatementSyntax branch;
                if (whenTrue.Length == 0 && whenFalse.Length == 0)
                    return null;
                if (whenTrue.Length == 0)
                    branch = IfStatement(PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, check), Embedded(whenFalse));
                else if (whenFalse.Length == 0)
                    branch = IfStatement(check, Embedded(whenTrue));
                else
                    branch = IfStatement(check, Embedded(whenTrue), ElseClause(Embedded(whenFalse)));
                branch = branch.WithTriviaFrom(statement);
                // Comments on the case labels would be lost: leave such a switch as it is.
                return Statements.CommentCount(branch) < Statements.CommentCount(statement) ? null : root.ReplaceNode(statement, branch.Formatted());
            }
            default:
                return null;
        }
    }

    /// <summary>A band decides by which way uses the candidate.</summary>
    private static bool? ByUse(bool inThreshold, bool inOther) => inThreshold == inOther ? null : inThreshold;

    /// <summary>The section's statements without its closing <c>break;</c>; null when another <c>break</c> would change
    /// meaning outside the switch.</summary>
    private static StatementSyntax[]? Body(SwitchSectionSyntax section)
    {
        var statements = section.Statements.ToList();
        if (statements.Count == 1 && statements[0] is BlockSyntax block)
            statements = block.Statements.ToList();
        if (statements.Count > 0 && statements[statements.Count - 1] is BreakStatementSyntax)
            statements.RemoveAt(statements.Count - 1);
        return statements.Any(s => s.DescendantNodesAndSelf().OfType<BreakStatementSyntax>().Any()) ? null : statements.ToArray();
    }

    private static StatementSyntax Embedded(StatementSyntax[] statements) =>
        statements.Length == 1 && statements[0] is not LocalDeclarationStatementSyntax
            ? statements[0].WithLeadingTrivia(Statements.Comments(statements[0]))
            : Block(statements);
}
