using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>The sense of a test on a band check's answer: which similarity bands it is true for. Both PERSONA001's
/// branches (which way of an <c>if</c>, <c>?:</c> or <c>switch</c> is the safe one) and its filtering predicates
/// (whether <c>Where(c =&gt; …)</c> lets only safe candidates through) read tests through here.</summary>
/// <remarks>The bands as bits: the pair is safe in Moderate, unsafe in NearMatch (a near-twin) and Distant (too
/// different to help), as the guard's <c>Assess</c> judges them. Self is decided by identity, never the band of another
/// user's profile: it has a bit of its own outside <see cref="AllBands"/>, so a test for Self matches no band a
/// substitute can be in (<c>is SimilarityBand.Self</c> is safe neither way, and a <c>Self</c> arm decides nothing), while
/// <c>is Self or Moderate</c> still admits only the safe one.</remarks>
internal static class BandTests
{
    public const int NearMatch = 1, Moderate = 2, Distant = 4, AllBands = NearMatch | Moderate | Distant, Self = 8;

    /// <summary>The answers whose sense is known — true when the pair is safe: a verdict's <c>IsSafe</c> and the guard's
    /// <c>TrySubstitute(…)</c>. Judged on operations here and on syntax in a filtering predicate
    /// (<c>SubstituteFlowGraph.Gates</c>).</summary>
    public const string SafeVerdict = "IsSafe", SafeCheck = "TrySubstitute";

    /// <summary>The bands for which <paramref name="test"/> is true: a verdict's <c>IsSafe</c> and <c>TrySubstitute(…)</c>
    /// the moderate one; a band compared with <c>==</c>/<c>!=</c> or matched by a pattern (also a <c>switch</c>'s cases
    /// and arms, which the graph lowers to such tests) the bands it names; a property pattern over a verdict
    /// (<c>is { IsSafe: false }</c>, <c>is { Band: SimilarityBand.NearMatch }</c>) likewise. 0 when the sense is not
    /// known.</summary>
    public static int Matched(IOperation test, SubstitutionSymbols symbols) => test switch
    {
        IPropertyReferenceOperation { Property.Name: SafeVerdict, Type.SpecialType: SpecialType.System_Boolean } => Moderate,
        IInvocationOperation { TargetMethod.Name: SafeCheck, Type.SpecialType: SpecialType.System_Boolean } => Moderate,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison => Compared(comparison, symbols),
        IIsPatternOperation pattern when symbols.IsBand(pattern.Value.Type) => Patterned(pattern.Pattern, symbols),
        IIsPatternOperation { Pattern: IRecursivePatternOperation { DeconstructionSubpatterns.IsEmpty: false } tuple } => TupleMatched(tuple, symbols),
        IIsPatternOperation { Pattern: IRecursivePatternOperation verdict } => VerdictMatched(verdict, symbols),
        _ => 0,
    };

    /// <summary>A <c>true</c> or <c>false</c> constant (through conversions and parentheses): what <c>ok == false</c>
    /// compares an answer with.</summary>
    private static bool? BoolConstant(IOperation operation) =>
        LinqShapes.Unwrap(operation).ConstantValue is { HasValue: true, Value: bool answer } ? answer : null;

