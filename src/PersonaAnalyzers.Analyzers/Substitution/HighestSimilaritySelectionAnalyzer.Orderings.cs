using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA002's orderings: the first element of an ordering by similarity — taken from the chain, through a
/// local that holds it, or after sorting a list in place — and its index-based cousin, the element at the index of the
/// best score (<c>pool[Array.IndexOf(scores, scores.Max())]</c>); with them, how a collection is followed back to the
/// call that made it.</summary>
public sealed partial class HighestSimilaritySelectionAnalyzer
{
    private sealed partial class Search
    {
        private void CheckOrderedTake(IInvocationOperation invocation)
        {
            var name = invocation.TargetMethod.Name;
            if (name is "Take" or "TakeLast" && !TakesOne(invocation, 1) || name is "ElementAt" or "ElementAtOrDefault" && !TakesOne(invocation, 0))
                return;
            if (LinqShapes.Source(invocation) is { } source)
                CheckOrdered(invocation, source, $".{name}(…)", fromEnd: name.StartsWith("Last", System.StringComparison.Ordinal) || name == "TakeLast");
        }

        /// <summary>The first element taken (<paramref name="taken"/>) of an ordering by similarity: directly, through
        /// <c>ThenBy</c>/<c>Take</c>/<c>ToList</c>/<c>ToArray</c>, or through a local that holds the ordering
        /// (<c>var ranked = pool.OrderByDescending(…).Take(5).ToList(); … ranked[0]</c>); or, <paramref name="fromEnd"/>,
        /// the last element of the opposite ordering (<c>OrderBy(c =&gt; Similarity(user, c)).Last()</c>), followed back
        /// through the calls that keep all the elements (a <c>Take</c> or <c>ThenBy</c> changes which one is last).</summary>
        private void CheckOrdered(IOperation taken, IOperation? source, string take, bool fromEnd = false)
        {
            if (!fromEnd && source is not null && ScoredProfiles.SymbolOf(source) is { } variable && CheckSortedInPlace(taken, source, variable, take))
                return;
            source = MadeFrom(source, ordering: !fromEnd, out var filtered);
            if (!fromEnd && source is not null && LinqShapes.Unwrap(source) is IInvocationOperation search && _symbols.IsVectorSearch(search.TargetMethod))
            {
                // The store ranks its hits by similarity: the first is the nearest record. A search for one hit is
                // reported on the search itself (CheckVectorSearchTop).
                if (!AsksForOne(search) && IsProfileSearch(search))
                    Report(taken, "VectorSearchFirst", $"{search.TargetMethod.Name}(…){take}", target: null, candidates: null);
                return;
            }
            if (source is null || LinqShapes.Unwrap(source) is not IInvocationOperation order ||
                order.TargetMethod.Name is not ("OrderBy" or "OrderByDescending"))
                return;
            var population = LinqShapes.Source(order);
            if (!SelectionKey(order, population, out var score, out var candidate))
                return;
            // The end taken from: the most similar is first of a descending ordering and last of an ascending one.
            var mostSimilarFirst = (order.TargetMethod.Name == "OrderByDescending") != fromEnd;
            if (mostSimilarFirst == score.IsDistance)
                return; // the least similar, or the farthest: not a nearest-neighbour pick
            if (population is null || !CarriesPersona(population))
                return;
            // Filtered after the ordering (OrderByDescending(…).Where(f).First()): reported, with no rewrite (its own kind).
            Report(taken, filtered ? "OrderByFilteredFirst" : "OrderByFirst", $"{order.TargetMethod.Name}(…){take}",
                ScoredProfiles.Target(score.Expression, candidate, _symbols), population);
        }

        /// <summary>A vector store's search over profiles (Microsoft.Extensions.VectorData) ranks its hits by similarity:
        /// asking it for one hit (<c>SearchAsync(embedding, top: 1)</c>) selects the nearest record, as
        /// <c>OrderByDescending(…).First()</c> does.</summary>
        private void CheckVectorSearchTop(IInvocationOperation search)
        {
            if (_symbols.IsVectorSearch(search.TargetMethod) && AsksForOne(search) && IsProfileSearch(search))
                Report(search, "VectorSearchTop", $"{search.TargetMethod.Name}(…, top: 1)", target: null, candidates: null);
        }

        /// <summary>The search's hits hold profiles (<c>VectorSearchResult&lt;Reader&gt;</c>), not other records.</summary>
        private bool IsProfileSearch(IInvocationOperation search) => _symbols.StreamedPersona(search.Type) is not null;

