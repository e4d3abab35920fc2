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
                if (operation.Kind is not (OperationKind.VariableDeclarator or OperationKind.SimpleAssignment))
                    continue;
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator:
                        result.Record(declarator.Symbol, value, symbols);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                        result.Record(local.Local, assignment.Value, symbols);
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
        else if (SimilarityScores.IsScore(value, symbols, out var isDistance))
            _scores[local] = new Score(LinqShapes.Unwrap(value), isDistance, Derived: false);
        else if (LinqShapes.Unwrap(value) is ILocalReferenceOperation other && _scores.TryGetValue(other.Local, out var score))
            _scores[local] = score with { Derived = true };
    }

    /// <summary>The operation is a score, directly or through a score local.</summary>
    public bool TryGet(IOperation operation, SubstitutionSymbols symbols, out Score score)
    {
        operation = LinqShapes.Unwrap(operation);
        if (SimilarityScores.IsScore(operation, symbols, out var isDistance))
        {
            score = new Score(operation, isDistance, Derived: false);
            return true;
        }
        if (operation is ILocalReferenceOperation local && _scores.TryGetValue(local.Local, out score))
            return true;
        // var explained = Guard.Explain(a, b); … explained.Overall, explained.Topics
        if (operation is IPropertyReferenceOperation { Instance: { } instance } property && LinqShapes.IsNumeric(property.Type) &&
            LinqShapes.Unwrap(instance) is ILocalReferenceOperation explainedLocal && _explanations.TryGetValue(explainedLocal.Local, out var explain))
        {
            score = new Score(explain, IsDistance: false, Derived: false);
            return true;
        }
        score = default;
        return false;
    }

    public bool IsScoreLocal(ILocalSymbol local) => _scores.ContainsKey(local);

    /// <summary>A score: the expression that computes it, whether lower means closer, and whether it was copied from
    /// another score local (a best-so-far).</summary>
    public readonly record struct Score(IOperation Expression, bool IsDistance, bool Derived);
}
