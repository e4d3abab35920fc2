using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA002: a substitute chosen by highest similarity (or lowest distance) — <c>MaxBy</c>,
/// <c>OrderByDescending(…).First()</c> / <c>FirstOrDefault()</c> / <c>Take(1)</c>, <c>Max</c> then
/// <c>Where(== max)</c>, the best-so-far loop and its fold (<c>Aggregate</c>) — over persona profiles (or values
/// carrying one).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HighestSimilaritySelectionAnalyzer : DiagnosticAnalyzer
{
    private static readonly HashSet<string> Takers = new()
    {
        "First", "FirstOrDefault", "Single", "SingleOrDefault", "Take", "ElementAt", "ElementAtOrDefault",
    };

    private static readonly HashSet<string> Filters = new()
    {
        "Where", "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "Find", "FindAll",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(SubstitutionDescriptors.HighestSimilaritySelection);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags); // skipped below: see GeneratedCode
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = SubstitutionSymbols.For(start.Compilation);
            if (symbols is null)
                return;
            var words = SimilarityWords.For(start.Compilation);
            start.RegisterOperationBlockAction(block =>
            {
                if (block.OperationBlocks.IsEmpty || !SimilarityWords.MayScoreIn(block.OperationBlocks[0].Syntax.SyntaxTree) ||
                    GeneratedCode.Contains(block.OperationBlocks[0].Syntax.SyntaxTree, block.OwningSymbol, block.Options))
                    return;
                foreach (var executable in OperationBlocks.Executable(block))
                {
                    var root = executable.Root;
                    if (words.MayScore(root.Syntax))
                        new Search(root, symbols, block.ReportDiagnostic).Run();
                }
            });
        });
    }

    /// <summary>One body's search; the score locals are collected lazily, only for bodies with a candidate shape.</summary>
    private sealed class Search
    {
        private readonly IOperation _root;
        private readonly SubstitutionSymbols _symbols;
        private readonly System.Action<Diagnostic> _report;
        private ScoreLocals? _scores;

        public Search(IOperation root, SubstitutionSymbols symbols, System.Action<Diagnostic> report)
        {
            _root = root;
            _symbols = symbols;
            _report = report;
        }

        private ScoreLocals Scores => _scores ??= ScoreLocals.Collect(_root, _symbols);

        public void Run()
        {
            List<ILocalSymbol>? maxima = null;
            List<IInvocationOperation>? filters = null;
            foreach (var operation in _root.Descendants())
            {
                // Most operations are of none of these kinds: one kind read rules them out.
                if (operation.Kind is not (OperationKind.Invocation or OperationKind.VariableDeclarator or OperationKind.Loop or
                        OperationKind.PropertyReference or OperationKind.ArrayElementReference))
                    continue;
                switch (operation)
                {
                    case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list, Arguments.Length: 1 } indexer
                        when OperationBlocks.IsConstant(indexer.Arguments[0].Value, 0):
                        CheckOrdered(indexer, list, "[0]"); // ranked[0]
                        break;
                    case IArrayElementReferenceOperation { Indices.Length: 1 } element when OperationBlocks.IsConstant(element.Indices[0], 0):
                        CheckOrdered(element, element.ArrayReference, "[0]");
                        break;
                    case IInvocationOperation invocation:
                        var name = invocation.TargetMethod.Name;
                        if (name is "MaxBy" or "MinBy")
                            CheckMaxBy(invocation, name == "MinBy");
                        else if (name == "Aggregate")
                            CheckAggregate(invocation);
                        else if (Takers.Contains(name))
                            CheckOrderedTake(invocation);
                        if (Filters.Contains(name))
                            (filters ??= new List<IInvocationOperation>()).Add(invocation);
                        break;
                    case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator when IsMaximum(value):
                        (maxima ??= new List<ILocalSymbol>()).Add(declarator.Symbol);
                        break;
                    case IForEachLoopOperation or IForLoopOperation or IWhileLoopOperation:
                        CheckLoop((ILoopOperation)operation);
                        break;
                }
            }
            if (maxima is not null && filters is not null)
            {
                foreach (var filter in filters)
                    CheckFilterByMaximum(filter, maxima);
            }
        }

        private void CheckMaxBy(IInvocationOperation invocation, bool lowest)
        {
            if (!OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(invocation), out var lambda, out var returned))
                return;
            var source = LinqShapes.Source(invocation);
            if (!KeyScore(lambda, returned!, source, out var score, out var scored) || score.IsDistance != lowest)
                return;
            if (source is null || !CarriesPersona(source))
                return;
            Report(invocation, lowest ? "MinBy" : "MaxBy", lowest ? "lowest distance (MinBy)" : "highest similarity (MaxBy)",
                ScoredProfiles.Target(score.Expression, Parameter(scored), _symbols), source);
        }

        private void CheckOrderedTake(IInvocationOperation invocation)
        {
            var name = invocation.TargetMethod.Name;
            if (name == "Take" && !TakesOne(invocation, 1) || name is "ElementAt" or "ElementAtOrDefault" && !TakesOne(invocation, 0))
                return;
            if (LinqShapes.Source(invocation) is { } source)
                CheckOrdered(invocation, source, $".{name}(…)");
        }

        /// <summary>The first element taken (<paramref name="taken"/>) of an ordering by similarity: directly, through
        /// <c>ThenBy</c>/<c>ToList</c>/<c>ToArray</c>, or through a local that holds the ordering
        /// (<c>var ranked = pool.OrderByDescending(…).ToList(); … ranked[0]</c>).</summary>
        private void CheckOrdered(IOperation taken, IOperation? source, string take)
        {
            if (source is not null && SymbolOf(source) is { } variable && CheckSortedInPlace(taken, source, variable, take))
                return;
            var followed = 0;
            while (source is not null && followed++ < 8)
            {
                var value = LinqShapes.Unwrap(source);
                if (value is IInvocationOperation { TargetMethod.Name: "ThenBy" or "ThenByDescending" or "ToList" or "ToArray" or "AsEnumerable" } inner)
                    source = LinqShapes.Source(inner);
                else if (value is ILocalReferenceOperation local)
                    source = SingleValueOf(local.Local);
                else
                    break;
            }
            if (source is null || LinqShapes.Unwrap(source) is not IInvocationOperation order ||
                order.TargetMethod.Name is not ("OrderBy" or "OrderByDescending"))
                return;
            var population = LinqShapes.Source(order);
            if (!OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(order), out var lambda, out var returned) ||
                !KeyScore(lambda, returned!, population, out var score, out var scored))
                return;
            var descending = order.TargetMethod.Name == "OrderByDescending";
            if (descending == score.IsDistance)
                return; // lowest similarity first, or farthest first: not a nearest-neighbour pick
            if (population is null || !CarriesPersona(population))
                return;
            Report(taken, "OrderByFirst", $"{order.TargetMethod.Name}(…){take}",
                ScoredProfiles.Target(score.Expression, Parameter(scored), _symbols), population);
        }

        /// <summary>The variable a collection is read from: a local, a parameter or a field.</summary>
        private static ISymbol? SymbolOf(IOperation operation) => LinqShapes.Unwrap(operation) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };

        /// <summary><c>pool.Sort((a, b) =&gt; Similarity(user, b).CompareTo(Similarity(user, a)))</c> somewhere in the
        /// body, then <c>pool[0]</c>: the most similar first, sorted in place (for a distance, ascending).</summary>
        private bool CheckSortedInPlace(IOperation taken, IOperation pool, ISymbol sorted, string take)
        {
            if (!CarriesPersona(pool))
                return false;
            foreach (var operation in _root.Descendants())
            {
                if (operation is not IInvocationOperation { TargetMethod.Name: "Sort" } sort || LinqShapes.Source(sort) is not { } list ||
                    !SymbolEqualityComparer.Default.Equals(SymbolOf(list), sorted) ||
                    !OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(sort), out var comparison, out var returned) ||
                    comparison.Symbol.Parameters.Length != 2 ||
                    LinqShapes.Unwrap(returned!) is not IInvocationOperation { TargetMethod.Name: "CompareTo", Instance: { } left, Arguments.Length: 1 } compare)
                    continue;
                var scores = ScoreLocals.Collect(comparison.Body, _symbols);
                if (!scores.TryGet(left, _symbols, out var leftScore) || !scores.TryGet(compare.Arguments[0].Value, _symbols, out var rightScore) ||
                    leftScore.IsDistance != rightScore.IsDistance)
                    continue;
                var (first, second) = (comparison.Symbol.Parameters[0], comparison.Symbol.Parameters[1]);
                // Descending when the second element's score is compared with the first's: b.CompareTo(a).
                var descending = Mentions(leftScore.Expression, second) && Mentions(rightScore.Expression, first);
                var ascending = Mentions(leftScore.Expression, first) && Mentions(rightScore.Expression, second);
                if (descending == ascending || descending == leftScore.IsDistance)
                    continue; // least similar first, farthest first, or not one score per element
                Report(taken, "SortFirst", $"Sort(…) then {take.TrimStart('.')}",
                    ScoredProfiles.Target(leftScore.Expression, descending ? second : first, _symbols), pool);
                return true;
            }
            return false;
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

        /// <summary>The best-so-far written as a fold: <c>pool.Aggregate((best, c) =&gt; Similarity(u, c) &gt;
        /// Similarity(u, best) ? c : best)</c> keeps the most similar (with a distance, the nearest) candidate.</summary>
        private void CheckAggregate(IInvocationOperation invocation)
        {
            if (!OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(invocation), out var lambda, out var returned) ||
                lambda.Symbol.Parameters.Length != 2 ||
                LinqShapes.Unwrap(returned!) is not IConditionalOperation { WhenFalse: { } whenFalse } choice)
                return;
            var (best, candidate) = (lambda.Symbol.Parameters[0], lambda.Symbol.Parameters[1]);
            var whenTrue = ParameterOf(choice.WhenTrue);
            var otherwise = ParameterOf(whenFalse);
            if (whenTrue is null || otherwise is null || SymbolEqualityComparer.Default.Equals(whenTrue, otherwise) ||
                LinqShapes.Unwrap(choice.Condition) is not IBinaryOperation comparison)
                return;
            var higher = comparison.OperatorKind switch
            {
                BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual => true,
                BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual => (bool?)false,
                _ => null,
            };
            var scores = ScoreLocals.Collect(lambda.Body, _symbols);
            if (higher is null || !scores.TryGet(comparison.LeftOperand, _symbols, out var left) ||
                !scores.TryGet(comparison.RightOperand, _symbols, out var right) || left.IsDistance != right.IsDistance)
                return;
            // Which side scores the candidate and which the best so far: each mentions its own parameter only.
            bool candidateLeft;
            if (Mentions(left.Expression, candidate) && !Mentions(left.Expression, best) && Mentions(right.Expression, best))
                candidateLeft = true;
            else if (Mentions(right.Expression, candidate) && !Mentions(right.Expression, best) && Mentions(left.Expression, best))
                candidateLeft = false;
            else
                return;
            // The candidate wins when its score is the higher one (for a distance: the lower one).
            var candidateWinsWhenHigher = (higher.Value == candidateLeft) == SymbolEqualityComparer.Default.Equals(whenTrue, candidate);
            if (candidateWinsWhenHigher == left.IsDistance)
                return; // the least similar, or the farthest: not a nearest-neighbour pick
            var source = LinqShapes.Source(invocation);
            if (source is null || !CarriesPersona(source))
                return;
            var score = candidateLeft ? left : right;
            Report(invocation, "Aggregate", "a best-so-far Aggregate", ScoredProfiles.Target(score.Expression, candidate, _symbols), source);
        }

        private static IParameterSymbol? ParameterOf(IOperation operation) =>
            LinqShapes.Unwrap(operation) is IParameterReferenceOperation reference ? reference.Parameter : null;

        private static bool Mentions(IOperation operation, IParameterSymbol parameter)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (descendant is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
                    return true;
            }
            return false;
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

        /// <summary><c>var max = xs.Max(c =&gt; Similarity(t, c))</c> or <c>xs.Select(…).Max()</c> over profiles.</summary>
        private bool IsMaximum(IOperation value)
        {
            if (LinqShapes.Unwrap(value) is not IInvocationOperation { TargetMethod.Name: "Max" or "Min" } aggregate)
                return false;
            var lowest = aggregate.TargetMethod.Name == "Min";
            var selector = OperationBlocks.LambdaArgument(aggregate);
            var source = LinqShapes.Source(aggregate);
            if (selector is null && source is not null && LinqShapes.Unwrap(source) is IInvocationOperation { TargetMethod.Name: "Select" } select)
            {
                selector = OperationBlocks.LambdaArgument(select);
                source = LinqShapes.Source(select);
            }
            return source is not null && CarriesPersona(source) &&
                   OperationBlocks.TryGetLambda(selector, out var lambda, out var returned) &&
                   LambdaScore(lambda, returned!, out var score) && score.IsDistance == lowest;
        }

        private void CheckFilterByMaximum(IInvocationOperation filter, List<ILocalSymbol> maxima)
        {
            if (!OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(filter), out var lambda, out _))
                return;
            var lambdaScores = ScoreLocals.Collect(lambda.Body, _symbols);
            foreach (var operation in lambda.Body.Descendants())
            {
                if (operation is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.LessThanOrEqual } comparison)
                    continue;
                var (scoreSide, maxSide) = IsMaximumReference(comparison.RightOperand, maxima)
                    ? (comparison.LeftOperand, comparison.RightOperand)
                    : (comparison.RightOperand, comparison.LeftOperand);
                if (!IsMaximumReference(maxSide, maxima) || !lambdaScores.TryGet(scoreSide, _symbols, out var score))
                    continue;
                var source = LinqShapes.Source(filter);
                if (source is null || !CarriesPersona(source))
                    return;
                Report(filter, "MaxThenWhere", "Max(…) then a filter on the maximum",
                    ScoredProfiles.Target(score.Expression, Parameter(lambda), _symbols), source);
                return;
            }
        }

        private static bool IsMaximumReference(IOperation operation, List<ILocalSymbol> maxima) =>
            LinqShapes.Unwrap(operation) is ILocalReferenceOperation local && maxima.Contains(local.Local);

        /// <summary>The best-so-far loop: <c>if (score &gt; best) { best = score; chosen = candidate; }</c>.</summary>
        private void CheckLoop(ILoopOperation loop)
        {
            // DescendantsAndSelf: a loop without braces has the if itself as its body.
            foreach (var operation in loop.Body.DescendantsAndSelf())
            {
                if (operation is not IConditionalOperation { WhenTrue: { } whenTrue } conditional || !BestSoFar(conditional.Condition, loop, out var score))
                    continue;
                foreach (var inner in whenTrue.DescendantsAndSelf())
                {
                    if (inner is ISimpleAssignmentOperation { Value: { } chosen } assignment &&
                        LinqShapes.Unwrap(chosen) is not ILiteralOperation && _symbols.IsOrCarriesPersona(LinqShapes.Unwrap(chosen).Type) &&
                        DeclaredOutside(assignment.Target, loop))
                    {
                        var candidates = loop is IForEachLoopOperation forEach ? forEach.Collection : null;
                        Report(assignment, "Loop", "a best-so-far loop",
                            ScoredProfiles.Target(score.Expression, ScoredProfiles.SymbolOf(chosen), _symbols), candidates);
                        return;
                    }
                    if (inner is ISimpleAssignmentOperation { Value: { } index } byIndex && loop is IForLoopOperation indexed &&
                        LinqShapes.Unwrap(index) is ILocalReferenceOperation { Local: var counter } && indexed.Locals.Contains(counter, SymbolEqualityComparer.Default) &&
                        DeclaredOutside(byIndex.Target, loop) && IndexedProfiles(score.Expression, counter) is { } pool)
                    {
                        // for (var i = 0; …) { if (score > best) { best = score; bestIndex = i; } } … pool[bestIndex]
                        Report(byIndex, "Loop", "a best-so-far loop", TargetBesides(score.Expression, counter), pool);
                        return;
                    }
                }
            }
        }

        /// <summary>The collection of profiles the score reads by the loop's counter: <c>pool</c> in
        /// <c>Similarity(user, pool[i])</c>.</summary>
        private IOperation? IndexedProfiles(IOperation score, ILocalSymbol counter)
        {
            foreach (var operation in score.DescendantsAndSelf())
            {
                var (collection, index) = operation switch
                {
                    IArrayElementReferenceOperation { Indices.Length: 1 } element => (element.ArrayReference, element.Indices[0]),
                    IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance, Arguments.Length: 1 } indexer => (instance, indexer.Arguments[0].Value),
                    _ => (null, null),
                };
                if (collection is not null && LinqShapes.Unwrap(index!) is ILocalReferenceOperation reference &&
                    SymbolEqualityComparer.Default.Equals(reference.Local, counter) && CarriesPersona(collection))
                    return collection;
            }
            return null;
        }

        /// <summary>The profile the score compares the indexed candidate with: its persona argument that does not read
        /// the counter.</summary>
        private IOperation? TargetBesides(IOperation score, ILocalSymbol counter)
        {
            foreach (var operation in score.DescendantsAndSelf())
            {
                if (operation is not IArgumentOperation argument || !_symbols.IsOrCarriesPersona(LinqShapes.Unwrap(argument.Value).Type))
                    continue;
                var readsCounter = false;
                foreach (var inner in argument.Value.DescendantsAndSelf())
                    readsCounter |= inner is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, counter);
                if (!readsCounter)
                    return LinqShapes.Unwrap(argument.Value);
            }
            return null;
        }

        /// <summary>The condition compares a fresh score with a bar the loop raises (<c>best = score</c>).</summary>
        private bool BestSoFar(IOperation condition, ILoopOperation loop, out ScoreLocals.Score score)
        {
            score = default;
            foreach (var operation in condition.DescendantsAndSelf())
            {
                if (operation is not IBinaryOperation comparison)
                    continue;
                bool higher;
                switch (comparison.OperatorKind)
                {
                    case BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual:
                        higher = true;
                        break;
                    case BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual:
                        higher = false;
                        break;
                    default:
                        continue;
                }
                if (IsFreshScoreAgainstBar(comparison.LeftOperand, comparison.RightOperand, loop, out score) && higher != score.IsDistance)
                    return true;
                if (IsFreshScoreAgainstBar(comparison.RightOperand, comparison.LeftOperand, loop, out score) && higher == score.IsDistance)
                    return true;
            }
            return false;
        }

        private bool IsFreshScoreAgainstBar(IOperation current, IOperation bar, ILoopOperation loop, out ScoreLocals.Score score)
        {
            if (!Scores.TryGet(current, _symbols, out score) || score.Derived || RootLocal(bar) is not { } barLocal)
                return false;
            foreach (var operation in loop.Body.Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } &&
                    SymbolEqualityComparer.Default.Equals(target.Local, barLocal))
                    return true;
            }
            return false;
        }

        /// <summary><c>best</c> in <c>best</c>, <c>best.Score</c>, <c>best.Value.Similarity</c>.</summary>
        private static ILocalSymbol? RootLocal(IOperation operation)
        {
            while (true)
            {
                switch (LinqShapes.Unwrap(operation))
                {
                    case ILocalReferenceOperation local:
                        return local.Local;
                    case IMemberReferenceOperation { Instance: { } instance }:
                        operation = instance;
                        continue;
                    default:
                        return null;
                }
            }
        }

        private static bool DeclaredOutside(IOperation target, ILoopOperation loop)
        {
            switch (LinqShapes.Unwrap(target))
            {
                case ILocalReferenceOperation local:
                    foreach (var reference in local.Local.DeclaringSyntaxReferences)
                    {
                        if (loop.Body.Syntax.Span.Contains(reference.Span))
                            return false;
                    }
                    return true;
                case IFieldReferenceOperation or IPropertyReferenceOperation:
                    return true;
                default:
                    return false;
            }
        }

        private bool LambdaScore(IAnonymousFunctionOperation lambda, IOperation returned, out ScoreLocals.Score score) =>
            ScoreLocals.Collect(lambda.Body, _symbols).TryGet(returned, _symbols, out score);

        /// <summary>The score a key selector orders by: computed in the selector itself, or — when the selector reads
        /// one element of a scored projection (<c>xs.Select(c =&gt; (c, s: Similarity(u, c))).MaxBy(t =&gt; t.s)</c>,
        /// the same with an anonymous type) — computed by the projection for that element. <paramref name="scored"/>
        /// is the lambda whose parameter is the candidate profile.</summary>
        private bool KeyScore(IAnonymousFunctionOperation key, IOperation returned, IOperation? source, out ScoreLocals.Score score,
            out IAnonymousFunctionOperation scored)
        {
            scored = key;
            if (LambdaScore(key, returned, out score))
                return true;
            if (source is null || LinqShapes.Unwrap(source) is not IInvocationOperation { TargetMethod.Name: "Select" } select ||
                !OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(select), out var projection, out var projected) ||
                ProjectedElement(LinqShapes.Unwrap(returned), Parameter(key), LinqShapes.Unwrap(projected!)) is not { } element)
                return false;
            scored = projection;
            return LambdaScore(projection, element, out score);
        }

        /// <summary>The value a projection gives the member the key reads: the tuple element at the same position, or
        /// the anonymous type's property of the same name.</summary>
        private static IOperation? ProjectedElement(IOperation read, ISymbol? parameter, IOperation projected)
        {
            switch (read)
            {
                case IFieldReferenceOperation { Instance: IParameterReferenceOperation instance, Field.CorrespondingTupleField.Name: { } item }
                    when SymbolEqualityComparer.Default.Equals(instance.Parameter, parameter) && projected is ITupleOperation tuple:
                    // t.s and t.Item2 both name the default element field Item2: the projection's second element.
                    return item.StartsWith("Item", System.StringComparison.Ordinal) &&
                           int.TryParse(item.Substring(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position) &&
                           position >= 1 && position <= tuple.Elements.Length
                        ? tuple.Elements[position - 1]
                        : null;
                case IPropertyReferenceOperation { Instance: IParameterReferenceOperation instance, Property: { } property }
                    when SymbolEqualityComparer.Default.Equals(instance.Parameter, parameter) && projected is IAnonymousObjectCreationOperation anonymous:
                    foreach (var initializer in anonymous.Initializers)
                    {
                        if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment &&
                            target.Property.Name == property.Name)
                            return assignment.Value;
                    }
                    return null;
                default:
                    return null;
            }
        }

        private static ISymbol? Parameter(IAnonymousFunctionOperation lambda) =>
            lambda.Symbol.Parameters.Length > 0 ? lambda.Symbol.Parameters[0] : null;

        private bool CarriesPersona(IOperation collection)
        {
            var type = LinqShapes.Unwrap(collection).Type;
            return type is not null && _symbols.ElementType(type) is { } element && _symbols.IsOrCarriesPersona(element);
        }

        private void Report(IOperation selection, string kind, string description, IOperation? target, IOperation? candidates)
        {
            INamedTypeSymbol? persona = null;
            if (candidates is not null && LinqShapes.Unwrap(candidates).Type is { } type && _symbols.ElementType(type) is { } element)
                persona = PersonaIn(element);
            persona ??= PersonaIn(selection.Type);
            var properties = SubstitutionDiagnostics.PersonaProperties(persona);
            properties[SubstitutionProperties.Selection] = kind;
            var additional = new List<Location>();
            if (target is not null)
            {
                properties[SubstitutionProperties.TargetLocation] = additional.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                additional.Add(target.Syntax.GetLocation());
            }
            if (candidates is not null)
            {
                properties[SubstitutionProperties.CandidatesLocation] = additional.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                additional.Add(candidates.Syntax.GetLocation());
            }
            _report(Diagnostic.Create(SubstitutionDescriptors.HighestSimilaritySelection, selection.Syntax.GetLocation(), additional,
                properties.ToImmutable(), description));
        }

        private INamedTypeSymbol? PersonaIn(ITypeSymbol? type)
        {
            if (type is null)
                return null;
            if (_symbols.PersonaOf(type, out _) is { } persona)
                return persona;
            if (type is INamedTypeSymbol named)
            {
                foreach (var member in named.GetMembers())
                {
                    var memberType = member switch { IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, _ => null };
                    if (memberType is not null && _symbols.IsPersonaType(memberType))
                        return _symbols.PersonaOf(memberType, out _);
                }
            }
            return null;
        }
    }
}
