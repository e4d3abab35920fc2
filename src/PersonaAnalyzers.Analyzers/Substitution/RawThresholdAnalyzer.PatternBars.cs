using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA003's bars written inside a positional or property pattern — of an <c>is</c>, or of a <c>switch</c>
/// arm — over a score: the element of a tuple written in place, a pair's (or search hit's) member named for a score, the
/// similarity of a verdict or an explanation.</summary>
public sealed partial class RawThresholdAnalyzer
{
    /// <summary>A bar written inside a positional or property pattern: <c>index.MostSimilar(user) is ({ } twin, &gt; 0.9)</c>,
    /// <c>is { Similarity: &gt; 0.9, Profile: var twin }</c>, <c>hit is { Score: &gt; 0.9 }</c>, <c>(Similarity(user, twin),
    /// tier) is (&gt;= 0.9, "gold")</c>, <c>Assess(user, twin) is { Similarity: &gt; 0.9 }</c>. The <c>is</c> decides as a
    /// comparison would: it holds only where the bar does. Reported on the sub-pattern.</summary>
    private static void AnalyzeSubpatterns(IIsPatternOperation isPattern, Body body, OperationBlockAnalysisContext context)
    {
        if (Unnegated(isPattern.Pattern, out var negated) is not IRecursivePatternOperation top || !HasRelational(top, nested: true))
            return;
        ForEachBar(top, isPattern.Value, isPattern, body, (bar, score, scoreOperand) =>
        {
            if (Decides(isPattern, score, body) is { } admitsWhenHolds)
                Report(context, bar, score, scoreOperand, bar, "Left", admitsWhenHolds != negated, body);
        });
    }

    /// <summary>A bar inside the pattern of a <c>switch</c> arm over a pair, a hit or a verdict — <c>case { Score: &gt;= 0.9 }
    /// h: return h.Profile;</c>, <c>hit switch { { Score: &gt; 0.92 } =&gt; hit.Profile, _ =&gt; user }</c>: where it fails,
    /// the arms after it run, as where a <c>when</c> clause fails; it decides when the candidate is used on one side and
    /// not on the other. An arm whose <c>when</c> clause passes a band check of the pair only narrows.</summary>
    private static void AnalyzeArmBars(IOperation operation, IOperation value, Body body, OperationBlockAnalysisContext context)
    {
        if (operation is ISwitchExpressionOperation expression)
        {
            foreach (var arm in expression.Arms)
                Judge(arm.Pattern, arm.Guard, guarded => DecidesGuardedArm(expression.Arms, arm, static arm => ImmutableArray.Create(arm.Value), guarded));
            return;
        }
        var statement = (ISwitchOperation)operation;
        foreach (var section in statement.Cases)
        {
            foreach (var clause in section.Clauses)
            {
                if (clause is IPatternCaseClauseOperation { Pattern: var pattern, Guard: var guard })
                    Judge(pattern, guard, guarded => DecidesGuardedArm(statement.Cases, section, static section => section.Body, guarded));
            }
        }

        void Judge(IPatternOperation pattern, IOperation? guard, Func<ComparedPair, bool?> decides)
        {
            if (Unnegated(pattern, out var negated) is not IRecursivePatternOperation top || !HasRelational(top, nested: true))
                return;
            // The profiles are those the arm declares (`case { Score: >= 0.9 } h:`), or else the one the switch tests.
            var whole = ScoredProfiles.Of(top, body.Symbols).Count > 0 ? (IOperation)top : value;
            ForEachBar(top, value, whole, body, (bar, score, scoreOperand) =>
            {
                var pair = new ComparedPair(bar, score, body);
                if (pair.Profiles.Count == 0 || guard is not null && PassesCheckOfPair(guard, pair) || decides(pair) is not { } admitsWhenHolds)
                    return;
                Report(context, bar, score, scoreOperand, bar, "Left", admitsWhenHolds != negated, body);
            });
        }
    }

    private static IPatternOperation Unnegated(IPatternOperation pattern, out bool negated)
    {
        negated = false;
        while (pattern is INegatedPatternOperation not)
        {
            negated = !negated;
            pattern = not.Pattern;
        }
        return pattern;
    }

