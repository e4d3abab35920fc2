using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Substitution;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA004: a band check whose result is discarded becomes a branch on it —
/// <c>ReaderGuard.Classify(user, other);</c> turns into
/// <c>if (!ReaderGuard.TrySubstitute(user, other, out _)) return …;</c> (a check that returns <c>bool</c> is kept and
/// negated). The fallback is the one the band-check insertion uses: skip the item in a loop, else leave with the
/// target's profile, null, an empty list or nothing — or, where leaving has no such value, the candidate's local takes
/// the target's own profile (<c>twin = user;</c>). When the statement before or after already branches on
/// TrySubstitute for the same candidate (for a candidate held in a name, any later statement of the block), or the local
/// was kept only when it passed or is the guard's own pick for the same target, the discarded call is removed instead. A
/// discarded <c>SafestSubstitute</c> is removed where a later statement makes the same call, and gets no fix
/// elsewhere.</summary>
internal sealed class BranchOnCheckFix : PersonaFix
{
    public override string EquivalenceKey => "PERSONA004.BranchOnCheck";

    public override string Title(Diagnostic diagnostic) => "Branch on the band check's result";

    public override async Task<Document?> ApplyAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (node is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: >= 2 } call)
            return null;
        var statement = call.Parent switch
        {
            ExpressionStatementSyntax direct => direct,
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax discarded } => discarded,
            _ => null,
        };
        if (statement is null)
            return null;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method)
            return null;

        var target = call.ArgumentList.Arguments[0].Expression;
        var candidate = call.ArgumentList.Arguments[1].Expression;
        var targetType = model.GetTypeInfo(target, cancellationToken).Type;
        if (targetType is null)
            return null;
        var types = GuardTypes.For(diagnostic, model.Compilation, "TrySubstitute");
        var ofGuard = types is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Guard);
        // Guard.SafestSubstitute(me, pool); var top = pool.OrderByDescending(…).First();: the guard's pick, thrown away.
        if (ofGuard && method.Name == "SafestSubstitute")
            return await SafestPickTakenLaterAsync(document, model, root, statement, cancellationToken).ConfigureAwait(false);
        ExpressionSyntax check;
        // Classify(me, twin!): the '!' asserts a presence nothing tested; the branch tests it in its place, as the
        // PERSONA001 guard does.
        string? forgiven = null;
        if (ofGuard && method.Name is "Classify" or "Assess" or "TrySubstitute")
        {
            var checkedCandidate = candidate.WithoutTrivia();
            if (candidate is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression, Operand: IdentifierNameSyntax asserted })
                (checkedCandidate, forgiven) = (asserted.WithoutTrivia(), asserted.Identifier.ValueText);
            check = Syntax.TrySubstitute(types!.Guard, model, statement.SpanStart, target.WithoutTrivia(), checkedCandidate);
        }
        else if (method.ReturnType.SpecialType == SpecialType.System_Boolean)
            check = call.WithoutTrivia();
        else
            return null;

        // if (n is not null) Guard.Classify(user, n);: the presence test only keeps the discarded call from a missing
        // substitute — where the call goes, the test goes with it (probe 14b, repro 02).
        StatementSyntax whole = candidate is IdentifierNameSyntax tested && OnlyUnderPresenceTest(statement, tested.Identifier.ValueText) is { } presence ? presence : statement;

        // Classify(me, other); if (Similarity(me, other) > 0.9) …: the bar becomes the check (PERSONA003's fix) and the
        // discarded call goes — the code either rule's fix leaves first, in one step.
        if (await RawBars.FindAsync(document, whole, (candidate as IdentifierNameSyntax)?.Identifier.ValueText, cancellationToken).ConfigureAwait(false) is { } bar)
            return await SettledByAsync(document, root, whole, BarFix, bar, null, cancellationToken).ConfigureAwait(false);

        // var best = pool.MaxBy(c => Similarity(me, c)); if (best is null) return …; Classify(me, best);: PERSONA002's fix
        // makes the local the guard's pick for the same target, a candidate it has already found safe, and the discarded
        // call goes — with that fix in the same step, or after it (probe 12b, repro 10).
        if (candidate is IdentifierNameSyntax held)
        {
            bool Settled(StatementSyntax discarded) => HeldByGuardPick(discarded, target, held.Identifier.ValueText);
            if (Settled(whole))
                return await RemovedAsync(document, root, whole, cancellationToken).ConfigureAwait(false);
            if (await HighestSimilarityPicks.FindAsync(document, model, held, cancellationToken).ConfigureAwait(false) is { } pick &&
                await SettledByAsync(document, root, whole, PickFix, pick, Settled, cancellationToken).ConfigureAwait(false) is { } picked)
                return picked;
        }

        // The candidate may already be checked just before (the PERSONA001 fix on the same loop): then the discarded call
        // is only noise, and a second branch would be too.
        if (AlreadyBranchedOn(whole, candidate))
            return await RemovedAsync(document, root, whole, cancellationToken).ConfigureAwait(false);

        // if (twin is null) return "generic brief"; Classify(seed, twin);: the code's own exit for a missing substitute
        // serves an unsafe one too — the check joins its condition, and the discarded call goes (probe 9d, repro 01).
        if (candidate is IdentifierNameSyntax named && statement.Parent is BlockSyntax block &&
            PrecedingNullExit(block, statement, named.Identifier.ValueText) is { } exit)
        {
            var joined = exit.WithCondition(BinaryExpression(SyntaxKind.LogicalOrExpression, exit.Condition.WithoutTrivia(),
                PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, Parenthesize(check))).WithTriviaFrom(exit.Condition).Formatted());
            var statements = block.Statements.Replace(exit, joined).RemoveAt(block.Statements.IndexOf(statement));
            return await FinishedDocument.CreateAsync(document, root.ReplaceNode(block, block.WithStatements(statements)), cancellationToken)
                .ConfigureAwait(false);
        }

        var fallback = Fallbacks.For(model, statement, target.WithoutTrivia(), targetType) ??
                       (candidate is IdentifierNameSyntax local && model.GetSymbolInfo(local, cancellationToken).Symbol is ILocalSymbol
                           {
                               IsConst: false, IsForEach: false, IsUsing: false, RefKind: RefKind.None,
                           } symbol
                           ? Fallbacks.OwnProfileInstead(model, symbol.Type, local.Identifier.ValueText, target, targetType)
                           : null);
        if (fallback is null)
            return null;
        var failed = forgiven is null ? PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, Parenthesize(check)) : Syntax.FailedCheck(check, forgiven, canBeNull: true);
        var branch = IfStatement(failed, fallback)
            .WithTriviaFrom(statement).Formatted();
        return await FinishedDocument.CreateAsync(document, root.ReplaceNode(statement, branch), cancellationToken).ConfigureAwait(false);
    }

    private static readonly BandCheckInsteadOfThresholdFix BarFix = new();

    private static readonly SafestSubstituteSelectionFix PickFix = new();

    /// <summary>Another rule's fix that settles the discarded call — a bar that becomes the check (PERSONA003), a pick that
    /// becomes the guard's (PERSONA002) — applied, and the discarded call removed: the code either rule's fix leaves first,
    /// in one step. Only where <paramref name="settled"/> (when given) holds of the discarded call in the fixed code.</summary>
    private static async Task<Document?> SettledByAsync(Document document, SyntaxNode root, StatementSyntax discarded, PersonaFix fix, Diagnostic other,
        System.Func<StatementSyntax, bool>? settled, CancellationToken cancellationToken)
    {
        var mark = new SyntaxAnnotation();
        var marked = document.WithSyntaxRoot(root.ReplaceNode(discarded, discarded.WithAdditionalAnnotations(mark)));
        if (await marked.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } markedRoot ||
            await fix.ApplyAsync(marked, markedRoot.FindNode(other.Location.SourceSpan, getInnermostNodeForTie: true), other,
                cancellationToken).ConfigureAwait(false) is not { } fixedDocument ||
            await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } fixedRoot ||
            fixedRoot.GetAnnotatedNodes(mark).FirstOrDefault() is not StatementSyntax stillDiscarded ||
            settled is not null && !settled(stillDiscarded))
            return null;
        return await RemovedAsync(fixedDocument, fixedRoot, stillDiscarded, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document?> RemovedAsync(Document document, SyntaxNode root, StatementSyntax discarded, CancellationToken cancellationToken) =>
        await FinishedDocument.CreateAsync(document, root.RemoveNode(discarded, SyntaxRemoveOptions.KeepNoTrivia)!, cancellationToken).ConfigureAwait(false);

    /// <summary>A discarded <c>SafestSubstitute(me, pool);</c> whose same call a later statement of the block makes —
    /// <c>var top = Guard.SafestSubstitute(me, pool) ?? me;</c>, or what PERSONA002's fix makes of the pick there, applied
    /// in the same step — is removed: the pick that statement takes is the guard's. Anywhere else, what the guard's pick
    /// should have decided is not to be guessed: no fix (probe 12b, repro 18).</summary>
    private static async Task<Document?> SafestPickTakenLaterAsync(Document document, SemanticModel model, SyntaxNode root, StatementSyntax statement,
        CancellationToken cancellationToken)
    {
        if (SameCallLater(statement))
            return await RemovedAsync(document, root, statement, cancellationToken).ConfigureAwait(false);
        if (statement.Parent is not BlockSyntax)
            return null;
        var picks = await RuleReports.InAsync(document, model, new HighestSimilaritySelectionAnalyzer(), SubstitutionDescriptors.HighestSimilaritySelectionId,
            RuleReports.Region(statement, restOfBlock: true), cancellationToken).ConfigureAwait(false);
        foreach (var pick in picks)
        {
            if (await SettledByAsync(document, root, statement, PickFix, pick, SameCallLater, cancellationToken).ConfigureAwait(false) is { } picked)
                return picked;
        }
        return null;

        static bool SameCallLater(StatementSyntax discarded) =>
            discarded is ExpressionStatementSyntax { Expression: var expression } && discarded.Parent is BlockSyntax block &&
            (expression is AssignmentExpressionSyntax { Right: var right } ? right : expression) is InvocationExpressionSyntax call &&
            block.Statements.Skip(block.Statements.IndexOf(discarded) + 1)
                .Any(later => later.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(other => SyntaxFactory.AreEquivalent(other, call)));
    }

    /// <summary>The candidate's local was declared, earlier in an enclosing block, as the guard's pick for the same target
    /// (<c>var best = Guard.SafestSubstitute(me, pool);</c>, also <c>?? me</c>) and is not assigned again.</summary>
    private static bool HeldByGuardPick(StatementSyntax discarded, ExpressionSyntax target, string name)
    {
        for (SyntaxNode node = discarded; node.Parent is not null and not MemberDeclarationSyntax and not AnonymousFunctionExpressionSyntax; node = node.Parent)
        {
            if (node.Parent is not BlockSyntax block || node is not StatementSyntax inBlock)
                continue;
            foreach (var earlier in block.Statements.TakeWhile(s => s != inBlock))
            {
                if (earlier is not LocalDeclarationStatementSyntax { Declaration.Variables: var declared } ||
                    declared.FirstOrDefault(v => v.Identifier.ValueText == name) is not { } variable)
                    continue;
                var value = variable.Initializer is { } initializer ? Syntax.Unparenthesized(initializer.Value) : null;
                if (value is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } orTarget && SyntaxFactory.AreEquivalent(orTarget.Right, target))
                    value = Syntax.Unparenthesized(orTarget.Left);
                return value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SafestSubstitute" }, ArgumentList.Arguments: [var picksFor, _] } &&
                       SyntaxFactory.AreEquivalent(picksFor.Expression, target) &&
                       !block.DescendantNodes().Any(n =>
                           n is AssignmentExpressionSyntax assigned && Syntax.IsName(assigned.Left, name) ||
                           n is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } passed && Syntax.IsName(passed.Expression, name));
            }
        }
        return false;
    }

    /// <summary>The code's own null exit right before the discarded call: <c>if (twin is null) return …;</c> (also
    /// <c>== null</c>, <c>is not { }</c>, first in an <c>||</c> chain) with no <c>else</c>, leaving by <c>return</c>,
    /// <c>continue</c> or <c>yield break</c> — not a <c>throw</c>, which would fail an ordinary request for an unsafe one.</summary>
    private static IfStatementSyntax? PrecedingNullExit(BlockSyntax block, StatementSyntax statement, string name)
    {
        var index = block.Statements.IndexOf(statement);
        if (index <= 0 || block.Statements[index - 1] is not IfStatementSyntax { Else: null } exit || !ExistingNullCheck.IsNullTest(exit.Condition, name))
            return null;
        var leaves = exit.Statement is BlockSyntax { Statements.Count: > 0 } body ? body.Statements.Last() : exit.Statement;
        return leaves is ReturnStatementSyntax or ContinueStatementSyntax || leaves.IsKind(SyntaxKind.YieldBreakStatement) ? exit : null;
    }

    /// <summary>The <c>if</c> whose only statement the discarded call is, when its condition only tests that the
    /// candidate is there (<c>if (n is not null) Guard.Classify(user, n);</c>, also braced); null otherwise.</summary>
    private static IfStatementSyntax? OnlyUnderPresenceTest(StatementSyntax statement, string name)
    {
        var body = statement.Parent is BlockSyntax { Statements.Count: 1 } braced ? braced : (SyntaxNode)statement;
        return body.Parent is IfStatementSyntax { Else: null } presence && presence.Statement == body &&
               ExistingNullCheck.IsPresenceTest(presence.Condition, name)
            ? presence
            : null;
    }

    private static bool AlreadyBranchedOn(StatementSyntax statement, ExpressionSyntax candidate)
    {
        if (statement.Parent is not BlockSyntax block)
            return false;
        var index = block.Statements.IndexOf(statement);
        // Classify(me, other); if (Guard.TrySubstitute(me, other, out _)) return other;: the branch right after decides —
        // or a conditional right after, `return Guard.TrySubstitute(me, other, out _) ? other : me;` (what PERSONA003's fix
        // makes of a bar on a score local there).
        if (index + 1 < block.Statements.Count && Decision(block.Statements[index + 1]) is { } next &&
            next.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(call => IsTrySubstitute(call, candidate)))
            return true;
        // Classify(me, other); return me.Segment switch { "vip" when Guard.TrySubstitute(me, other, out _) => …, … };, or
        // the check in an interpolated ?:: a later statement asks the check of a candidate held in a name — what
        // PERSONA003's fix makes of a bar wherever in the rest of the block RawBars finds it, so that the code is the same
        // whichever rule is fixed first (probe 12b, repros 06, 07, 11).
        if (candidate is IdentifierNameSyntax &&
            block.Statements.Skip(index + 1).SelectMany(later => later.DescendantNodes().OfType<InvocationExpressionSyntax>())
                .Any(call => IsTrySubstitute(call, candidate) && call.Parent is not ExpressionStatementSyntax))
            return true;
        if (index <= 0)
            return false;
        return block.Statements[index - 1] switch
        {
            IfStatementSyntax { Else: null } previous =>
                previous.Statement is ContinueStatementSyntax or ReturnStatementSyntax or BreakStatementSyntax &&
                previous.Condition.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call => IsTrySubstitute(call, candidate)),
            // var twin = FindLookalike(seed) is { } s && Guard.TrySubstitute(seed, s, out _) ? s : seed; (the PERSONA001
            // fix of `?? seed`): the local holds a checked substitute or the target's own profile.
            LocalDeclarationStatementSyntax { Declaration.Variables: [{ Initializer.Value: ConditionalExpressionSyntax kept } declared] } =>
                Syntax.IsName(candidate, declared.Identifier.ValueText) && Syntax.Unparenthesized(kept.WhenTrue) is IdentifierNameSyntax substitute &&
                kept.Condition.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(call => IsTrySubstitute(call, substitute)),
            _ => false,
        };

        static bool IsTrySubstitute(InvocationExpressionSyntax call, ExpressionSyntax candidate) =>
            call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TrySubstitute" } &&
            call.ArgumentList.Arguments.Count == 3 &&
            SyntaxFactory.AreEquivalent(call.ArgumentList.Arguments[1].Expression, candidate);
    }

    /// <summary>The condition a statement decides by: an <c>if</c>'s, or that of a conditional the statement returns or
    /// declares its local with.</summary>
    private static ExpressionSyntax? Decision(StatementSyntax statement) => statement switch
    {
        IfStatementSyntax branch => branch.Condition,
        ReturnStatementSyntax { Expression: { } value } => (Syntax.Unparenthesized(value) as ConditionalExpressionSyntax)?.Condition,
        LocalDeclarationStatementSyntax { Declaration.Variables: [{ Initializer.Value: var value }] } =>
            (Syntax.Unparenthesized(value) as ConditionalExpressionSyntax)?.Condition,
        _ => null,
    };

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression) =>
        expression is InvocationExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax ? expression : ParenthesizedExpression(expression);
}