        private static bool AsksForOne(IInvocationOperation search)
        {
            foreach (var argument in search.Arguments)
            {
                if (argument.Parameter?.Name == "top")
                    return OperationBlocks.IsConstant(argument.Value, 1);
            }
            return false;
        }

        /// <summary><c>pool.Sort((a, b) =&gt; Similarity(user, b).CompareTo(Similarity(user, a)))</c> somewhere in the
        /// body, then <c>pool[0]</c>: the most similar first, sorted in place (for a distance, ascending).</summary>
        private bool CheckSortedInPlace(IOperation taken, IOperation pool, ISymbol sorted, string take)
        {
            if (!CarriesPersona(pool))
                return false;
            foreach (var operation in _root.Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod: { Name: "Sort", IsStatic: true, ContainingType.SpecialType: SpecialType.System_Array }, Arguments.Length: >= 2 } byKeys &&
                    SymbolEqualityComparer.Default.Equals(ScoredProfiles.SymbolOf(byKeys.Arguments[1].Value), sorted) &&
                    ScoredProfiles.SymbolOf(byKeys.Arguments[0].Value) is ILocalSymbol keys && KeyScore(keys, sorted) is { IsDistance: true } key)
                {
                    // Array.Sort(keys, pool) sorts ascending by the keys: with a similarity turned round, the most similar first.
                    Report(taken, "SortFirst", $"Array.Sort(keys, …) then {take.TrimStart('.')}", ScoredProfiles.Target(key.Expression, null, _symbols), pool);
                    return true;
                }
                if (operation is not IInvocationOperation { TargetMethod.Name: "Sort" } sort || SortedInPlace(sort) is not { } list ||
                    !SymbolEqualityComparer.Default.Equals(ScoredProfiles.SymbolOf(list), sorted) ||
                    !OperationBlocks.TryGetLambda(Comparison(sort), out var comparison, out var returned) ||
                    comparison.Symbol.Parameters.Length != 2 ||
                    LinqShapes.Unwrap(returned!) is not IInvocationOperation { TargetMethod.Name: "CompareTo", Instance: { } left, Arguments.Length: 1 } compare)
                    continue;
                var (first, second) = (comparison.Symbol.Parameters[0], comparison.Symbol.Parameters[1]);
                var right = compare.Arguments[0].Value;
                var scores = ScoreLocals.Collect(comparison.Body, _symbols);
                IOperation? target;
                bool descending, isDistance;
                if (scores.TryGet(left, _symbols, out var leftScore) && scores.TryGet(right, _symbols, out var rightScore))
                {
                    if (leftScore.IsDistance != rightScore.IsDistance)
                        continue;
                    // Descending when the second element's score is compared with the first's: b.CompareTo(a).
                    descending = OperationBlocks.Mentions(leftScore.Expression, second) && OperationBlocks.Mentions(rightScore.Expression, first);
                    var ascending = OperationBlocks.Mentions(leftScore.Expression, first) && OperationBlocks.Mentions(rightScore.Expression, second);
                    if (descending == ascending)
                        continue; // not one score per element
                    (target, isDistance) = (ScoredProfiles.Target(leftScore.Expression, descending ? second : first, _symbols), leftScore.IsDistance);
                }
                else if (SortedByProjection(list, left, right, first, second, out descending, out var projected, out var projection))
                    (target, isDistance) = (ScoredProfiles.Target(projected.Expression, Parameter(projection), _symbols), projected.IsDistance);
                else
                    continue;
                if (descending == isDistance)
                    continue; // least similar first, or farthest first
                Report(taken, "SortFirst", $"Sort(…) then {take.TrimStart('.')}", target, pool);
                return true;
            }
            return false;
        }

        /// <summary>The collection a <c>Sort</c> call orders in place: the list of <c>pool.Sort(…)</c> (a span's too), or the
        /// array of <c>Array.Sort(pool, …)</c>.</summary>
        private static IOperation? SortedInPlace(IInvocationOperation sort) =>
            sort.TargetMethod is { IsStatic: true, IsExtensionMethod: false, ContainingType.SpecialType: SpecialType.System_Array }
                ? sort.Arguments.Length == 2 ? sort.Arguments[0].Value : null
                : LinqShapes.Source(sort);

        /// <summary>The comparison a <c>Sort</c> call orders by: its lambda argument, or the lambda of a comparer object made
        /// from one on the spot (<c>pool.Sort(Comparer&lt;Reader&gt;.Create((a, b) =&gt; …))</c>), which orders the same way.</summary>
        private static IOperation? Comparison(IInvocationOperation sort)
        {
            if (OperationBlocks.LambdaArgument(sort) is { } lambda)
                return lambda;
            foreach (var argument in sort.Arguments)
            {
                if (LinqShapes.Unwrap(argument.Value) is IInvocationOperation { TargetMethod: { Name: "Create", IsStatic: true, ContainingType: { Name: "Comparer", Arity: 1 } comparer } } create &&
                    comparer.ContainingNamespace.ToDisplayString() == "System.Collections.Generic")
                    return OperationBlocks.LambdaArgument(create);
            }
            return null;
        }

        /// <summary>The score the keys array of <c>Array.Sort(keys, pool)</c> holds for <paramref name="items"/>' elements:
        /// made by a projection of them (<c>var keys = pool.Select(c =&gt; -Similarity(user, c)).ToArray();</c>) or filled
        /// element by element (<c>keys[i] = -Similarity(user, pool[i]);</c>); null when it holds anything else.</summary>
        private ScoreLocals.Score? KeyScore(ILocalSymbol keys, ISymbol items)
        {
            foreach (var operation in _root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer.Value: { } made } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, keys):
                        if (MadeFrom(made, ordering: false) is { } projected && LinqShapes.Unwrap(projected) is IInvocationOperation { TargetMethod.Name: "Select" } select &&
                            LinqShapes.Source(select) is { } source && SymbolEqualityComparer.Default.Equals(ScoredProfiles.SymbolOf(source), items) &&
                            OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(select), out var projection, out var returned) &&
                            LambdaScore(projection, returned!, out var projectedScore))
                            return projectedScore;
                        break;
                    case ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { ArrayReference: var array } } filled
                        when SymbolEqualityComparer.Default.Equals(ScoredProfiles.SymbolOf(array), keys) &&
                             Scores.TryGet(filled.Value, _symbols, out var score) && OperationBlocks.Mentions(score.Expression, items):
                        return score;
                }
            }
            return null;
        }

        /// <summary>A list of scored pairs sorted by their score: <c>var scored = pool.Select(c =&gt; (Profile: c, Score:
        /// Similarity(u, c))).ToList(); scored.Sort((a, b) =&gt; b.Score.CompareTo(a.Score));</c> (or an anonymous type).
        /// Both sides read the same element of the projection, one from each element compared.</summary>
        private bool SortedByProjection(IOperation list, IOperation left, IOperation right, IParameterSymbol first, IParameterSymbol second,
            out bool descending, out ScoreLocals.Score score, out IAnonymousFunctionOperation projection)
        {
            descending = false;
            score = default;
            projection = null!;
            if (MadeFrom(list, ordering: false) is not { } made || LinqShapes.Unwrap(made) is not IInvocationOperation { TargetMethod.Name: "Select" } projecting ||
                !OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(projecting), out projection, out var projected) || projected is null)
                return false;
            var each = LinqShapes.Unwrap(projected);
            var (leftRead, rightRead) = (LinqShapes.Unwrap(left), LinqShapes.Unwrap(right));
            // b.Score.CompareTo(a.Score) is descending, a.Score.CompareTo(b.Score) ascending.
            var element = ProjectedElement(leftRead, second, each);
            if (element is not null && ProjectedElement(rightRead, first, each) == element)
                descending = true;
            else if ((element = ProjectedElement(leftRead, first, each)) is null || ProjectedElement(rightRead, second, each) != element)
                return false;
            return LambdaScore(projection, element, out score);
        }

        /// <summary>The call a collection is made by, followed back through the calls that keep its elements and their
        /// order (<c>ToList</c>, <c>ToArray</c>, <c>AsEnumerable</c>, an awaited <c>ToListAsync</c>; for an <paramref name="ordering"/> also
        /// <c>ThenBy</c>, <c>Take</c> and an identity <c>Select</c>, whose first element is still the ordering's, and
        /// <c>Where</c>, whose first is the most similar that passes) and through a local that holds
        /// it: the <c>OrderByDescending</c> behind <c>ranked[0]</c>, the <c>Select</c> behind <c>scored.MaxBy(…)</c>.</summary>
        private IOperation? MadeFrom(IOperation? source, bool ordering) => MadeFrom(source, ordering, out _);

        /// <param name="filtered">An ordering was followed back through a <c>Where</c>: its first is the most similar of
        /// those that pass, which the guard's pick over the ordering's population would not honour.</param>
        private IOperation? MadeFrom(IOperation? source, bool ordering, out bool filtered)
        {
            filtered = false;
            var followed = 0;
            while (source is not null && followed++ < 8)
            {
                var value = LinqShapes.Unwrap(source);
                // Take(1) is a pick of its own (reported there), not a step towards one.
                if (value is IInvocationOperation { TargetMethod.Name: var name } inner &&
                    (name is "ToList" or "ToArray" or "AsEnumerable" ||
                     // Where keeps the order: its first is the most similar that passes, as First(filter)'s is.
                     ordering && (name is "ThenBy" or "ThenByDescending" or "Where" || name == "Take" && !TakesOne(inner, 1) ||
                                  name == "Select" && (LinqShapes.SelectsElementProfile(inner, _symbols) || LinqShapes.IsIdentitySelect(inner)))))
                {
                    filtered |= name == "Where";
                    source = LinqShapes.Source(inner);
                }
                // await query.OrderByDescending(…).Take(5).ToListAsync(): EF Core's (or an async stream's) ToList.
                else if (value is IAwaitOperation awaited && LinqShapes.TaskOf(awaited.Operation) is IInvocationOperation { TargetMethod.Name: var awaitedName } listed &&
                         LinqShapes.IsAwaitedPassThrough(awaitedName))
                    source = LinqShapes.Source(listed);
                else if (value is ILocalReferenceOperation local)
                    source = SingleValueOf(local.Local);
                else
                    break;
            }
            return source;
        }

        /// <summary><c>pool[Array.IndexOf(scores, scores.Max())]</c> (or <c>scores.IndexOf(scores.Max())</c> on a list,
        /// the index or the maximum in a local), where <c>scores</c> are the same pool's similarities
        /// (<c>pool.Select(c =&gt; Similarity(u, c)).ToArray()</c>): the most similar picked by its index. For a
        /// distance, the minimum.</summary>
        private void CheckIndexOfBest(IOperation taken, IOperation pool, IOperation index)
        {
            // The usual index is a loop counter, declared with a number: ruled out before the body is searched for
            // what the local holds.
            if (LinqShapes.Unwrap(index) is ILocalReferenceOperation local && !IsInitializedByCall(local.Local))
                return;
            if (ValueOf(index) is not IInvocationOperation { TargetMethod.Name: "IndexOf" } indexOf)
                return;
            var scores = indexOf.Instance ?? LinqShapes.ArgumentFor(indexOf, "array")?.Value;
            var best = LinqShapes.ArgumentFor(indexOf, indexOf.Instance is null ? "value" : "item")?.Value;
            if (scores is null || best is null || ValueOf(best) is not IInvocationOperation { TargetMethod.Name: "Max" or "Min", Arguments.Length: 1 } extreme ||
                ScoredProfiles.SymbolOf(LinqShapes.Source(extreme) ?? extreme) is not { } scoresVariable ||
                !SymbolEqualityComparer.Default.Equals(scoresVariable, ScoredProfiles.SymbolOf(scores)))
                return;
            if (!IsBestScore(extreme, MadeFrom(scores, ordering: false), out var projection, out var score, out var scored) ||
                ScoredProfiles.SymbolOf(scored!) is not { } scoredPool || !SymbolEqualityComparer.Default.Equals(scoredPool, ScoredProfiles.SymbolOf(pool)))
                return;
            Report(taken, "IndexOfBest", $"IndexOf(…, {extreme.TargetMethod.Name}())", ScoredProfiles.Target(score.Expression, Parameter(projection), _symbols), pool);
        }

        private static bool IsInitializedByCall(ILocalSymbol local) =>
            local.DeclaringSyntaxReferences.Length == 1 &&
            local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: InvocationExpressionSyntax };

        /// <summary>The operation itself, or the one value the local it reads ever holds.</summary>
        private IOperation? ValueOf(IOperation operation)
        {
            var value = LinqShapes.Unwrap(operation);
            return value is ILocalReferenceOperation local && SingleValueOf(local.Local) is { } held ? LinqShapes.Unwrap(held) : value;
        }

        /// <summary>The one value a local ever holds: its initializer when nothing else assigns it; null otherwise.</summary>
        private IOperation? SingleValueOf(ILocalSymbol local)
        {
            IOperation? value = null;
            foreach (var operation in _root.Descendants())
            {
                var assigned = operation switch
                {
                    IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator
                        when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) => initial,
                    IAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                        when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
                    _ => null,
                };
                if (assigned is null)
                    continue;
                if (value is not null)
                    return null; // assigned more than once: which ordering reaches the use is not known
                value = assigned;
            }
            return value;
        }

        private static bool TakesOne(IInvocationOperation invocation, int value)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_Int32)
                    return OperationBlocks.IsConstant(argument.Value, value);
            }
            return false;
        }
    }
}
