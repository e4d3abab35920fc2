using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>The locals of one body that hold a similarity (or distance) score: <c>var s = Guard.Similarity(a, b)</c>,
/// and locals assigned from those (<c>best = s</c>). Each remembers the score expression it came from.</summary>
internal sealed class ScoreLocals
{
    private readonly Dictionary<ILocalSymbol, Score> _scores = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, IOperation> _explanations = new(SymbolEqualityComparer.Default);
    /// <summary>Locals holding a verdict (<c>var v = Guard.Assess(a, b)</c>, <c>TrySubstitute(a, b, out var v)</c>), by
    /// the check that gave it: <c>v.Similarity</c> is the score of the pair the check compared.</summary>
    private readonly Dictionary<ILocalSymbol, IOperation> _verdicts = new(SymbolEqualityComparer.Default);
    /// <summary>Members of the body's projections that hold a score beside a profile, and whether it is a distance: an
    /// anonymous type's property (a query's <c>let sim = Similarity(u, c)</c>, <c>new { c, sim = … }</c>) and a tuple
    /// element by name (<c>(c, sim: Similarity(u, c))</c>) — read back as <c>x.sim</c> where the pairs are used.</summary>
    private readonly Dictionary<ISymbol, bool> _scoredProperties = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<string, bool> _scoredElements = new();
    /// <summary>The entries of the body's dictionaries from each profile to its score (<c>pool.ToDictionary(c =&gt; c, c
    /// =&gt; Similarity(u, c))</c>), by entry type, and whether the score is a distance: <c>kv.Value</c> of such an entry
    /// is the score of <c>kv.Key</c>, as PERSONA002 reads it in <c>MaxBy(kv =&gt; kv.Value)</c>.</summary>
    private Dictionary<ITypeSymbol, bool>? _scoredEntries;

    private ScoreLocals()
    {
    }

