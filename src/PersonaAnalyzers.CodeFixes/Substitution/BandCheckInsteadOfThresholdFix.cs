using System.Collections.Immutable;
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

/// <summary>PERSONA003: replaces a raw threshold on the guard's score with the band check, keeping the branch:
/// <c>if (ReaderGuard.Similarity(user, other) &gt;= 0.9)</c> becomes <c>if (ReaderGuard.TrySubstitute(user, other, out _))</c>,
/// a rejecting comparison (<c>similarity &lt; 0.8</c>, or a distance above its bar) becomes the negated check. A
/// relational pattern (<c>is &gt;= 0.9</c>, <c>is not &lt; 0.8</c>, a band <c>is &gt; 0.8 and &lt; 0.95</c>) is replaced
/// the same way (see <see cref="ThresholdPatterns"/>), and a two-way <c>switch</c> on the score becomes a conditional or an
/// <c>if</c>/<c>else</c> (see <see cref="ThresholdSwitches"/>). Offered
/// where the score is <c>Guard.Similarity(a, b)</c> or <c>Guard.Explain(a, b).Overall</c>, directly or through a
/// local it initialises, and where it is a search hit's own score beside its profile, checked against the target in
/// scope (see <see cref="HitScores"/>); a kernel or a feature score does not say which two profiles to check. A score local the edit
/// leaves unread is removed (see <see cref="UnreadScoreLocal"/>). A bar that stops a loop (<c>break</c>, or a <c>return</c> doing the same) gets <c>continue</c>
/// on the check, or no fix (see <see cref="StoppingBars"/>).</summary>
internal sealed class BandCheckInsteadOfThresholdFix : PersonaFix
{
    public override string EquivalenceKey => "PERSONA003.UseBandCheck";

    public override string Title(Diagnostic diagnostic) => "Replace the similarity threshold with the guard's TrySubstitute";

    /// <summary>A predicate of <c>TakeWhile</c>/<c>SkipWhile</c>: the band check holds for a middle band of similarity, not
    /// above a bar, so over a most-similar-first ordering <c>TakeWhile(check)</c> would stop at the near-twin at the head
    /// and keep no one. No rewrite: <c>Where</c> with the check is the fix, and its shape is the programmer's to choose.</summary>
    private static bool InOrderDependentPredicate(SyntaxNode node) =>
        node.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() is { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } &&
        call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TakeWhile" or "SkipWhile" };