    /// <summary>Each bar inside <paramref name="top"/>, a pattern over <paramref name="tested"/>, with its score and the
    /// operand that reads it; the score's profiles are read from <paramref name="whole"/> (the <c>is</c>, or what the arm
    /// declares or its switch tests), a verdict's or an explanation's from the check or <c>Explain</c> that gave it.</summary>
    private static void ForEachBar(IRecursivePatternOperation top, IOperation tested, IOperation whole, Body body,
        Action<IPatternOperation, ScoreLocals.Score, IOperation> judge)
    {
        Visit(top, LinqShapes.Unwrap(tested) as ITupleOperation);

        void Visit(IRecursivePatternOperation pattern, ITupleOperation? written)
        {
            for (var i = 0; i < pattern.DeconstructionSubpatterns.Length; i++)
            {
                var sub = pattern.DeconstructionSubpatterns[i];
                var element = written is not null && i < written.Elements.Length ? written.Elements[i] : null;
                if (sub is IRecursivePatternOperation inner)
                {
                    Visit(inner, element is null ? null : LinqShapes.Unwrap(element) as ITupleOperation);
                    continue;
                }
                if (!HasRelational(sub))
                    continue;
                if (element is not null)
                {
                    if (body.Scores.TryGet(element, body.Symbols, out var score))
                        judge(sub, score, element);
                }
                else if (PositionalName(pattern, i) is { } name && IsMemberScore(name, sub.InputType, pattern.NarrowedType, body.Symbols, out var isDistance))
                {
                    judge(sub, new ScoreLocals.Score(whole, isDistance, Derived: false), sub);
                }
            }
            foreach (var property in pattern.PropertySubpatterns)
            {
                if (property.Pattern is IRecursivePatternOperation inner)
                {
                    Visit(inner, null);
                    continue;
                }
                if (!HasRelational(property.Pattern) || property.Member is not IMemberReferenceOperation { Instance: { } instance } member)
                    continue;
                // { Score: > 0.9 }: the member read of the pattern's input, judged as `hit.Score` would be.
                if (body.Symbols.IsOrCarriesPersona(instance.Type) && !body.Symbols.IsPersonaType(instance.Type) &&
                    body.Scores.TryGet(member, body.Symbols, out var score))
                    judge(property.Pattern, score with { Expression = whole }, member);
                // Assess(user, twin) is { Similarity: > 0.9 }: judged as `verdict.Similarity > 0.9` is.
                else if (pattern == top && VerdictScore(pattern, property, tested, body) is { } compared)
                    judge(property.Pattern, compared, member);
            }
        }
    }

    /// <summary>The score a verdict's <c>Similarity</c> (or any number of an explanation) tested in the pattern is: that of
    /// the pair the check (or <c>Explain</c>) compared. Null where the same pattern also takes the check's safe answer
    /// (<c>{ IsSafe: true, Similarity: &lt; 0.95 }</c>), which the bar can only narrow, as <c>v.IsSafe &amp;&amp;
    /// v.Similarity &lt; 0.95</c> does.</summary>
    private static ScoreLocals.Score? VerdictScore(IRecursivePatternOperation pattern, IPropertySubpatternOperation property, IOperation tested, Body body)
    {
        if (body.Scores.ComparisonOf(tested, body.Symbols, out var explains) is not { } comparison || !LinqShapes.IsNumeric(property.Member.Type) ||
            !explains && property.Member is not IPropertyReferenceOperation { Property.Name: "Similarity" })
            return null;
        foreach (var other in pattern.PropertySubpatterns)
        {
            if (other != property && BandTests.AdmitsOnlySafe(BandTests.VerdictMemberMatched(other, body.Symbols)))
                return null;
        }
        return new ScoreLocals.Score(comparison, IsDistance: false, Derived: false);
    }

    /// <summary>The name of a positional pattern's element: the tuple element's, or the <c>Deconstruct</c> parameter's.</summary>
    private static string? PositionalName(IRecursivePatternOperation pattern, int index) =>
        pattern.NarrowedType is INamedTypeSymbol { IsTupleType: true } tuple && index < tuple.TupleElements.Length ? tuple.TupleElements[index].Name :
        pattern.DeconstructSymbol is IMethodSymbol deconstruct && index < deconstruct.Parameters.Length ? deconstruct.Parameters[index].Name : null;

    /// <summary>A number a pair or a search hit holds beside its profile under a name that says it is its score
    /// (<c>Similarity</c>, <c>Distance</c>, <c>Score</c>, <c>Relevance</c>), not its bar.</summary>
    private static bool IsMemberScore(string name, ITypeSymbol? type, ITypeSymbol? pair, SubstitutionSymbols symbols, out bool isDistance)
    {
        isDistance = false;
        if (!LinqShapes.IsNumeric(type) || !symbols.IsOrCarriesPersona(pair) || symbols.IsPersonaType(pair) || SimilarityScores.NamesABar(name))
            return false;
        return SimilarityScores.IsScoreName(name, out isDistance) || SimilarityScores.IsPairScoreName(name);
    }
}
