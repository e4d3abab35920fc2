using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA003 on a bar whose <c>if</c> leaves a loop with <c>break</c>: <c>foreach (var n in
/// NearestNeighbours(me, 10)) { if (Similarity(me, n) &lt; 0.6) break; shows.AddRange(n.Shows); }</c>. A bar on a
/// most-similar-first list stops where similarity falls below it; the band check is no bar — it turns the near-twins at
/// the head away — so <c>if (!check) break;</c> would stop at the first one and keep no one (the trap of
/// <c>TakeWhile(check)</c>). The check skips the candidate instead (<c>continue</c>: the loop as a <c>Where</c>), where
/// that is all the <c>break</c> did: the <c>if</c> decides by the bar alone, its way out is the bare <c>break</c>, it
/// sits in a <c>foreach</c>'s body with nothing before it but the score locals the fix follows (no state one candidate
/// leaves for the next), so only later candidates are considered that the <c>break</c> would not have reached.</summary>
internal static class StoppingBars
{
    /// <summary>Whether the <c>if</c> <paramref name="test"/> decides leaves a loop with <c>break</c>; <paramref
    /// name="stop"/> is then the <c>break</c> to turn into <c>continue</c>, or null where it does more than stop the loop
    /// (no fix).</summary>
    public static bool Stops(ExpressionSyntax test, ImmutableArray<LocalDeclarationStatementSyntax> scoreLocals, out BreakStatementSyntax? stop)
    {
        stop = null;
        SyntaxNode condition = test;
        while (condition.Parent is ExpressionSyntax and not AnonymousFunctionExpressionSyntax)
            condition = condition.Parent;
        if (condition.Parent is not IfStatementSyntax branch || branch.Condition != condition)
            return false;
        var breaks = branch.ChildNodes().Where(n => n != condition).SelectMany(n => n.DescendantNodesAndSelf()).OfType<BreakStatementSyntax>()
            .Where(b => Target(b) is { } target && target is not SwitchStatementSyntax && target.Span.Contains(branch.Span))
            .ToList();
        if (breaks.Count == 0)
            return false;
        if (breaks.Count == 1 && Syntax.Unparenthesized(branch.Condition) == test && (Bare(branch.Statement, breaks[0]) || Bare(branch.Else?.Statement, breaks[0])) &&
            ForEachBody(Target(breaks[0])) is { } body && OnlyScoreLocalsBefore(branch, body, scoreLocals))
            stop = breaks[0];
        return true;
    }

    /// <summary>The loop or <c>switch</c> a <c>break</c> leaves.</summary>
    private static SyntaxNode? Target(BreakStatementSyntax stop) =>
        stop.Ancestors().FirstOrDefault(n => n is CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or SwitchStatementSyntax);

    /// <summary>The way out is the <c>break</c> and nothing else.</summary>
    private static bool Bare(StatementSyntax? statement, BreakStatementSyntax stop) =>
        statement == stop || statement is BlockSyntax { Statements: [var only] } && only == stop;

    /// <summary>A <c>foreach</c>'s body; not a <c>for</c>'s or a <c>while</c>'s, whose step a <c>continue</c> could skip
    /// or run where the <c>break</c> did not.</summary>
    private static StatementSyntax? ForEachBody(SyntaxNode? loop) => loop switch
    {
        CommonForEachStatementSyntax each => each.Statement,
        _ => null,
    };

    private static bool OnlyScoreLocalsBefore(IfStatementSyntax branch, StatementSyntax loopBody, ImmutableArray<LocalDeclarationStatementSyntax> scoreLocals)
    {
        if (loopBody == branch)
            return true;
        if (loopBody is not BlockSyntax body || branch.Parent != body)
            return false;
        return body.Statements.TakeWhile(s => s != branch).All(s => s is LocalDeclarationStatementSyntax declaration && !scoreLocals.IsDefault && scoreLocals.Contains(declaration));
    }
}