    /// <summary>The answer a test compares with a <c>bool</c> constant — <c>ok == true</c>, <c>far == false</c>,
    /// <c>false != ok</c>, <c>ok is true</c>, <c>ok is not false</c> — and whether the test holds where that answer is
    /// true (<paramref name="keeps"/>); null for any other test.</summary>
    public static IOperation? AnswerTested(IOperation test, out bool keeps)
    {
        keeps = false;
        switch (test)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                (bool? constant, IOperation answer) = BoolConstant(comparison.RightOperand) is { } right ? (right, comparison.LeftOperand)
                    : (BoolConstant(comparison.LeftOperand), comparison.RightOperand);
                if (constant is not { } value)
                    return null;
                keeps = value == (comparison.OperatorKind == BinaryOperatorKind.Equals);
                return answer;
            case IIsPatternOperation { Pattern: var pattern } matched when ConstantMatched(pattern) is { } holdsForTrue:
                keeps = holdsForTrue;
                return matched.Value;
            default:
                return null;
        }
    }

    /// <summary>Whether a pattern holds for a bool's true answer (<c>is true</c>, <c>is not false</c>) or its false one;
    /// null for any other pattern.</summary>
    public static bool? ConstantMatched(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant => BoolConstant(constant.Value),
        INegatedPatternOperation { Pattern: IConstantPatternOperation constant } => !BoolConstant(constant.Value),
        _ => null,
    };

    /// <summary>Whether the way on which a band test matched these bands is the safe one: it lets the moderate band
    /// through and no near-twin. A way that also admits the distant band (<c>!= SimilarityBand.NearMatch</c>) is still
    /// the safe one — a clearly different profile does far less harm than a near-twin, and the other way is exactly the
    /// near-twins; one that admits only the distant band, or a near-twin with the moderate ones
    /// (<c>!= SimilarityBand.Distant</c>), is not.</summary>
    public static bool AdmitsOnlySafe(int bands) => (bands & NearMatch) == 0 && (bands & Moderate) != 0;

    /// <summary>Which answer of a band test (<see cref="Matched"/>, under any number of <c>!</c>) admits the moderate band
    /// and no near-twin; Neither when a near-twin passes with the moderate band (<c>!= SimilarityBand.Distant</c>), Unknown
    /// when it is no band test.</summary>
    public static Sense SenseOf(IOperation test, SubstitutionSymbols symbols)
    {
        var matched = Matched(Unnegated(test, out var negated), symbols);
        if (matched == 0)
            return Sense.Unknown;
        if (negated)
            matched = AllBands & ~matched;
        if (AdmitsOnlySafe(matched))
            return Sense.SafeWhenTrue;
        return AdmitsOnlySafe(AllBands & ~matched) ? Sense.SafeWhenFalse : Sense.Neither;
    }

    /// <summary>The test under any number of <c>!</c> (and conversions and parentheses), and whether they negate it.</summary>
    public static IOperation Unnegated(IOperation test, out bool negated)
    {
        var value = LinqShapes.Unwrap(test);
        negated = false;
        while (value is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            negated = !negated;
            value = LinqShapes.Unwrap(not.Operand);
        }
        return value;
    }

    /// <summary><c>Classify(user, twin) == SimilarityBand.Moderate</c> is true for the moderate band,
    /// <c>!= SimilarityBand.Distant</c> for the other two; 0 when it compares no band.</summary>
    private static int Compared(IBinaryOperation comparison, SubstitutionSymbols symbols)
    {
        var band = BandOf(comparison.RightOperand, symbols) is var right && right != 0 ? right : BandOf(comparison.LeftOperand, symbols);
        if (band == 0)
            return 0;
        return comparison.OperatorKind == BinaryOperatorKind.Equals ? band : AllBands & ~band;
    }

    /// <summary>The bands a pattern matches (<c>SimilarityBand.Moderate</c>, <c>not NearMatch</c>, <c>NearMatch or
    /// Distant</c>); 0 when the pattern is of another kind.</summary>
    private static int Patterned(IPatternOperation pattern, SubstitutionSymbols symbols) => pattern switch
    {
        IConstantPatternOperation constant => BandOf(constant.Value, symbols),
        INegatedPatternOperation negated when Patterned(negated.Pattern, symbols) is var inner && inner != 0 => AllBands & ~inner,
        IBinaryPatternOperation both when Patterned(both.LeftPattern, symbols) is var left && left != 0 &&
                                          Patterned(both.RightPattern, symbols) is var right && right != 0 =>
            both.OperatorKind == BinaryOperatorKind.Or ? left | right : left & right,
        _ => 0,
    };

    /// <summary>A positional pattern over a tuple that holds one band — <c>(Classify(user, twin), user.Tier) switch {
    /// (SimilarityBand.Moderate, _) =&gt; …, (_, "vip") =&gt; … }</c>: the bands its element's pattern matches (a discard
    /// all of them). Where another element is tested too, the pattern can fail for a band it names, so its failing
    /// way is safe for none: only a match of safe bands alone keeps a known sense, and any other reads as matching
    /// every band (safe neither way). 0 with no band element, or more than one, or a pattern of another kind.</summary>
    private static int TupleMatched(IRecursivePatternOperation tuple, SubstitutionSymbols symbols)
    {
        var bands = 0;
        var alsoTested = false;
        foreach (var element in tuple.DeconstructionSubpatterns)
        {
            if (symbols.IsBand(element.InputType))
            {
                if (bands != 0)
                    return 0;
                bands = element is IDiscardPatternOperation ? AllBands : Patterned(element, symbols);
                if (bands == 0)
                    return 0;
            }
            else
            {
                alsoTested |= element is not IDiscardPatternOperation;
            }
        }
        return alsoTested && bands != 0 && !AdmitsOnlySafe(bands) ? AllBands : bands;
    }

    /// <summary>The bands a property pattern over a verdict matches: <c>{ IsSafe: true }</c> the safe one,
    /// <c>{ IsSafe: false }</c> the others, <c>{ Band: SimilarityBand.NearMatch }</c> that band; 0 for any other pattern,
    /// or one that also tests something else.</summary>
    private static int VerdictMatched(IRecursivePatternOperation pattern, SubstitutionSymbols symbols) =>
        pattern.PropertySubpatterns.Length != 1 || !pattern.DeconstructionSubpatterns.IsEmpty ? 0 : VerdictMemberMatched(pattern.PropertySubpatterns[0], symbols);

    /// <summary>The bands one member test of a verdict's property pattern matches (<c>IsSafe: true</c>, <c>Band:
    /// SimilarityBand.NearMatch</c>); 0 for a test of another member.</summary>
    public static int VerdictMemberMatched(IPropertySubpatternOperation member, SubstitutionSymbols symbols)
    {
        if (member is not { Member: IPropertyReferenceOperation { Property: var property }, Pattern: var value })
            return 0;
        if (property.Name == SafeVerdict && value is IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool safe } })
            return safe ? Moderate : AllBands & ~Moderate;
        return property.Name == "Band" && symbols.IsBand(property.Type) ? Patterned(value, symbols) : 0;
    }

    /// <summary>The band a constant of the runtime's <c>SimilarityBand</c> names, as its bit; 0 for anything else.</summary>
    private static int BandOf(IOperation operation, SubstitutionSymbols symbols)
    {
        operation = LinqShapes.Unwrap(operation);
        if (!symbols.IsBand(operation.Type))
            return 0;
        var name = operation is IFieldReferenceOperation field ? field.Field.Name : null;
        if (name is null && operation.ConstantValue is { HasValue: true, Value: { } value })
        {
            foreach (var member in operation.Type!.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } constant && Equals(constant.ConstantValue, value))
                    name = constant.Name;
            }
        }
        return name switch
        {
            nameof(NearMatch) => NearMatch,
            nameof(Moderate) => Moderate,
            nameof(Distant) => Distant,
            nameof(Self) => Self,
            _ => 0,
        };
    }
}

/// <summary>Which answer of a band test is the safe one (<see cref="BandTests.SenseOf"/>).</summary>
internal enum Sense
{
    Unknown,
    SafeWhenTrue,
    SafeWhenFalse,
    Neither,
}
