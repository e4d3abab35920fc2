using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>Recognises similarity (and distance) scores: the guard's <c>Similarity</c>, <c>Explain(…).Overall</c> and
/// its per-feature scores, the runtime kernels, <c>TensorPrimitives.CosineSimilarity</c>, MathNet's
/// <c>Distance</c>/<c>Correlation</c>, and any numeric member whose name says Similarity or Cosine (or Distance).</summary>
internal static class SimilarityScores
{
    /// <summary>A method that computes a score between profiles or their features. Passing a substitute to it is
    /// not a use: the score decides, it does not carry the substitute's data into the result.</summary>
    public static bool IsScoreMethod(IMethodSymbol method, SubstitutionSymbols symbols) =>
        IsScoreMethod(method, symbols, out _) || IsExplain(method);

    public static bool IsScoreMethod(IMethodSymbol method, SubstitutionSymbols symbols, out bool isDistance)
    {
        isDistance = false;
        if (!LinqShapes.IsNumeric(method.ReturnType))
            return false;
        var type = method.ContainingType?.OriginalDefinition;
        if (type is not null)
        {
            if (SymbolEqualityComparer.Default.Equals(type, symbols.SimilarityKernels) ||
                SymbolEqualityComparer.Default.Equals(type, symbols.MathNetCorrelation))
                return true;
            if (SymbolEqualityComparer.Default.Equals(type, symbols.MathNetDistance))
            {
                isDistance = true;
                return true;
            }
        }
        return IsScoreName(method.Name, out isDistance);
    }

    /// <summary><c>Explain(a, b)</c> on a guard: returns per-feature scores.</summary>
    public static bool IsExplain(IMethodSymbol method) =>
        method.Name == "Explain" && WellKnownTypeNames.IsGuardName(method.ContainingType);

    public static bool IsScoreName(string name, out bool isDistance)
    {
        isDistance = name.IndexOf("Distance", StringComparison.OrdinalIgnoreCase) >= 0;
        return isDistance || name.IndexOf("Similarity", StringComparison.OrdinalIgnoreCase) >= 0 ||
               name.IndexOf("Cosine", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    private static readonly string[] PairScoreWords = { "Score", "Relevance" };

    /// <summary>The <c>Score</c> (or <c>Relevance</c>) of a hit that pairs a profile with it — <c>(Reader Profile,
    /// double Score)</c>, a <c>ScoredCandidate</c> record, what a vector store's search returns: the similarity the
    /// search ranked by. Not a score of the profile itself (a persona's own <c>CreditScore</c>).</summary>
    public static bool IsPairScore(string name, IOperation? instance, SubstitutionSymbols symbols) =>
        instance is not null && CamelWords.AnyWordIgnoringCase(name, PairScoreWords) && LinqShapes.Unwrap(instance).Type is { } pair &&
        !symbols.IsPersonaType(pair) && symbols.IsOrCarriesPersona(pair);

    /// <summary>The name of a value that sits beside a profile in a hit (<c>var (profile, score) = hit</c>) and says it is
    /// the hit's score.</summary>
    public static bool IsPairScoreName(string name) => CamelWords.AnyWordIgnoringCase(name, PairScoreWords);

    private static readonly string[] BarWords =
        { "Threshold", "Cutoff", "Min", "Minimum", "Max", "Maximum", "Limit", "Floor", "Ceiling", "Bar", "Required" };

    /// <summary>A stored value whose name says it is the bar a score is held to — <c>_options.MinSimilarity</c>,
    /// <c>SimilarityThreshold</c>, <c>MAX_DISTANCE</c>, <c>cosineCutoff</c> — is not a score: comparing a score with
    /// it is a threshold, not two scores compared.</summary>
    public static bool NamesABar(string name) => CamelWords.AnyWordIgnoringCase(name, BarWords);

    /// <summary>The value under a rescaling that keeps its order — <c>similarity * 100</c>, <c>similarity / 2</c>,
    /// <c>Math.Round(similarity, 2)</c>, <c>Math.Clamp(similarity, 0, 1)</c>, <c>(int)(similarity * 100)</c> — is still the score, to be compared or ordered
    /// by: what is left once those are taken off (and conversions and parentheses).</summary>
    public static IOperation Unscaled(IOperation operation)
    {
        while (true)
        {
            operation = LinqShapes.Unwrap(operation);
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product when IsPositiveConstant(product.RightOperand):
                    operation = product.LeftOperand;
                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product when IsPositiveConstant(product.LeftOperand):
                    operation = product.RightOperand;
                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } quotient when IsPositiveConstant(quotient.RightOperand):
                    operation = quotient.LeftOperand;
                    continue;
                // Math.Clamp(similarity, 0.0, 1.0) keeps the order too (it never puts a lower score above a higher one).
                case IInvocationOperation { TargetMethod: { Name: "Round" or "Floor" or "Ceiling" or "Truncate" or "Clamp" } method, Arguments.Length: > 0 } rounded
                    when method.ContainingType is { Name: "Math" or "MathF", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }:
                    operation = rounded.Arguments[0].Value;
                    continue;
                default:
                    return operation;
            }
        }
    }

