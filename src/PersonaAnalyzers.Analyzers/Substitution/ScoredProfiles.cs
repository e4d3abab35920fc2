using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>Which profiles a score compares: the persona-typed arguments of the score's computation (the guard's
/// <c>Similarity(target, candidate)</c>, <c>Explain(target, candidate).Overall</c>, a kernel over their features).</summary>
internal static class ScoredProfiles
{
    /// <summary>The locals and parameters holding a persona (or carrying one) that the score is computed from. Given the
    /// body's <paramref name="root"/>, when fewer than two are named in the score, a feature first copied into a local
    /// counts as its profile: <c>ReadOnlySpan&lt;float&gt; mine = user.Embedding, theirs = twin.Embedding;</c> makes
    /// <c>CosineSimilarity(mine, theirs)</c> compare <c>user</c> and <c>twin</c> (<see cref="FeatureOwner"/>).</summary>
    public static List<ISymbol> Of(IOperation score, SubstitutionSymbols symbols, IOperation? root = null)
    {
        var result = Of(score, symbols, root, follow: false);
        // Most scores name both profiles: the locals are followed (a look through the body each) only when they do not.
        return result.Count < 2 && root is not null ? Of(score, symbols, root, follow: true) : result;
    }

    private static List<ISymbol> Of(IOperation score, SubstitutionSymbols symbols, IOperation? root, bool follow)
    {
        var result = new List<ISymbol>();
        foreach (var operation in score.DescendantsAndSelf())
        {
            var symbol = operation switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                // Only as the collection of an element (below).
                IFieldReferenceOperation field => field.Field,
                // A score read in a pattern (`is ({ } twin, > 0.9)`, `is { Score: > 0.9, Profile: var p }`): the profile the
                // pattern declares beside it.
                IDeclarationPatternOperation { DeclaredSymbol: { } declared } => declared,
                IRecursivePatternOperation { DeclaredSymbol: { } declared } => declared,
                _ => null,
            };
            if (symbol is null)
                continue;
            if (operation is IDeclarationPatternOperation or IRecursivePatternOperation)
            {
                if (symbol is ILocalSymbol { Type: var declaredType } && symbols.IsOrCarriesPersona(declaredType) && !result.Contains(symbol, SymbolEqualityComparer.Default))
                    result.Add(symbol);
                continue;
            }
            // Similarity(user, pool[i]): the element stands for its collection, read again by the same index
            // (RawThresholdAnalyzer's uses of an element candidate).
            if (!symbols.IsOrCarriesPersona(operation.Type) && symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol &&
                LinqShapes.Parent(operation, out var collection) is { } access && TryElement(access, out var indexed, out _) &&
                ReferenceEquals(LinqShapes.ElementCollection(access), collection) && symbols.IsOrCarriesPersona(access.Type))
            {
                if (!result.Contains(indexed!, SymbolEqualityComparer.Default))
                    result.Add(indexed!);
                continue;
            }
            if (symbol is IFieldSymbol)
                continue;
            if (!symbols.IsOrCarriesPersona(operation.Type))
            {
                // Only a local handed to the score's computation as an argument.
                if (!follow || symbol is not ILocalSymbol feature || LinqShapes.Parent(operation, out _) is not IArgumentOperation ||
                    FeatureOwner(feature, root!, symbols) is not { } owner)
                    continue;
                symbol = owner;
            }
            if (!result.Contains(symbol, SymbolEqualityComparer.Default))
                result.Add(symbol);
        }
        return result;
    }

    /// <summary>The profile whose feature the local holds: initialised once in the body from a member of a local or
    /// parameter holding a persona (<c>float[] theirs = twin.Embedding;</c>, also <c>twin.Embedding.AsSpan()</c> or
    /// <c>hit.Record.Embedding</c>), and written nowhere else. Null for any other local.</summary>
    private static ISymbol? FeatureOwner(ILocalSymbol local, IOperation root, SubstitutionSymbols symbols)
    {
        IOperation? initial = null;
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.Initializer?.Value is not { } value)
                        return null;
                    initial = value;
                    break;
                case ILocalReferenceOperation { IsDeclaration: false } reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) &&
                                                                                   IsWritten(reference):
                    return null;
            }
        }
        return initial is null ? null : OwnerOfFeature(initial, symbols);
    }

    /// <summary>The reference is the target of an assignment, an <c>out</c>/<c>ref</c> argument or a deconstruction
    /// (through a declaration expression: <c>out var x</c>, <c>var (a, b) = …</c>).</summary>
    public static bool IsWritten(IOperation reference)
    {
        var parent = LinqShapes.Parent(reference, out var child);
        if (parent is IDeclarationExpressionOperation)
            parent = LinqShapes.Parent(parent, out child);
        return parent switch
        {
            IAssignmentOperation assignment => assignment.Target == child,
            IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } => true,
            ITupleOperation => true, // (mine, theirs) = …
            _ => false,
        };
    }

    private static ISymbol? OwnerOfFeature(IOperation value, SubstitutionSymbols symbols)
    {
        value = LinqShapes.Unwrap(value);
        while (value is IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory" or "AsReadOnlySpan" or "ToArray" } copy && LinqShapes.Source(copy) is { } source)
            value = LinqShapes.Unwrap(source);
        if (value is not IMemberReferenceOperation { Instance: not null })
            return null;
        while (value is IMemberReferenceOperation { Instance: { } instance })
            value = LinqShapes.Unwrap(instance);
        return symbols.IsOrCarriesPersona(value.Type) ? value switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        } : null;
    }

    /// <summary><c>pool[i]</c>, <c>pool[0]</c>, <c>byId[id]</c>: an element of a list, an array or a dictionary held by a
    /// local, a parameter or a field of this object (<c>_pool[i]</c>, <c>this._pool[i]</c>) or of its type, read by an
    /// index that is a local, a parameter or a constant — read again by the same index, the same element (as long as
    /// neither changes).</summary>
    public static bool TryElement(IOperation operation, out ISymbol? collection, out IOperation index)
    {
        (collection, index) = LinqShapes.Unwrap(operation) switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance, Arguments: [var argument] } => (Holder(instance), argument.Value),
            IArrayElementReferenceOperation { ArrayReference: var array, Indices: [var position] } => (Holder(array), position),
            _ => (null, null!),
        };
        return collection is not null && (SymbolOf(index) is ILocalSymbol or IParameterSymbol || index.ConstantValue.HasValue);
    }

    /// <summary>The variable a collection is read from: a local, a parameter, or a field read of this object or a static
    /// one — another object's field (<c>other._pool</c>) may hold another collection at each read.</summary>
    private static ISymbol? Holder(IOperation collection) => LinqShapes.Unwrap(collection) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } field => field.Field,
        _ => null,
    };

    /// <summary>The operation the element access reads its collection from.</summary>
    /// <summary>Two indexes of <see cref="TryElement"/> that name the same variable, or the same constant.</summary>
    public static bool SameIndex(IOperation first, IOperation second) =>
        SymbolOf(first) is { } variable
            ? SymbolEqualityComparer.Default.Equals(variable, SymbolOf(second))
            : first.ConstantValue.HasValue && second.ConstantValue.HasValue && Equals(first.ConstantValue.Value, second.ConstantValue.Value);

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
