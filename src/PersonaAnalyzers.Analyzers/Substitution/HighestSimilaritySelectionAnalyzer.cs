using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA002: a substitute chosen by highest similarity (or lowest distance) — <c>MaxBy</c>,
/// <c>OrderByDescending(…).First()</c> / <c>FirstOrDefault()</c> / <c>Take(1)</c>, <c>Max</c> then
/// <c>Where(== max)</c>, the best-so-far loop and its fold (<c>Aggregate</c>) — over persona profiles (or values
/// carrying one).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class HighestSimilaritySelectionAnalyzer : DiagnosticAnalyzer
{
    private static readonly HashSet<string> Takers = new()
    {
        "First", "FirstOrDefault", "Single", "SingleOrDefault", "Take", "ElementAt", "ElementAtOrDefault",
        // A vector index queried through Entity Framework (pgvector's CosineDistance) or System.Linq.Async.
        "FirstAsync", "FirstOrDefaultAsync", "SingleAsync", "SingleOrDefaultAsync",
        // From the end of an ascending ordering: OrderBy(c => Similarity(user, c)).Last().
        "Last", "LastOrDefault", "TakeLast", "LastAsync", "LastOrDefaultAsync",
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
            var words = SimilarityWords.For(start.Compilation, symbols);
            var generated = GeneratedCode.For(start.Compilation);
            TypeGate.RegisterOperationBlockAction(start, (tree, _, _) => words.MayScoreIn(tree), block =>
            {
                // Most bodies of the files that pass name no score either (their signatures included): the text rules them
                // out — unless they name a method of the file that computes one (a key given as a method group).
                var roots = OperationBlocks.Executable(block, words, static (_, root, w) => w.MayScore(root.Syntax) || w.MayPickByHelper(root.Syntax));
                if (roots is null || generated.Contains(block.OperationBlocks[0].Syntax.SyntaxTree, block.OwningSymbol, block.Options))
                    return;
                foreach (var root in roots)
                    new Search(root, symbols, block.ReportDiagnostic).Run();
            });
        });
    }

    /// <summary>One body's search; the score locals are collected lazily, only for bodies with a candidate shape.</summary>
    private sealed partial class Search
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
                    case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list, Arguments.Length: 1 } indexer:
                        if (OperationBlocks.IsConstant(indexer.Arguments[0].Value, 0))
                            CheckOrdered(indexer, list, "[0]"); // ranked[0]
                        else
                            CheckIndexOfBest(indexer, list, indexer.Arguments[0].Value);
                        break;
                    case IArrayElementReferenceOperation { Indices.Length: 1 } element:
                        if (OperationBlocks.IsConstant(element.Indices[0], 0))
                            CheckOrdered(element, element.ArrayReference, "[0]");
                        else
                            CheckIndexOfBest(element, element.ArrayReference, element.Indices[0]);
                        break;
                    case IInvocationOperation invocation:
                        var name = invocation.TargetMethod.Name;
                        if (name is "MaxBy" or "MinBy")
                            CheckMaxBy(invocation, name == "MinBy");
                        else if (name == "Aggregate")
                            CheckAggregate(invocation);
                        else if (Takers.Contains(name))
                            CheckOrderedTake(invocation);
                        else if (name is "Dequeue" or "TryDequeue" or "Peek" or "TryPeek")
                            CheckPriorityQueueHead(invocation);
                        else if (!CheckSelectionHelper(invocation))
                            CheckVectorSearchTop(invocation);
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
            var source = LinqShapes.Source(invocation);
            if (!SelectionKey(invocation, source, out var score, out var candidate) || score.IsDistance != lowest)
                return;
            if (source is null || !CarriesPersona(source))
                return;
            Report(invocation, lowest ? "MinBy" : "MaxBy", lowest ? "lowest distance (MinBy)" : "highest similarity (MaxBy)",
                ScoredProfiles.Target(score.Expression, candidate, _symbols), source);
        }

        /// <summary>The score a selection's key selector (<c>MaxBy</c>'s, <c>OrderByDescending</c>'s) orders by, and the
        /// parameter that is the candidate profile. The selector is a lambda written in place (<see cref="KeyScore"/>), a
        /// lambda kept in a delegate local, or a named function: <c>MaxBy(Score)</c> with a local function or a method of
        /// the same file (<c>double Score(Reader c) =&gt; Guard.Similarity(user, c)</c>), whose returned value is read as
        /// a lambda's is; or, declared elsewhere, one whose name says it computes a similarity (<c>MaxBy(SimilarityToViewer)</c>).</summary>
        private bool SelectionKey(IInvocationOperation selecting, IOperation? population, out ScoreLocals.Score score, out ISymbol? candidate) =>
            // (MoreLINQ's MaxBy names it selector.)
            SelectionKey(LinqShapes.ArgumentFor(selecting, "keySelector") ?? OperationBlocks.LambdaArgument(selecting), population, out score, out candidate);

        private bool SelectionKey(IArgumentOperation? key, IOperation? population, out ScoreLocals.Score score, out ISymbol? candidate)
        {
            score = default;
            candidate = null;
            if (key is null)
                return false;
            if (OperationBlocks.TryGetLambda(key, out var lambda, out var returned) ||
                OperationBlocks.LambdaInLocal(_root, key.Value) is { } kept && OperationBlocks.TryGetLambda(kept, out lambda, out returned))
            {
                if (!KeyScore(lambda, returned!, population, out score, out var scored))
                    return false;
                candidate = Parameter(scored);
                return true;
            }
            if (LinqShapes.Unwrap(key.Value) is not IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { Parameters.Length: 1 } method } })
                return false;
            candidate = method.OriginalDefinition.Parameters[0];
            if (OperationBlocks.TryGetNamedFunction(_root, method, out var body, out var named) &&
                ScoreLocals.Collect(body, _symbols).TryGet(named!, _symbols, out score))
                return true;
            if (!SimilarityScores.IsScoreMethod(method, _symbols, out var isDistance))
                return false;
            score = new ScoreLocals.Score(key.Value, isDistance, Derived: false);
            return true;
        }

        private static IParameterSymbol? ParameterOf(IOperation operation) =>
            LinqShapes.Unwrap(operation) is IParameterReferenceOperation reference ? reference.Parameter : null;

        private bool LambdaScore(IAnonymousFunctionOperation lambda, IOperation returned, out ScoreLocals.Score score) =>
            ScoreLocals.Collect(lambda.Body, _symbols).TryGet(returned, _symbols, out score);

        /// <summary>The score a key selector orders by: computed in the selector itself, or — when the selector reads
        /// one element of a scored projection (<c>xs.Select(c =&gt; (c, s: Similarity(u, c))).MaxBy(t =&gt; t.s)</c>,
        /// the same with an anonymous type, or the projection kept in a local first:
        /// <c>var scored = xs.Select(…).ToList(); scored.MaxBy(t =&gt; t.s)</c>), or the value of a dictionary from
        /// each profile to its score (<c>xs.ToDictionary(c =&gt; c, c =&gt; Similarity(u, c)).MaxBy(kv =&gt; kv.Value)</c>)
        /// — computed by the projection for that element. <paramref name="scored"/> is the lambda whose parameter is the
        /// candidate profile.</summary>
        private bool KeyScore(IAnonymousFunctionOperation key, IOperation returned, IOperation? source, out ScoreLocals.Score score,
            out IAnonymousFunctionOperation scored)
        {
            scored = key;
            if (LambdaScore(key, returned, out score))
                return true;
            // MaxBy(c => (Similarity(u, c), c.Purchases.Count)): tuples compare by their first element first.
            if (LinqShapes.Unwrap(returned) is ITupleOperation { Elements.Length: > 0 } composite && LambdaScore(key, composite.Elements[0], out score))
                return true;
            if (MadeFrom(source, ordering: false) is not { } made || LinqShapes.Unwrap(made) is not IInvocationOperation { TargetMethod.Name: "Select" or "ToDictionary" } projecting)
                return false;
            if (projecting.TargetMethod.Name == "ToDictionary")
            {
                if (!ReadsValue(LinqShapes.Unwrap(returned), Parameter(key)) || !IsKeyedByProfile(projecting) ||
                    !OperationBlocks.TryGetLambda(LinqShapes.ArgumentFor(projecting, "elementSelector"), out var valueOf, out var value))
                    return false;
                scored = valueOf;
                return LambdaScore(valueOf, value!, out score);
            }
            if (!OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(projecting), out var projection, out var projected) ||
                ProjectedElement(LinqShapes.Unwrap(returned), Parameter(key), LinqShapes.Unwrap(projected!)) is not { } element)
                return false;
            scored = projection;
            return LambdaScore(projection, element, out score);
        }

        /// <summary><c>kv.Value</c> of the key selector's own parameter.</summary>
        private static bool ReadsValue(IOperation read, ISymbol? parameter) =>
            read is IPropertyReferenceOperation { Property.Name: "Value", Instance: IParameterReferenceOperation instance } &&
            SymbolEqualityComparer.Default.Equals(instance.Parameter, parameter);

        /// <summary><c>ToDictionary(c =&gt; c, …)</c>: each profile is its own key, so the entry with the best value is
        /// the profile picked.</summary>
        private static bool IsKeyedByProfile(IInvocationOperation toDictionary) =>
            OperationBlocks.TryGetLambda(LinqShapes.ArgumentFor(toDictionary, "keySelector"), out var keyOf, out var key) &&
            LinqShapes.Unwrap(key!) is IParameterReferenceOperation profile && SymbolEqualityComparer.Default.Equals(profile.Parameter, Parameter(keyOf));

        /// <summary>The value a projection gives the member the key reads: the tuple element at the same position, or
        /// the anonymous type's property of the same name.</summary>
        private static IOperation? ProjectedElement(IOperation read, ISymbol? parameter, IOperation projected)
        {
            switch (read)
            {
                case IFieldReferenceOperation { Instance: IParameterReferenceOperation instance, Field: var field }
                    when SymbolEqualityComparer.Default.Equals(instance.Parameter, parameter) && projected is ITupleOperation tuple:
                    // t.s and t.Item2 both name the projection's second element.
                    var position = LinqShapes.TupleIndex(field);
                    return position >= 0 && position < tuple.Elements.Length ? tuple.Elements[position] : null;
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

        /// <summary><c>segments.MaxBy(s =&gt; Similarity(user, s.Centroid))!.Name</c>: the pick is a value that carries a
        /// profile (a segment and its centroid), and only a member holding none leaves — a nearest-centroid assignment,
        /// which hands no one's profile to anyone (as the loop form returning an index does not).</summary>
        private bool OnlyLabelLeaves(IOperation selection)
        {
            if (selection.Type is null || _symbols.IsPersonaType(selection.Type))
                return false;
            // var best = segments.OrderByDescending(…).First(); return best.CampaignId; — every read of the local a label.
            if (LinqShapes.Parent(selection, out _) is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var picked } })
                return OnlyLabelsReadFrom(picked);
            return ReadsOnlyALabel(selection);
        }

        /// <summary>The value is read once, for a member that holds no profile: <c>pick.Name</c>, <c>pick?.CampaignId</c>.</summary>
        private bool ReadsOnlyALabel(IOperation value)
        {
            var parent = LinqShapes.Parent(value, out var child);
            IOperation? read = parent switch
            {
                IMemberReferenceOperation member when member.Instance == child => member,
                IConditionalAccessOperation access when access.Operation == child => FirstRead(access),
                _ => null,
            };
            return read is IPropertyReferenceOperation or IFieldReferenceOperation && !_symbols.IsOrCarriesPersona(read.Type);
        }

        /// <summary>The read right off the value a <c>?.</c> tests: <c>.Profile</c> in <c>pick?.Profile.Summary</c>, not
        /// the <c>.Summary</c> the whole access gives.</summary>
        private static IOperation? FirstRead(IConditionalAccessOperation access)
        {
            foreach (var operation in access.WhenNotNull.DescendantsAndSelf())
            {
                if (operation is IMemberReferenceOperation { Instance: IConditionalAccessInstanceOperation } or
                    IInvocationOperation { Instance: IConditionalAccessInstanceOperation })
                    return operation;
            }
            return null;
        }

        private bool OnlyLabelsReadFrom(ILocalSymbol picked)
        {
            var reads = 0;
            foreach (var operation in _root.Descendants())
            {
                if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, picked))
                    continue;
                if (!ReadsOnlyALabel(reference))
                    return false;
                reads++;
            }
            return reads > 0;
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
            if (OnlyLabelLeaves(selection))
                return;
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

        private INamedTypeSymbol? PersonaIn(ITypeSymbol? type) => _symbols.PersonaOf(type, out _) ?? _symbols.CarriedPersona(type);
    }
}