    private static bool IsPositiveConstant(IOperation operation) => SignOfConstant(operation) > 0;

    private static bool IsConstant(IOperation operation) => LinqShapes.Unwrap(operation).ConstantValue.HasValue;

    /// <summary>The sign of a numeric constant; 0 for zero or anything that is not a constant number.</summary>
    private static int SignOfConstant(IOperation operation) => LinqShapes.Unwrap(operation).ConstantValue switch
    {
        { HasValue: true, Value: int value } => System.Math.Sign(value),
        { HasValue: true, Value: long value } => System.Math.Sign(value),
        { HasValue: true, Value: double value } => double.IsNaN(value) ? 0 : System.Math.Sign(value),
        { HasValue: true, Value: float value } => float.IsNaN(value) ? 0 : System.Math.Sign(value),
        { HasValue: true, Value: decimal value } => System.Math.Sign(value),
        _ => 0,
    };

    /// <summary>What a value turns round: the operand of <c>-x</c>, of <c>x * -1</c> (<see cref="NegativelyScaled"/>); null
    /// for anything else.</summary>
    /// <summary>The <c>x</c> of <c>1 - x</c> (a literal minus it; the int literal arrives wrapped in its conversion to
    /// double); null for anything else.</summary>
    public static IOperation? Complemented(IOperation operation) =>
        LinqShapes.Unwrap(operation) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } complement &&
        LinqShapes.Unwrap(complement.LeftOperand) is ILiteralOperation
            ? complement.RightOperand
            : null;

    public static IOperation? Negated(IOperation operation) => LinqShapes.Unwrap(operation) switch
    {
        IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } negated => negated.Operand,
        IBinaryOperation product => NegativelyScaled(product),
        _ => null,
    };

    /// <summary>The other operand of a product with a negative constant (<c>similarity * -1</c>, <c>-100 * similarity</c>)
    /// or of a quotient by one: the order of that operand, turned round.</summary>
    private static IOperation? NegativelyScaled(IBinaryOperation operation) => operation.OperatorKind switch
    {
        BinaryOperatorKind.Multiply when SignOfConstant(operation.RightOperand) < 0 => operation.LeftOperand,
        BinaryOperatorKind.Multiply when SignOfConstant(operation.LeftOperand) < 0 => operation.RightOperand,
        BinaryOperatorKind.Divide when SignOfConstant(operation.RightOperand) < 0 => operation.LeftOperand,
        _ => null,
    };

    /// <summary>The operation computes a score directly (not through a local).</summary>
    public static bool IsScore(IOperation operation, SubstitutionSymbols symbols, out bool isDistance)
    {
        isDistance = false;
        operation = Unscaled(operation);
        switch (operation)
        {
            case IInvocationOperation invocation:
                return IsScoreMethod(invocation.TargetMethod, symbols, out isDistance);
            case IPropertyReferenceOperation property when LinqShapes.IsNumeric(property.Type):
                if (property.Instance is { } instance && LinqShapes.Unwrap(instance) is IInvocationOperation explain && IsExplain(explain.TargetMethod))
                    return true; // Explain(a, b).Overall or a feature's score
                return (IsScoreName(property.Property.Name, out isDistance) || IsPairScore(property.Property.Name, property.Instance, symbols)) &&
                       !NamesABar(property.Property.Name);
            case IFieldReferenceOperation field when LinqShapes.IsNumeric(field.Type):
                return (IsScoreName(field.Field.Name, out isDistance) || IsPairScore(field.Field.Name, field.Instance, symbols)) && !NamesABar(field.Field.Name);
            case ICoalesceOperation coalesce:
                // hit.Score ?? 0: a nullable score with a default is the score.
                return IsScore(coalesce.Value, symbols, out isDistance);
            case IConditionalAccessOperation access:
                // hit?.Similarity, pair?.Similarity: the score when there is a hit (lifted to double?); the operation read
                // keeps the hit (or pair) it is read from, whose profile the score is.
                return IsScore(access.WhenNotNull, symbols, out isDistance);
            case IConditionalOperation { WhenFalse: { } whenFalse } choice when IsConstant(whenFalse) != IsConstant(choice.WhenTrue):
                // twin is null ? 0 : Similarity(me, twin): the score on the way that computes one, a constant on the other.
                return IsScore(IsConstant(whenFalse) ? choice.WhenTrue : whenFalse, symbols, out isDistance);
            case IUnaryOperation or IBinaryOperation when Negated(operation) is { } turned:
                // OrderBy(c => -Similarity(...)), or Similarity(...) * -1, sorts by descending similarity.
                var inner = IsScore(turned, symbols, out var innerDistance);
                isDistance = !innerDistance;
                return inner;
            case IBinaryOperation when Complemented(operation) is { } complemented:
                // 1 - similarity is a distance, 1 - distance a similarity.
                var score = IsScore(complemented, symbols, out var rightDistance);
                isDistance = !rightDistance;
                return score;
            default:
                return false;
        }
    }
}