    public static ScoreLocals Collect(IOperation root, SubstitutionSymbols symbols)
    {
        var result = new ScoreLocals();
        for (var round = 0; round < 2; round++)
        {
            foreach (var operation in root.Descendants())
            {
                if (operation.Kind is not (OperationKind.VariableDeclarator or OperationKind.SimpleAssignment or OperationKind.DeconstructionAssignment or
                    OperationKind.Loop or OperationKind.Argument or OperationKind.AnonymousObjectCreation or OperationKind.Tuple or
                    OperationKind.DeclarationPattern or OperationKind.Invocation))
                    continue;
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator:
                        result.Record(declarator.Symbol, value, symbols);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                        result.Record(local.Local, assignment.Value, symbols);
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        result.RecordDeconstructed(deconstruction.Target, deconstruction.Value.Type, symbols);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out, Parent: IInvocationOperation check } argument
                        when symbols.IsVerdict(argument.Parameter.Type) && LinqShapes.Written(argument.Value) is ILocalReferenceOperation verdict:
                        result._verdicts[verdict.Local] = check;
                        break;
                    case IAnonymousObjectCreationOperation anonymous when symbols.IsOrCarriesPersona(anonymous.Type):
                        foreach (var initializer in anonymous.Initializers)
                        {
                            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } member &&
                                result.HoldsScore(member.Value, symbols, out var isDistance))
                                result._scoredProperties[property] = isDistance;
                        }
                        break;
                    case ITupleOperation { Type: INamedTypeSymbol { IsTupleType: true } pair } tuple when symbols.IsOrCarriesPersona(pair):
                        for (var i = 0; i < tuple.Elements.Length && i < pair.TupleElements.Length; i++)
                        {
                            // Only a name given or inferred: every pair has an Item2.
                            var name = pair.TupleElements[i].Name;
                            if (!name.StartsWith("Item", System.StringComparison.Ordinal) && result.HoldsScore(tuple.Elements[i], symbols, out var isDistance))
                                result._scoredElements[name] = isDistance;
                        }
                        break;
                    case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared } declaration when LinqShapes.IsNumeric(declared.Type):
                        result.RecordPatterned(declaration, declared, symbols);
                        break;
                    case IInvocationOperation { TargetMethod.Name: "ToDictionary" } toDictionary:
                        result.RecordScoredEntries(toDictionary, symbols);
                        break;
                    case IForEachLoopOperation { LoopControlVariable: { } control } loop:
                        var collection = LinqShapes.Unwrap(loop.Collection).Type;
                        result.RecordDeconstructed(control, collection is null ? null : symbols.ElementType(collection), symbols);
                        break;
                }
            }
        }
        return result;
    }

    private void Record(ILocalSymbol local, IOperation value, SubstitutionSymbols symbols)
    {
        if (_scores.ContainsKey(local))
            return;
        if (LinqShapes.Unwrap(value) is IInvocationOperation explain && SimilarityScores.IsExplain(explain.TargetMethod))
            _explanations[local] = explain;
        else if (LinqShapes.Unwrap(value) is IInvocationOperation check && symbols.IsVerdict(check.Type))
            _verdicts[local] = check;
        else if (SimilarityScores.IsScore(value, symbols, out var isDistance))
            _scores[local] = new Score(LinqShapes.Unwrap(value), isDistance, Derived: false);
        else if (AggregatesScores(value, symbols, out var best))
            _scores[local] = best;
        else if (SimilarityScores.Unscaled(value) is ILocalReferenceOperation other && _scores.TryGetValue(other.Local, out var score))
            _scores[local] = score with { Derived = ReferenceEquals(other, LinqShapes.Unwrap(value)) }; // a rescaled copy is a score of its own: var pct = (int)(s * 100)
        else if (ComplementOfScoreLocal(value) is { } complement)
            _scores[local] = complement; // var distance = 1 - similarity: a score of its own, its order turned round
    }

    /// <summary><c>1 - s</c> of a score local: the distance of a similarity (or the similarity of a distance), as
    /// <see cref="SimilarityScores.IsScore"/> reads <c>1 - Similarity(a, b)</c> computed in place.</summary>
    private Score? ComplementOfScoreLocal(IOperation value) =>
        SimilarityScores.Complemented(value) is { } complemented && LinqShapes.Unwrap(complemented) is ILocalReferenceOperation local &&
        _scores.TryGetValue(local.Local, out var score)
            ? score with { IsDistance = !score.IsDistance, Derived = false }
            : null;

    /// <summary><c>ToDictionary(c =&gt; c, c =&gt; score)</c>: each profile its own key, its value a score of it.</summary>
    private void RecordScoredEntries(IInvocationOperation toDictionary, SubstitutionSymbols symbols)
    {
        if (toDictionary.Type is not INamedTypeSymbol { TypeArguments: [var key, var value] } dictionary || !symbols.IsPersonaType(key) ||
            !LinqShapes.IsNumeric(value) || symbols.ElementType(dictionary) is not { } entry ||
            !OperationBlocks.TryGetLambda(LinqShapes.ArgumentFor(toDictionary, "keySelector"), out var keyOf, out var keyed) ||
            !OperationBlocks.TryGetLambda(LinqShapes.ArgumentFor(toDictionary, "elementSelector"), out var valueOf, out var valued) ||
            LinqShapes.Unwrap(keyed!) is not IParameterReferenceOperation { Parameter: var profile } ||
            keyOf.Symbol.Parameters is not [var keyParameter] || !SymbolEqualityComparer.Default.Equals(profile, keyParameter) ||
            !Collect(valueOf.Body, symbols).TryGet(valued!, symbols, out var score))
            return;
        (_scoredEntries ??= new(SymbolEqualityComparer.Default))[entry] = score.IsDistance;
    }

    private bool HoldsScore(IOperation value, SubstitutionSymbols symbols, out bool isDistance)
    {
        if (SimilarityScores.IsScore(value, symbols, out isDistance))
            return true;
        if (LinqShapes.Unwrap(value) is ILocalReferenceOperation local && _scores.TryGetValue(local.Local, out var score))
        {
            isDistance = score.IsDistance;
            return true;
        }
        return false;
    }

    /// <summary><c>var (author, distance) = hit</c>, <c>foreach (var (author, distance) in hits)</c> over the (profile,
    /// score) pairs a nearest-neighbour search returns: a numeric local named for a score (also <c>score</c> or
    /// <c>relevance</c>), or taken from a tuple element named for one, holds the score of the profile beside it. Its expression is the tuple of locals, so the profile
    /// it scores is that tuple's persona local.</summary>
    private void RecordDeconstructed(IOperation target, ITypeSymbol? valueType, SubstitutionSymbols symbols)
    {
        if (LinqShapes.Written(target) is not ITupleOperation tuple || !symbols.IsOrCarriesPersona(tuple.Type))
            return;
        var named = valueType is INamedTypeSymbol { IsTupleType: true } valueTuple && valueTuple.TupleElements.Length == tuple.Elements.Length
            ? valueTuple.TupleElements
            : default;
        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            if (LinqShapes.Written(tuple.Elements[i]) is not ILocalReferenceOperation local || !LinqShapes.IsNumeric(local.Type) ||
                _scores.ContainsKey(local.Local))
                continue;
            var name = local.Local.Name;
            if (!IsScoreBesideProfile(name, out var isDistance))
            {
                if (named.IsDefault || !IsScoreBesideProfile(named[i].Name, out isDistance))
                    continue;
                name = named[i].Name;
            }
            if (!SimilarityScores.NamesABar(name))
                _scores[local.Local] = new Score(tuple, isDistance, Derived: false);
        }
    }

    /// <summary>A score bound by a pattern: <c>Similarity(user, twin) is var s</c> (also a <c>case var s when …</c>, a
    /// switch arm's <c>var s</c>) holds the score it matched; <c>is (var twin, var s)</c>, <c>is { Similarity: var s }</c>
    /// over a (profile, score) pair or a search hit the score of the profile beside it, as a deconstruction's does — its
    /// expression is the <c>is</c> that reads the pair, so the profile is the one the pattern declares or tests.</summary>
    private void RecordPatterned(IDeclarationPatternOperation declaration, ILocalSymbol local, SubstitutionSymbols symbols)
    {
        if (_scores.ContainsKey(local))
            return;
        switch (declaration.Parent)
        {
            case IIsPatternOperation whole:
                Record(local, whole.Value, symbols);
                return;
            case IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation statement } }:
                Record(local, statement.Value, symbols);
                return;
            case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation expression }:
                Record(local, expression.Value, symbols);
                return;
        }
        IRecursivePatternOperation? pair;
        string? member;
        if (declaration.Parent is IPropertySubpatternOperation { Member: IMemberReferenceOperation read, Parent: IRecursivePatternOperation owner })
        {
            (pair, member) = (owner, read.Member.Name);
        }
        else if (declaration.Parent is IRecursivePatternOperation positional && positional.DeconstructionSubpatterns.IndexOf(declaration) is var i and >= 0)
        {
            pair = positional;
            member = positional.NarrowedType is INamedTypeSymbol { IsTupleType: true } tuple && i < tuple.TupleElements.Length ? tuple.TupleElements[i].Name :
                positional.DeconstructSymbol is IMethodSymbol deconstruct && i < deconstruct.Parameters.Length ? deconstruct.Parameters[i].Name : null;
        }
        else
        {
            return;
        }
        if (!symbols.IsOrCarriesPersona(pair.NarrowedType) || symbols.IsPersonaType(pair.NarrowedType))
            return;
        var name = local.Name;
        if (!IsScoreBesideProfile(name, out var isDistance))
        {
            if (member is null || !IsScoreBesideProfile(member, out isDistance))
                return;
            name = member;
        }
        if (SimilarityScores.NamesABar(name))
            return;
        IOperation reading = pair;
        while (reading.Parent is IPatternOperation or IPropertySubpatternOperation)
            reading = reading.Parent;
        _scores[local] = new Score(reading.Parent is IIsPatternOperation whole2 ? whole2 : pair, isDistance, Derived: false);
    }

    private static bool IsScoreBesideProfile(string name, out bool isDistance) =>
        SimilarityScores.IsScoreName(name, out isDistance) || SimilarityScores.IsPairScoreName(name);

    /// <summary>The operation is a score, directly or through a score local.</summary>
    public bool TryGet(IOperation operation, SubstitutionSymbols symbols, out Score score)
    {
        operation = SimilarityScores.Unscaled(operation);
        // var v = Guard.Assess(a, b); … v.Similarity: the score of a and b (before the name test, which finds no pair).
        if (operation is IPropertyReferenceOperation { Instance: { } verdictRead, Property.Name: "Similarity" } &&
            LinqShapes.Unwrap(verdictRead) is ILocalReferenceOperation verdictLocal && _verdicts.TryGetValue(verdictLocal.Local, out var check))
        {
            score = new Score(check, IsDistance: false, Derived: false);
            return true;
        }
        if (SimilarityScores.IsScore(operation, symbols, out var isDistance))
        {
            score = new Score(operation, isDistance, Derived: false);
            return true;
        }
        if (operation is ILocalReferenceOperation local && _scores.TryGetValue(local.Local, out score))
            return true;
        if (ComplementOfScoreLocal(operation) is { } complement)
        {
            score = complement;
            return true;
        }
        // -s, s * -1 of a score local: its order turned round, as IsScore reads them of a score computed in place.
        if (SimilarityScores.Negated(operation) is { } negated && LinqShapes.Unwrap(negated) is ILocalReferenceOperation turned &&
            _scores.TryGetValue(turned.Local, out var inner))
        {
            score = inner with { IsDistance = !inner.IsDistance };
            return true;
        }
        // x.sim of a projection's pair: the score of the profile beside it (the expression is the read, whose instance
        // is the pair that carries the profile).
        if (operation is IPropertyReferenceOperation { Instance: not null } projected && _scoredProperties.TryGetValue(projected.Property, out isDistance) ||
            operation is IFieldReferenceOperation { Instance: { } pair, Field.ContainingType.IsTupleType: true } element &&
            _scoredElements.TryGetValue(element.Field.Name, out isDistance) && symbols.IsOrCarriesPersona(pair.Type))
        {
            score = new Score(operation, isDistance, Derived: false);
            return true;
        }
        // kv.Value of an entry of a dictionary from each profile to its score: the score of kv.Key.
        if (_scoredEntries is not null && operation is IPropertyReferenceOperation { Property.Name: "Value", Instance: { Type: { } entryType } } &&
            _scoredEntries.TryGetValue(entryType, out isDistance))
        {
            score = new Score(operation, isDistance, Derived: false);
            return true;
        }
        // var explained = Guard.Explain(a, b); … explained.Overall, explained.Topics
        if (operation is IPropertyReferenceOperation { Instance: { } instance } property && LinqShapes.IsNumeric(property.Type) &&
            LinqShapes.Unwrap(instance) is ILocalReferenceOperation explainedLocal && _explanations.TryGetValue(explainedLocal.Local, out var explain))
        {
            score = new Score(explain, IsDistance: false, Derived: false);
            return true;
        }
        return AggregatesScores(operation, symbols, out score);
    }

    /// <summary><c>pool.Max(c =&gt; Similarity(u, c))</c> or <c>pool.Select(c =&gt; Similarity(u, c)).Max()</c>: the best of
    /// several scores, a score itself — copied from them, as a best-so-far is (a comparison with it compares two scores:
    /// PERSONA002's max-then-filter, not a threshold).</summary>
    private static bool AggregatesScores(IOperation value, SubstitutionSymbols symbols, out Score score)
    {
        score = default;
        if (LinqShapes.Unwrap(value) is not IInvocationOperation { TargetMethod.Name: "Max" or "Min" } aggregate)
            return false;
        var selector = OperationBlocks.LambdaArgument(aggregate);
        if (selector is null && LinqShapes.Source(aggregate) is { } source && LinqShapes.Unwrap(source) is IInvocationOperation { TargetMethod.Name: "Select" } select)
            selector = OperationBlocks.LambdaArgument(select);
        if (!OperationBlocks.TryGetLambda(selector, out var lambda, out var returned) || !Collect(lambda.Body, symbols).TryGet(returned!, symbols, out var each))
            return false;
        score = each with { Derived = true };
        return true;
    }

    public bool IsScoreLocal(ILocalSymbol local) => _scores.ContainsKey(local);

    /// <summary>The call a verdict or an explanation comes from — <c>Assess(user, twin)</c> itself, <c>Explain(user,
    /// twin)</c>, or a local that holds what one gave (also <c>TrySubstitute</c>'s <c>out</c> verdict) — and whether it
    /// is an explanation (every number of which is a score; of a verdict only its <c>Similarity</c>). Null for any other
    /// value.</summary>
    public IOperation? ComparisonOf(IOperation value, SubstitutionSymbols symbols, out bool explains)
    {
        value = LinqShapes.Unwrap(value);
        explains = false;
        switch (value)
        {
            case IInvocationOperation call when SimilarityScores.IsExplain(call.TargetMethod):
                explains = true;
                return call;
            case IInvocationOperation call when symbols.IsVerdict(call.Type):
                return call;
            case ILocalReferenceOperation local when _explanations.TryGetValue(local.Local, out var explain):
                explains = true;
                return explain;
            case ILocalReferenceOperation local:
                return VerdictFrom(local.Local);
            default:
                return null;
        }
    }

    /// <summary>The check whose verdict the local holds, if it holds one.</summary>
    public IOperation? VerdictFrom(ILocalSymbol local) => _verdicts.TryGetValue(local, out var check) ? check : null;

    /// <summary>A score: the expression that computes it, whether lower means closer, and whether it was copied from
    /// another score local (a best-so-far).</summary>
    public readonly record struct Score(IOperation Expression, bool IsDistance, bool Derived);
}
