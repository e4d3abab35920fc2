using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>Which profiles a score compares: the persona-typed arguments of the score's computation (the guard's
/// <c>Similarity(target, candidate)</c>, <c>Explain(target, candidate).Overall</c>, a kernel over their features).</summary>
internal static class ScoredProfiles
{
    /// <summary>The locals and parameters holding a persona (or carrying one) that the score is computed from.</summary>
    public static List<ISymbol> Of(IOperation score, SubstitutionSymbols symbols)
    {
        var result = new List<ISymbol>();
        foreach (var operation in score.DescendantsAndSelf())
        {
            var symbol = operation switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (symbol is not null && symbols.IsOrCarriesPersona(operation.Type) && !result.Contains(symbol, SymbolEqualityComparer.Default))
                result.Add(symbol);
        }
        return result;
    }

    /// <summary>The score's argument that is not <paramref name="candidate"/>: the user being compared against.</summary>
    public static IOperation? Target(IOperation score, ISymbol? candidate, SubstitutionSymbols symbols)
    {
        foreach (var operation in score.DescendantsAndSelf())
        {
            if (operation is not IArgumentOperation argument)
                continue;
            var value = LinqShapes.Unwrap(argument.Value);
            if (!symbols.IsOrCarriesPersona(value.Type))
                continue;
            if (candidate is null || !SymbolEqualityComparer.Default.Equals(SymbolOf(value), candidate))
                return value;
        }
        return null;
    }

    public static bool Contains(this List<ISymbol> symbols, ISymbol symbol, IEqualityComparer<ISymbol?> comparer)
    {
        foreach (var item in symbols)
        {
            if (comparer.Equals(item, symbol))
                return true;
        }
        return false;
    }

    /// <summary>The variable an operation reads: a local, a parameter or a field.</summary>
    public static ISymbol? SymbolOf(IOperation operation) => LinqShapes.Unwrap(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };
}