    public override async Task<Document?> ApplyAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (node is not (BinaryExpressionSyntax or IsPatternExpressionSyntax or PatternSyntax) || InOrderDependentPredicate(node))
            return null;
        if (await GuardRewrite.PrepareAsync(document, diagnostic, "TrySubstitute", cancellationToken).ConfigureAwait(false) is not { } rewrite)
            return null;
        var (model, root, types) = (rewrite.Model, rewrite.Root, rewrite.Types);
        var scoreOnLeft = !diagnostic.Properties.TryGetValue(SubstitutionProperties.ScoreOperand, out var side) || side != "Right";
        var isDistance = diagnostic.Properties.TryGetValue(SubstitutionProperties.IsDistance, out var distance) && distance == "true";
        // Which way uses the candidate, as the analyzer found it; the operator alone misreads an upper bar
        // (`sim < 0.97` keeping all but the duplicates, `sim >= 0.9 ? user : other`).
        bool? analyzed = diagnostic.Properties.TryGetValue(SubstitutionProperties.AdmitsWhenHolds, out var holds) ? holds == "true" : null;
        var score = node switch
        {
            BinaryExpressionSyntax comparison => ComparedScore(comparison, scoreOnLeft ? comparison.Left : comparison.Right, diagnostic),
            IsPatternExpressionSyntax pattern => pattern.Expression,
            PatternSyntax arm => ThresholdSwitches.Score(arm),
            _ => null,
        };
        var pair = score is null ? null : ScoredPair(model, score, types.Guard, cancellationToken) ?? HitPair(document, model, node, score, types.Persona, cancellationToken);
        if (pair is null || await HighestSimilarityPicks.ChoseAsync(document, model, pair.Value.Candidate, cancellationToken).ConfigureAwait(false))
            return null;
        if (node is PatternSyntax switchArm)
        {
            var switchCheck = Syntax.TrySubstitute(types.Guard, model, node.SpanStart, pair.Value.Target.WithoutTrivia(), pair.Value.Candidate.WithoutTrivia());
            var rewritten = ThresholdSwitches.Rewrite(root, switchArm, switchCheck, pair.Value.Candidate, isDistance, analyzed);
            return rewritten is null ? null : await FinishedDocument.CreateAsync(document, pair.Value.Tidy(rewritten), cancellationToken).ConfigureAwait(false);
        }
        var test = (ExpressionSyntax)node;
        bool admits;
        if (test is BinaryExpressionSyntax binary)
        {
            // score > bar (or bar < score) admits the profile; for a distance, admitting is the other way round.
            var greater = binary.Kind() is SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression;
            admits = (greater == scoreOnLeft) != isDistance;
        }
        else if (ThresholdPatterns.Admits((IsPatternExpressionSyntax)test, pair.Value.Candidate, isDistance) is { } byPattern)
        {
            admits = byPattern;
        }
        else
        {
            return null;
        }
        // twin is null ? 0 : Similarity(me, twin): the check is only asked where the candidate is there, and a bar above
        // zero fails (or, rejecting, holds) where it is not — not so for an upper bar, which zero passes.
        if (pair.Value.PresentOnly is not null && (analyzed is { } found && found != admits ||
                                                   !(test is BinaryExpressionSyntax barred && IsPositiveConstant(model, scoreOnLeft ? barred.Right : barred.Left, cancellationToken))))
            return null;
        admits = analyzed ?? admits;
        ExpressionSyntax check = Syntax.TrySubstitute(types.Guard, model, test.SpanStart, pair.Value.Target.WithoutTrivia(), pair.Value.Candidate.WithoutTrivia());
        if (pair.Value.PresentOnly is { } present)
            check = Present(test, present, check, admits);
        else if (!admits)
            check = PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, check);
        check = check.WithTriviaFrom(test);
        var replaced = WithoutRedundantParentheses(test, ref check);
        var edited = root.ReplaceNode(replaced, check);
        if (StoppingBars.Stops(test, admits, pair.Value.ScoreLocals, out var stop))
        {
            if (stop is null)
                return null;
            edited = root.ReplaceNodes(new SyntaxNode[] { replaced, stop }, (original, _) => original == replaced ? check : ContinueStatement().WithTriviaFrom(stop));
        }
        return await FinishedDocument.CreateAsync(document, pair.Value.Tidy(edited), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The node the check takes the place of: the test, or the parentheses around it where the check needs none
    /// — <c>!(sim &gt;= 0.9)</c> becomes <c>!Guard.TrySubstitute(…)</c>, <c>(s &gt; 0.8) is false</c> becomes
    /// <c>Guard.TrySubstitute(…) is false</c>, and <c>!(sim &lt; 0.8)</c>, whose check is negated, the bare check.</summary>
    private static SyntaxNode WithoutRedundantParentheses(ExpressionSyntax test, ref ExpressionSyntax check)
    {
        if (test.Parent is not ParenthesizedExpressionSyntax parenthesized)
            return test;
        if (check is InvocationExpressionSyntax)
        {
            check = check.WithTriviaFrom(parenthesized);
            return parenthesized;
        }
        if (check is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression, Operand: InvocationExpressionSyntax negated } &&
            parenthesized.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } outer)
        {
            check = negated.WithTriviaFrom(outer);
            return outer;
        }
        return test;
    }

    /// <summary>The score side of a comparison; of <c>similarity.CompareTo(bar) &gt; 0</c> (or <c>bar.CompareTo(similarity)</c>)
    /// the score inside the call, where the analyzer's first additional location points. The whole comparison is replaced
    /// either way; which way the check goes comes from the analyzer (<c>AdmitsWhenHolds</c>).</summary>
    private static ExpressionSyntax? ComparedScore(BinaryExpressionSyntax comparison, ExpressionSyntax side, Diagnostic diagnostic) =>
        side is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CompareTo" } } call
            ? PersonaCodeFixProvider.AdditionalNode(comparison, diagnostic, 0) is ExpressionSyntax score && call.Span.Contains(score.Span) ? score : null
            : side;

    /// <summary>The two profiles a guard score compares, and the local declarations the score came through, latest first.</summary>
    /// <remarks><see cref="PresentOnly"/>: the candidate's name where the score is computed only when it is there (see
    /// <see cref="ZeroWhenMissing"/>).</remarks>
    private readonly record struct Pair(ExpressionSyntax Target, ExpressionSyntax Candidate, ImmutableArray<LocalDeclarationStatementSyntax> ScoreLocals,
        string? PresentOnly = null, LetClauseSyntax? ScoreLet = null)
    {
        /// <summary>The edited root without the score locals the edit took the last read of: the latest first, since
        /// dropping <c>var pct = (int)(sim * 100);</c> takes the last read of <c>sim</c> — and without a query's
        /// <c>let</c> clause the score came from, once nothing reads it.</summary>
        public SyntaxNode Tidy(SyntaxNode newRoot)
        {
            var tidied = ScoreLocals.IsDefault ? newRoot : ScoreLocals.Aggregate(newRoot, UnreadScoreLocal.Remove);
            return ScoreLet is null ? tidied : UnreadScoreLocal.Remove(tidied, ScoreLet);
        }
    }

    /// <summary>The two profiles a guard score compares, following locals to their initializers: <c>var sim =
    /// Similarity(a, b); var pct = (int)(sim * 100); pct &gt;= 85</c>, and <c>var e = Explain(a, b); e.Overall &gt; 0.9</c>
    /// — and a query's range variable to its <c>let</c> clause (<c>let s = Similarity(me, c) where s &gt;= 0.6</c>).</summary>
    private static Pair? ScoredPair(SemanticModel model, ExpressionSyntax score, INamedTypeSymbol guard, CancellationToken cancellationToken)
    {
        var locals = ImmutableArray.CreateBuilder<LocalDeclarationStatementSyntax>();
        if (LetScore(model, score, cancellationToken) is { } scoreLet)
            return Direct(model, Unscaled(model, scoreLet.Expression, cancellationToken), guard, cancellationToken) is (var letTarget, var letCandidate)
                ? new Pair(letTarget, letCandidate, default, ScoreLet: scoreLet)
                : null;
        while (true)
        {
            score = Unscaled(model, score, cancellationToken);
            // e.Overall of var e = Explain(a, b) reads as Explain(a, b).Overall, which Direct takes as the Explain call.
            var name = score is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Overall", Expression: IdentifierNameSyntax explanation }
                ? explanation
                : score as IdentifierNameSyntax;
            if (name is null || model.GetSymbolInfo(name, cancellationToken).Symbol is not ILocalSymbol local)
                break;
            if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value } ||
                IsReassigned(model, local, name, cancellationToken))
                return null;
            if (Statements.SoleDeclaration(local, cancellationToken) is { } declaration)
                locals.Add(declaration);
            if (Unscaled(model, value, cancellationToken) is ConditionalExpressionSyntax choice)
                return ZeroWhenMissing(model, choice, guard, cancellationToken) is (var present, var scoredTarget, var scoredCandidate)
                    ? new Pair(scoredTarget, scoredCandidate, locals.ToImmutable(), present)
                    : null;
            score = value;
        }
        return Direct(model, score, guard, cancellationToken) is (var target, var candidate) ? new Pair(target, candidate, locals.ToImmutable()) : null;
    }

    /// <summary>The <c>let</c> clause a score read as a range variable comes from.</summary>
    private static LetClauseSyntax? LetScore(SemanticModel model, ExpressionSyntax score, CancellationToken cancellationToken) =>
        Unscaled(model, score, cancellationToken) is IdentifierNameSyntax name &&
        model.GetSymbolInfo(name, cancellationToken).Symbol is IRangeVariableSymbol range &&
        range.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is LetClauseSyntax let
            ? let
            : null;

    /// <summary><c>twin is null ? 0 : Guard.Similarity(me, twin)</c> (or <c>twin is not null ? … : 0</c>, <c>== null</c>,
    /// <c>!= null</c>): a guard score of the candidate where it is there, zero where it is missing — its name and the
    /// pair; null for any other choice.</summary>
    private static (string Present, ExpressionSyntax Target, ExpressionSyntax Candidate)? ZeroWhenMissing(SemanticModel model, ConditionalExpressionSyntax choice,
        INamedTypeSymbol guard, CancellationToken cancellationToken)
    {
        if (MissingWhen(Syntax.Unparenthesized(choice.Condition), out var tested) is not { } missingWhenTrue)
            return null;
        var (zero, score) = missingWhenTrue ? (choice.WhenTrue, choice.WhenFalse) : (choice.WhenFalse, choice.WhenTrue);
        if (model.GetConstantValue(zero, cancellationToken) is not { HasValue: true, Value: var constant } || !IsZero(constant))
            return null;
        return Direct(model, Unscaled(model, score, cancellationToken), guard, cancellationToken) is (var target, var candidate) &&
               Syntax.IsName(candidate, tested) && !Syntax.IsName(target, tested)
            ? (tested, target, candidate)
            : null;
    }

    /// <summary>Whether the test holds where <paramref name="tested"/> is null (<c>x is null</c>, <c>x == null</c>) or where
    /// it is not (<c>x is not null</c>, <c>x != null</c>); null for any other test.</summary>
    private static bool? MissingWhen(ExpressionSyntax test, out string tested)
    {
        tested = "";
        var (value, missing) = test switch
        {
            IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax constant } pattern when ExistingNullCheck.IsNull(constant.Expression) => (pattern.Expression, (bool?)true),
            IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { Pattern: ConstantPatternSyntax constant } } pattern when ExistingNullCheck.IsNull(constant.Expression) =>
                (pattern.Expression, false),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } equality when ExistingNullCheck.IsNull(equality.Right) =>
                (equality.Left, equality.IsKind(SyntaxKind.EqualsExpression)),
            _ => ((ExpressionSyntax?)null, (bool?)null),
        };
        if (value is not IdentifierNameSyntax name)
            return null;
        tested = name.Identifier.ValueText;
        return missing;
    }

    private static bool IsZero(object? constant) => constant switch
    {
        int value => value == 0,
        long value => value == 0,
        double value => value == 0,
        float value => value == 0,
        decimal value => value == 0,
        _ => false,
    };

    private static bool IsPositiveConstant(SemanticModel model, ExpressionSyntax bar, CancellationToken cancellationToken) =>
        model.GetConstantValue(bar, cancellationToken) is { HasValue: true, Value: var constant } && constant switch
        {
            int value => value > 0,
            long value => value > 0,
            double value => value > 0,
            float value => value > 0,
            decimal value => value > 0,
            _ => false,
        };

    /// <summary>The check asked only where the candidate is there: <c>twin is not null &amp;&amp; check</c> where the bar
    /// admits, <c>twin is null || !check</c> where it rejects — in parentheses where the test sits in an operator that
    /// binds tighter.</summary>
    private static ExpressionSyntax Present(ExpressionSyntax test, string present, ExpressionSyntax check, bool admits)
    {
        ExpressionSyntax joined = admits
            ? BinaryExpression(SyntaxKind.LogicalAndExpression, Syntax.IsNotNull(present), check)
            : Syntax.FailedCheck(check, present, canBeNull: true);
        var bare = test.Parent is IfStatementSyntax or WhileStatementSyntax or ParenthesizedExpressionSyntax or ReturnStatementSyntax or
                       EqualsValueClauseSyntax or ArgumentSyntax or ArrowExpressionClauseSyntax ||
                   test.Parent is ConditionalExpressionSyntax conditional && conditional.Condition == test ||
                   admits && test.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } ||
                   !admits && test.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression };
        return bare ? joined : ParenthesizedExpression(joined);
    }

    /// <summary>The score under the rescaling the rule sees through (<c>Math.Round(s, 2)</c>, <c>(int)(s * 100)</c>,
    /// parentheses): the band check replaces the whole comparison, so the scale goes with it.</summary>
    private static ExpressionSyntax Unscaled(SemanticModel model, ExpressionSyntax score, CancellationToken cancellationToken) =>
        model.GetOperation(score, cancellationToken) is { } operation && SimilarityScores.Unscaled(operation).Syntax is ExpressionSyntax inner
            ? inner
            : Syntax.Unparenthesized(score);

    /// <summary>A hit's own score: the profile beside it against the target in scope (see <see cref="HitScores"/>).</summary>
    private static Pair? HitPair(Document document, SemanticModel model, SyntaxNode at, ExpressionSyntax score, INamedTypeSymbol persona,
        CancellationToken cancellationToken)
    {
        // hit.Score * 100 >= 80, (hit.Score ?? 0) >= 0.8: the hit's score rescaled, or given a default, is still its score.
        score = Unscaled(model, score, cancellationToken);
        if (score is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } defaulted)
            score = Unscaled(model, defaulted.Left, cancellationToken);
        if (HitScores.Candidate(model, score, persona, cancellationToken) is not { } candidate)
            return null;
        var target = TargetProfiles.Find(document, model, at, persona, cancellationToken)
            .FirstOrDefault(t => !SyntaxFactory.AreEquivalent(t, candidate));
        return target is null ? null : new Pair(target, candidate, default);
    }

    private static (ExpressionSyntax, ExpressionSyntax)? Direct(SemanticModel model, ExpressionSyntax score, INamedTypeSymbol guard, CancellationToken cancellationToken)
    {
        if (score is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Overall", Expression: InvocationExpressionSyntax explain })
            score = explain;
        if (score is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 2 } call ||
            model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { Name: "Similarity" or "Explain" } method ||
            !SymbolEqualityComparer.Default.Equals(method.ContainingType, guard))
            return null;
        var arguments = call.ArgumentList.Arguments;
        if (arguments.Any(a => !Syntax.IsStable(a.Expression)))
            return null;
        return (arguments[0].Expression, arguments[1].Expression);
    }

    private static bool IsReassigned(SemanticModel model, ILocalSymbol local, SyntaxNode use, CancellationToken cancellationToken)
    {
        var body = Fallbacks.ContainingFunction(use);
        return body is not null && body.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a =>
            a.Left is IdentifierNameSyntax id && id.Identifier.ValueText == local.Name &&
            SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, cancellationToken).Symbol, local));
    }
}
