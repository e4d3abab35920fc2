using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA001's pairs of a substitute and its own check's answer — <c>(n, verdict: Guard.Assess(user, n))</c>,
/// <c>new { n, band = Guard.Classify(user, n) }</c>, and a <c>Select</c> that projects each substitute of a collection
/// into one. Such a pair is followed like any tuple (PERSONA001.md: "tuples and anonymous objects are followed"): the
/// answer decides only where it is read as a gate (<c>Where(p =&gt; p.verdict.IsSafe)</c>, <c>if
/// (pair.Verdict.IsSafe)</c>), and a pair whose answer is never read, read for display, or read the unsafe way
/// (<c>Where(p =&gt; !p.ok)</c>) leaves its profile unchecked (probe 13c, repro 01).</summary>
internal sealed partial class SubstituteFlowGraph
{
    /// <summary>Whether some tuple here carries a substitute beside its answer: only then do the checks look for reads
    /// of an answer element.</summary>
    private bool _pairsAnswers;

    /// <summary>Whether what an enclosing graph hands this one includes pairs with answers.</summary>
    private static bool CarriesAnswers(IEnumerable<List<Taint>>? handed)
    {
        if (handed is null)
            return false;
        foreach (var taints in handed)
        {
            foreach (var taint in taints)
            {
                if (taint.VerdictAt >= 0)
                    return true;
            }
        }
        return false;
    }

    /// <summary>The position, among the elements of a tuple or anonymous object being built, of the answer of a check
    /// given what the element at <paramref name="held"/> is (<paramref name="isSubject"/>); -1 when there is none.</summary>
    private int AnswerBeside(ImmutableArray<IOperation> elements, int held, Func<IOperation, bool> isSubject)
    {
        for (var j = 0; j < elements.Length; j++)
        {
            if (j != held && IsAnswerOn(elements[j], isSubject))
            {
                _pairsAnswers = true;
                return j;
            }
        }
        return -1;
    }

    /// <summary>A check's answer on the subject: a verdict or band the check returns, <c>TrySubstitute</c>'s <c>bool</c>,
    /// or a verdict's <c>IsSafe</c> or <c>Band</c> — not a profile it picks (<c>SafestSubstitute</c>) nor a number read
    /// from the verdict (<c>Confidence</c>, which only travels with a use).</summary>
    private bool IsAnswerOn(IOperation value, Func<IOperation, bool> isSubject)
    {
        value = LinqShapes.Unwrap(value);
        if (value is IPropertyReferenceOperation { Property.Name: BandTests.SafeVerdict or "Band", Instance: { } verdict })
            value = LinqShapes.Unwrap(verdict);
        if (value is not IInvocationOperation check || !_symbols.IsCheckMethod(check.TargetMethod, _options) ||
            check.TargetMethod.ReturnsVoid || SubstituteSources.ProfileOf(check.Type, _symbols, out _) is not null)
            return false;
        foreach (var argument in check.Arguments)
        {
            if (argument.Parameter?.RefKind != RefKind.Out && isSubject(argument.Value))
                return true;
        }
        return false;
    }

    /// <summary>Whether a value is a substitute of <paramref name="origin"/> itself (not a collection or pair of them).</summary>
    private bool IsSubstituteOf(IOperation value, SubstituteOrigin origin)
    {
        foreach (var taint in TaintsOf(value))
        {
            if (taint.Kind == TaintKind.Element && ReferenceEquals(taint.Origin, origin))
                return true;
        }
        return false;
    }

    /// <summary>The anonymous object's member values in declaration order (<see cref="LinqShapes.AnonymousIndex"/>).</summary>
    private static ImmutableArray<IOperation> MemberValues(IAnonymousObjectCreationOperation creation)
    {
        var values = ImmutableArray.CreateBuilder<IOperation>(creation.Initializers.Length);
        foreach (var initializer in creation.Initializers)
            values.Add(initializer is ISimpleAssignmentOperation assignment ? assignment.Value : initializer);
        return values.MoveToImmutable();
    }

