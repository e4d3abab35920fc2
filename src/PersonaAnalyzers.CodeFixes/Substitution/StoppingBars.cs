using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA003 on a bar whose rejecting way leaves a loop: <c>foreach (var n in NearestNeighbours(me, 10)) {
/// if (Similarity(me, n) &lt; 0.6) break; shows.Add(n.Summary); }</c>. A bar on a most-similar-first list stops where
/// similarity falls below it; the band check is no bar — it turns the near-twins at the head away — so
/// <c>if (!check) break;</c> would stop at the first one and keep no one (the trap of <c>TakeWhile(check)</c>). The check
/// skips the candidate instead (<c>continue</c>: the loop as a <c>Where</c>), where that is all the way out did: the
/// <c>if</c> decides by the bar alone (or by a bool local holding it, read nowhere else), its rejecting way is the bare
/// <c>break</c> — or a <c>return</c> or <c>yield break</c> that does what the <c>break</c> would — and it sits in a
/// <c>foreach</c>'s body with nothing before it but the score locals the fix follows (no state one candidate leaves for
/// the next), so only later candidates are considered that the way out would not have reached. Leaving the loop on the
/// admitting way (take the first close one, then stop) is no stopping bar: the check simply takes the bar's place.</summary>
internal static class StoppingBars
{
    /// <summary>Whether the rejecting way of the <c>if</c> that <paramref name="test"/> (a comparison that
    /// <paramref name="admits"/> the candidate where it holds) decides leaves the loop around it; <paramref
    /// name="stop"/> is then the <c>break</c>, <c>return</c> or <c>yield break</c> to turn into <c>continue</c>, or null
    /// where it does more than stop the loop (no fix).</summary>
    public static bool Stops(ExpressionSyntax test, bool admits, ImmutableArray<LocalDeclarationStatementSyntax> scoreLocals, out StatementSyntax? stop)
    {
        stop = null;
        SyntaxNode condition = test;
        while (condition.Parent is ExpressionSyntax and not AnonymousFunctionExpressionSyntax)
            condition = condition.Parent;
        var decidesAlone = condition is ExpressionSyntax whole && Syntax.Unparenthesized(whole) == test;
        var holder = HeldIn(decidesAlone, condition, out var branch, ref admits, out var readElsewhere);
        if (branch is null || branch.Condition != condition && holder is null)
            return false;
        var rejecting = admits ? branch.Else?.Statement : branch.Statement;
        if (rejecting is null)
            return false;
        var exits = rejecting.DescendantNodesAndSelf().OfType<StatementSyntax>().Where(s => LeavesLoopAround(s, branch)).ToList();
        if (exits.Count == 0)
            return false;
        if (exits.Count == 1 && decidesAlone && !readElsewhere && (rejecting == exits[0] || rejecting is BlockSyntax { Statements: [var only] } && only == exits[0]) &&
            Loop(branch) is CommonForEachStatementSyntax loop && DoesWhatBreakDoes(exits[0], loop) &&
            OnlyScoreLocalsBefore(branch, loop.Statement, scoreLocals, holder))
            stop = exits[0];
        return true;
    }

    /// <summary>The <c>if</c> the bar decides: the one whose condition holds it, or — for <c>var tooFar = … &lt; 0.6;
    /// if (tooFar) break;</c> — the next <c>if</c> of the block that tests the bool local alone (negated or not); the
    /// local's declaration is returned, <paramref name="admits"/> is turned round for a negated test, and <paramref
    /// name="readElsewhere"/> says whether the local is read anywhere else.</summary>
    private static LocalDeclarationStatementSyntax? HeldIn(bool decidesAlone, SyntaxNode condition, out IfStatementSyntax? branch, ref bool admits,
        out bool readElsewhere)
    {
        readElsewhere = false;
        branch = condition.Parent as IfStatementSyntax;
        if (branch is not null || !decidesAlone ||
            condition.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } ||
            declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration } ||
            declaration.Parent is not BlockSyntax block)
            return null;
        var name = declarator.Identifier.ValueText;
        var index = block.Statements.IndexOf(declaration);
        if (index + 1 >= block.Statements.Count || block.Statements[index + 1] is not IfStatementSyntax next)
            return null;
        var tested = Syntax.Unparenthesized(next.Condition);
        var negated = tested is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not;
        if (negated)
            tested = Syntax.Unparenthesized(((PrefixUnaryExpressionSyntax)tested).Operand);
        if (tested is not IdentifierNameSyntax { Identifier.ValueText: var read } || read != name)
            return null;
        // Read again elsewhere, the local is more than the if's condition: the if is found, but the fix is not offered.
        readElsewhere = block.DescendantNodes().OfType<IdentifierNameSyntax>().Count(n => n.Identifier.ValueText == name) != 1;
        branch = next;
        admits ^= negated;
        return declaration;
    }

    /// <summary>A <c>break</c> of a loop around <paramref name="branch"/>, a <c>return</c> or a <c>yield break</c> (not
    /// one in a lambda or local function of its own).</summary>
    private static bool LeavesLoopAround(StatementSyntax statement, IfStatementSyntax branch) => statement switch
    {
        BreakStatementSyntax stop => Target(stop) is { } target && target is not SwitchStatementSyntax && target.Span.Contains(branch.Span),
        ReturnStatementSyntax or YieldStatementSyntax { RawKind: (int)SyntaxKind.YieldBreakStatement } =>
            Loop(branch) is not null && !statement.Ancestors().TakeWhile(a => a != branch).Any(IsFunction),
        _ => false,
    };

    private static bool IsFunction(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

    /// <summary>The loop or <c>switch</c> a <c>break</c> leaves.</summary>
    private static SyntaxNode? Target(BreakStatementSyntax stop) =>
        stop.Ancestors().FirstOrDefault(n => n is CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or SwitchStatementSyntax);

    /// <summary>The innermost loop around <paramref name="node"/> in its own function.</summary>
    private static StatementSyntax? Loop(SyntaxNode node) =>
        node.Ancestors().TakeWhile(a => !IsFunction(a) && a is not MemberDeclarationSyntax)
            .OfType<StatementSyntax>().FirstOrDefault(a => a is CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax);

    /// <summary>Leaving <paramref name="loop"/> by <paramref name="exit"/> goes where its <c>break</c> would: it is the
    /// <c>break</c>, or the loop is followed by the same <c>return</c> (as text), or ends a body that returns nothing
    /// (<c>return;</c>, <c>yield break;</c>).</summary>
    private static bool DoesWhatBreakDoes(StatementSyntax exit, CommonForEachStatementSyntax loop)
    {
        if (exit is BreakStatementSyntax stop)
            return Target(stop) == loop;
        if (loop.Parent is not BlockSyntax block)
            return false;
        var index = block.Statements.IndexOf(loop);
        if (index + 1 < block.Statements.Count)
            return exit is ReturnStatementSyntax returned && block.Statements[index + 1] is ReturnStatementSyntax after && SameValue(returned.Expression, after.Expression);
        var endsBody = block.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax;
        return endsBody && exit is ReturnStatementSyntax { Expression: null } or YieldStatementSyntax;
    }

    private static bool SameValue(ExpressionSyntax? returned, ExpressionSyntax? after) =>
        returned is null ? after is null : after is not null && returned.IsEquivalentTo(after, topLevel: false);

    private static bool OnlyScoreLocalsBefore(IfStatementSyntax branch, StatementSyntax loopBody, ImmutableArray<LocalDeclarationStatementSyntax> scoreLocals,
        LocalDeclarationStatementSyntax? holder)
    {
        if (loopBody == branch)
            return true;
        if (loopBody is not BlockSyntax body || branch.Parent != body)
            return false;
        return body.Statements.TakeWhile(s => s != branch).All(s => s is LocalDeclarationStatementSyntax declaration &&
            (declaration == holder || !scoreLocals.IsDefault && scoreLocals.Contains(declaration)));
    }
}