    /// <summary><c>neighbours.Select(n =&gt; (n, verdict: Guard.Assess(user, n)))</c> or <c>Select(n =&gt; new { n, band =
    /// … })</c>: a projection whose lambda returns a tuple or anonymous object with the element itself in it. Its value
    /// is a collection of pairs carrying the substitutes at <paramref name="held"/> (and the answer on each at
    /// <paramref name="verdictAt"/>, or -1), followed where it goes — the lambda's return is no use of them.</summary>
    /// <remarks>Asked in every round of the value tracking and again by the uses: worked out once per call.</remarks>
    private bool ProjectsIntoPairs(IInvocationOperation select, out int held, out int verdictAt)
    {
        (held, verdictAt) = (-1, -1);
        if (select.TargetMethod.Name != "Select")
            return false;
        _pairProjections ??= new(OperationIdentity<IInvocationOperation>.Comparer);
        if (!_pairProjections.TryGetValue(select, out var projection))
            _pairProjections[select] = projection = PairProjection(select);
        if (projection is not var (projectedHeld, projectedVerdictAt))
            return false;
        (held, verdictAt) = (projectedHeld, projectedVerdictAt);
        return true;
    }

    private Dictionary<IInvocationOperation, (int Held, int VerdictAt)?>? _pairProjections;

    private (int Held, int VerdictAt)? PairProjection(IInvocationOperation select)
    {
        // from n in neighbours let band = Guard.Classify(user, n) …: the compiler's Select(n => new { n, band = … }).
        if (LetOf(select) is var (let, ranged))
        {
            var answered = _all.Model?.GetOperation(let.Expression, _cancellation) is { } value &&
                           IsAnswerOn(value, v => LinqShapes.Unwrap(v) is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, ranged));
            _pairsAnswers |= answered;
            return (0, answered ? 1 : -1);
        }
        if (ProjectedPair(select) is not ({ } elements, { } element))
            return null;
        for (var i = 0; i < elements.Length; i++)
        {
            if (IsElement(elements[i]))
                return (i, AnswerBeside(elements, i, IsElement));
        }
        return null;

        bool IsElement(IOperation value) =>
            LinqShapes.Unwrap(value) is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, element);
    }

    /// <summary>The elements of the tuple or anonymous object an expression-bodied selector returns, and its element
    /// parameter; nulls for any other selector.</summary>
    private (ImmutableArray<IOperation>? Elements, IParameterSymbol? Element) ProjectedPair(IInvocationOperation select)
    {
        if (LinqShapes.DelegateArgument(select) is not IFlowAnonymousFunctionOperation { Symbol.Parameters: [var element, ..] } lambda ||
            !_symbols.IsPersonaType(element.Type) ||
            lambda.Syntax is not AnonymousFunctionExpressionSyntax { ExpressionBody: { } body } ||
            _all.Model?.GetOperation(body, _cancellation) is not { } returned)
            return (null, null);
        return LinqShapes.Unwrap(returned) switch
        {
            ITupleOperation tuple => (tuple.Elements, element),
            IAnonymousObjectCreationOperation creation => (MemberValues(creation), element),
            _ => (null, null),
        };
    }

    /// <summary>The <c>let</c> clause a query's <c>Select</c> was made for, right after the range variable of a profile
    /// (<c>from n in neighbours let v = …</c>: the object holds <c>n</c> first, the let's value second); null otherwise.</summary>
    private (LetClauseSyntax Let, IParameterSymbol Ranged)? LetOf(IInvocationOperation select)
    {
        if (LinqShapes.DelegateArgument(select) is not IFlowAnonymousFunctionOperation { Symbol.Parameters: [var ranged] } lambda ||
            !_symbols.IsPersonaType(ranged.Type))
            return null;
        var let = lambda.Syntax as LetClauseSyntax ?? lambda.Syntax.Parent as LetClauseSyntax;
        return let is null ? null : (let, ranged);
    }

    /// <summary>Whether a selector's lambda returns pairs that <see cref="ProjectsIntoPairs"/> follows: its graph then
    /// hands its returns on.</summary>
    private bool IsPairProjection(IInvocationOperation call) => ProjectsIntoPairs(call, out _, out _);

    /// <summary>A read of a tuple's or anonymous object's member at <paramref name="position"/>: <c>p.verdict</c>,
    /// <c>pair.Item2</c>, <c>x.band</c>.</summary>
    private static bool ReadsPosition(IOperation operation, int position) => operation switch
    {
        IFieldReferenceOperation field => LinqShapes.TupleIndex(field.Field) == position,
        IPropertyReferenceOperation { Property: { ContainingType.IsAnonymousType: true } property } => LinqShapes.AnonymousIndex(property) == position,
        _ => false,
    };
}
