using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA003: a substitute accepted by a raw similarity threshold — a comparison of a similarity score
/// against a bar that decides whether the compared profile is used. A comparison is reported when the two ways it
/// decides differ in whether they use the profile (an <c>if</c>/<c>else</c>, an early exit, <c>?:</c>), or when it is
/// the predicate that filters profiles (<c>Where</c>, <c>First</c>, …). Comparisons that only feed logging, metrics or
/// a string, comparisons between two scores (PERSONA002's best-so-far), and the insides of check methods and guards
/// are not reported; nor is a bar that only narrows what a band check of the pair admitted (see
/// <see cref="ComparedPair.UsedUnchecked"/>).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class RawThresholdAnalyzer : DiagnosticAnalyzer
{
    private static readonly HashSet<string> Filters = new()
    {
        "Where", "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "Find", "FindAll", "FindLast",
        "TakeWhile", "SkipWhile", "RemoveAll",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SubstitutionDescriptors.RawThreshold);

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
            TypeGate.RegisterOperationBlockAction(start, (tree, _, _) => words.MayScoreIn(tree), block => Analyze(block, symbols, words, generated));
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, SubstitutionSymbols symbols, SimilarityWords words, GeneratedCode generated)
    {
        // Most bodies of the files that pass name no score either (their signatures included): the text rules them out,
        // but for one that takes a pair apart, whose score may be named only by the pair's type (SimilarityWords.MayTakeApart).
        var roots = OperationBlocks.Executable(context, words, static (_, root, w) => w.MayScore(root.Syntax) || w.MayTakeApart(root.Syntax));
        if (roots is null || generated.Contains(context.OperationBlocks[0].Syntax.SyntaxTree, context.OwningSymbol, context.Options))
            return;
        // Asked only of bodies that pass the gate: a check's own implementation compares raw scores by design.
        if (IsCheckImplementation(context.OwningSymbol, symbols, context))
            return;
        foreach (var root in roots)
        {
            var body = new Body(root, symbols, SubstitutionOptions.For(context.Options, root.Syntax.SyntaxTree), context.CancellationToken);
            foreach (var operation in root.Descendants())
            {
                // Most operations are of none of these kinds: one kind read rules them out.
                if (operation.Kind is not (OperationKind.Binary or OperationKind.IsPattern or OperationKind.SwitchExpression or OperationKind.Switch or
                        OperationKind.SimpleAssignment))
                    continue;
                if (operation is ISimpleAssignmentOperation assignment)
                {
                    AnalyzeStoreThreshold(assignment, symbols, context);
                    continue;
                }
                if (operation is not IBinaryOperation { OperatorKind: BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or
                        BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual } comparison)
                {
                    if (operation is IIsPatternOperation { Pattern: IRelationalPatternOperation or IBinaryPatternOperation or INegatedPatternOperation or
                            IRecursivePatternOperation } pattern)
                        AnalyzePattern(pattern, body, context);
                    else if (operation is ISwitchExpressionOperation or ISwitchOperation)
                        AnalyzeSwitch(operation, body, context);
                    continue;
                }
                var scores = body.Scores;
                var leftIsScore = scores.TryGet(comparison.LeftOperand, symbols, out var left);
                var rightIsScore = scores.TryGet(comparison.RightOperand, symbols, out var right);
                ScoreLocals.Score score;
                IOperation scoreOperand, bar;
                bool? holdsAbove = null;
                if (leftIsScore != rightIsScore)
                {
                    score = leftIsScore ? left : right;
                    scoreOperand = leftIsScore ? comparison.LeftOperand : comparison.RightOperand;
                    bar = leftIsScore ? comparison.RightOperand : comparison.LeftOperand;
                }
                else if (leftIsScore || !ComparedThroughCompareTo(comparison, body, out score, out scoreOperand, out bar, out leftIsScore, out var above))
                {
                    continue; // no score, or two scores compared (a best-so-far: PERSONA002)
                }
                else
                {
                    holdsAbove = above;
                }
                if (MovesInLoop(bar, root) || NarrowsItsVerdict(comparison, scoreOperand, body.Symbols))
                    continue;
                if (Decides(comparison, score, body) is { } admitsWhenHolds)
                    Report(context, comparison, score, scoreOperand, bar, leftIsScore ? "Left" : "Right", admitsWhenHolds, body, holdsAbove);
            }
        }
    }

    /// <summary><c>p.verdict.IsSafe &amp;&amp; p.verdict.Similarity &lt; 0.97</c>: a bar on the similarity a verdict carries,
    /// joined by <c>&amp;&amp;</c> to that same verdict's safe answer, only narrows what the check admitted — a tuple's or an
    /// anonymous pair's verdict as much as a local's (probe 15a, repro 03).</summary>
    private static bool NarrowsItsVerdict(IBinaryOperation comparison, IOperation scoreOperand, SubstitutionSymbols symbols)
    {
        if (SimilarityScores.Unscaled(scoreOperand) is not IPropertyReferenceOperation { Property.Name: "Similarity", Instance: { } verdict } ||
            !symbols.IsVerdict(verdict.Type))
            return false;
        IOperation current = comparison;
        while (LinqShapes.Parent(current, out var child) is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both)
        {
            var other = both.LeftOperand == child ? both.RightOperand : both.LeftOperand;
            if (LinqShapes.Unwrap(other) is IPropertyReferenceOperation { Property.Name: BandTests.SafeVerdict, Instance: { } answered } &&
                Microsoft.CodeAnalysis.CSharp.SyntaxFactory.AreEquivalent(answered.Syntax, verdict.Syntax))
                return true;
            current = both;
        }
        return false;
    }

    /// <summary><c>similarity.CompareTo(0.9) &gt; 0</c>, <c>0 &lt;= similarity.CompareTo(bar)</c> or <c>0.9.CompareTo(similarity) &lt; 0</c>:
    /// the sign of <c>CompareTo</c> against zero compares the score with its bar as the operator would.
    /// <paramref name="callOnLeft"/>: the call is the comparison's left operand (the side the fix reads the score from);
    /// <paramref name="holdsAbove"/>: the comparison holds for the higher scores.</summary>
    private static bool ComparedThroughCompareTo(IBinaryOperation comparison, Body body, out ScoreLocals.Score score, out IOperation scoreOperand,
        out IOperation bar, out bool callOnLeft, out bool holdsAbove)
    {
        (score, scoreOperand, bar, holdsAbove) = (default, null!, null!, false);
        callOnLeft = OperationBlocks.IsConstant(comparison.RightOperand, 0);
        if (!callOnLeft && !OperationBlocks.IsConstant(comparison.LeftOperand, 0) ||
            LinqShapes.Unwrap(callOnLeft ? comparison.LeftOperand : comparison.RightOperand) is not IInvocationOperation
                { TargetMethod: { Name: "CompareTo", Parameters.Length: 1 }, Instance: { } instance, Arguments.Length: 1 } compare)
            return false;
        var argument = compare.Arguments[0].Value;
        var instanceIsScore = body.Scores.TryGet(instance, body.Symbols, out var instanceScore);
        if (instanceIsScore == body.Scores.TryGet(argument, body.Symbols, out var argumentScore))
            return false;
        (score, scoreOperand, bar) = instanceIsScore ? (instanceScore, instance, argument) : (argumentScore, argument, instance);
        // score.CompareTo(bar) > 0 holds above the bar; turned round by the call on the right (0 < …) and by the score
        // as the argument (bar.CompareTo(score) > 0 holds below it).
        var greater = comparison.OperatorKind is BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual;
        holdsAbove = (greater == callOnLeft) == instanceIsScore;
        return true;
    }

    /// <summary><c>new VectorSearchOptions&lt;Reader&gt; { ScoreThreshold = 0.9 }</c>: the vector store compares each
    /// hit's score with the bar and hands back only the hits that pass — a raw threshold that admits the closest
    /// profiles, applied by the store instead of by the code. Reported on the assignment (a <c>null</c> bar sets none).</summary>
    private static void AnalyzeStoreThreshold(ISimpleAssignmentOperation assignment, SubstitutionSymbols symbols, OperationBlockAnalysisContext context)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property } || symbols.ThresholdPersona(property) is not { } persona ||
            LinqShapes.Unwrap(assignment.Value) is { ConstantValue: { HasValue: true, Value: null } })
            return;
        var properties = SubstitutionDiagnostics.PersonaProperties(persona);
        context.ReportDiagnostic(Diagnostic.Create(SubstitutionDescriptors.RawThreshold, assignment.Syntax.GetLocation(),
            new[] { assignment.Target.Syntax.GetLocation(), assignment.Value.Syntax.GetLocation() }, properties.ToImmutable(),
            SubstitutionDiagnostics.Shorten(assignment.Syntax.ToString()),
            "the store hands back only the hits above the bar, and a high threshold admits exactly the near-twins that do the most harm"));
    }

    private static void AnalyzePattern(IIsPatternOperation pattern, Body body, OperationBlockAnalysisContext context)
    {
        if (!HasRelational(pattern.Pattern, nested: true))
            return;
        if (!HasRelational(pattern.Pattern) || !body.Scores.TryGet(pattern.Value, body.Symbols, out var score))
        {
            AnalyzeSubpatterns(pattern, body, context);
            return;
        }
        if (Decides(pattern, score, body) is { } admitsWhenHolds)
            Report(context, pattern, score, pattern.Value, pattern.Pattern, "Left", admitsWhenHolds, body);
    }

    /// <summary><c>switch (similarity) { case &gt;= 0.9: … }</c> or <c>similarity switch { &gt;= 0.9 =&gt; …, _ =&gt; … }</c>:
    /// reported at the first relational pattern when the arms differ in whether they use a compared candidate.</summary>
    private static void AnalyzeSwitch(IOperation operation, Body body, OperationBlockAnalysisContext context)
    {
        var symbols = body.Symbols;
        var value = operation is ISwitchExpressionOperation expression ? expression.Value : ((ISwitchOperation)operation).Value;
        if (SideChannels.IsInside(operation))
            return;
        if (!body.Scores.TryGet(value, symbols, out var score))
        {
            AnalyzeArmBars(operation, value, body, context);
            return;
        }
        IPatternOperation? first = null;
        // Each arm's relational pattern (null for the others) and what it runs.
        var arms = new List<(IPatternOperation? Relational, ImmutableArray<IOperation> Body)>();
        if (operation is ISwitchExpressionOperation switchExpression)
        {
            foreach (var arm in switchExpression.Arms)
            {
                var relational = HasRelational(arm.Pattern) ? arm.Pattern : null;
                first ??= relational;
                arms.Add((relational, ImmutableArray.Create(arm.Value)));
            }
        }
        else
        {
            foreach (var section in ((ISwitchOperation)operation).Cases)
            {
                IPatternOperation? relational = null;
                foreach (var clause in section.Clauses)
                {
                    if (relational is null && clause is IPatternCaseClauseOperation { Pattern: var pattern } && HasRelational(pattern))
                        relational = pattern;
                }
                first ??= relational;
                arms.Add((relational, section.Body));
            }
        }
        if (first is null)
            return;
        // The switch's value is where the paths to its arms start.
        var pair = new ComparedPair(value, score, body);
        foreach (var profile in pair.Candidates)
        {
            var only = new List<ISymbol> { profile };
            var uses = arms.ConvertAll(arm => arm.Body.Any(statement => Uses(statement, only, pair)));
            if (!uses.Contains(!uses[0]) || !pair.UsedUnchecked(profile))
                continue;
            // Reported on the bar that turns the choice away from the fallback (the last arm): in `s switch { > 0.95 =>
            // user, > 0.6 => other, _ => user }` that is `> 0.6`, the bar that admits the candidate.
            var bar = first;
            var admits = uses[arms.FindIndex(arm => arm.Relational == first)];
            for (var i = 0; i < arms.Count; i++)
            {
                if (arms[i].Relational is { } relational && uses[i] != uses[uses.Count - 1])
                {
                    bar = relational;
                    admits = uses[i];
                    break;
                }
            }
            Report(context, bar, score, value, bar, "Left", admits, body);
            return;
        }
    }

    /// <summary>Whether the pattern holds a relational pattern; with <paramref name="nested"/>, also in the sub-patterns of
    /// a positional or property pattern.</summary>
    private static bool HasRelational(IPatternOperation pattern, bool nested = false) => pattern switch
    {
        IRelationalPatternOperation => true,
        IBinaryPatternOperation binary => HasRelational(binary.LeftPattern, nested) || HasRelational(binary.RightPattern, nested),
        INegatedPatternOperation negated => HasRelational(negated.Pattern, nested),
        IRecursivePatternOperation recursive when nested =>
            recursive.DeconstructionSubpatterns.Any(sub => HasRelational(sub, nested)) ||
            recursive.PropertySubpatterns.Any(sub => HasRelational(sub.Pattern, nested)),
        _ => false,
    };

    /// <summary>A bar that is itself reassigned from a score (<c>best = s</c>) is a best-so-far, not a threshold.</summary>
    private static bool MovesInLoop(IOperation bar, IOperation root)
    {
        if (Storage(bar) is not var (symbol, element))
            return false;
        foreach (var operation in root.Descendants())
        {
            if (operation is ISimpleAssignmentOperation assignment && Storage(assignment.Target) is var (written, writtenElement) &&
                SymbolEqualityComparer.Default.Equals(written, symbol) &&
                (element is null || writtenElement is null || SymbolEqualityComparer.Default.Equals(writtenElement, element)) &&
                LinqShapes.Unwrap(assignment.Value) is not ILiteralOperation)
            {
                for (var parent = assignment.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is ILoopOperation)
                        return true;
                }
            }
        }
        return false;
    }

    /// <summary>Where a bar is kept: a local; a field or auto-property of this object (or a static one), <c>_top</c>; or one
    /// element of a tuple local, <c>best.Sim</c> or <c>best.Item2</c> (the local, and the element's underlying field, so
    /// that the whole tuple written, <c>best = (c, s)</c>, writes it too). Null for anything else.</summary>
    private static (ISymbol Symbol, ISymbol? Element)? Storage(IOperation operation) => LinqShapes.Unwrap(operation) switch
    {
        ILocalReferenceOperation local => (local.Local, null),
        IFieldReferenceOperation { Field: { ContainingType.IsTupleType: true } element, Instance: ILocalReferenceOperation tuple } =>
            (tuple.Local, element.CorrespondingTupleField ?? element),
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => (field.Field, null),
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true } property => (property.Property, null),
        _ => null,
    };

    /// <summary>Does the comparison decide whether a compared candidate is used? The comparison's value on which the
    /// candidate is admitted (true for <c>sim &gt;= 0.9 ? other : user</c>, false for <c>if (sim &lt; 0.8) return
    /// null;</c> before a use), or null when it decides nothing.</summary>
    private static bool? Decides(IOperation comparison, ScoreLocals.Score score, Body body)
    {
        if (SideChannels.IsInside(comparison))
            return null;
        var pair = new ComparedPair(comparison, score, body);
        return pair.Profiles.Count > 0 ? DecidesFrom(comparison, pair, throughLocal: true) : null;
    }

    /// <summary>Walks up from a test through <c>!</c>, <c>&amp;&amp;</c>, <c>||</c> and parentheses to the branch it
    /// decides, and gives the test's value on which that branch admits a candidate (null: none). A test kept in a
    /// <c>bool</c> local first (<c>var close = similarity &gt; bar; if (close) …</c>) decides wherever that local does —
    /// followed one local deep. A test joined by <c>&amp;&amp;</c> to a band check of the same pair decides nothing the
    /// check does not: <c>Classify(u, c) == Moderate &amp;&amp; similarity &gt; 0.5</c> admits no near-twin, whatever
    /// the bar — unless the check's answer on that way is known not to be the safe one (<c>!v.IsSafe &amp;&amp; …</c>).</summary>
    private static bool? DecidesFrom(IOperation test, ComparedPair pair, bool throughLocal)
    {
        var body = pair.Body;
        var negated = false;
        IOperation current = test;
        for (var parent = current.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both
                    when PassesCheckOfPair(both.LeftOperand == current ? both.RightOperand : both.LeftOperand, pair):
                    return null;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                    negated = !negated;
                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                case IConversionOperation:
                case IParenthesizedOperation:
                    continue;
                // close == true, far == false, close is true, close is not false: the test's answer, maybe turned round.
                case IBinaryOperation or IIsPatternOperation when BandTests.AnswerTested(parent, out var keeps) == current:
                    negated ^= !keeps;
                    continue;
                case ISwitchExpressionOperation @switch when @switch.Value == current:
                    return Flipped(DecidesBoolArms(@switch, pair), negated);
                case IConditionalOperation conditional when conditional.Condition == current:
                    return Flipped(DecidesBranches(conditional, pair), negated);
                case IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation @switch } section } clause when clause.Guard == current:
                    return Flipped(DecidesGuardedArm(@switch.Cases, section, static section => section.Body, pair), negated);
                case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation @switch } arm when arm.Guard == current:
                    return Flipped(DecidesGuardedArm(@switch.Arms, arm, static arm => ImmutableArray.Create(arm.Value), pair), negated);
                case IReturnOperation when parent.Parent?.Parent is IAnonymousFunctionOperation lambda:
                    return IsProfileFilter(lambda, pair.Profiles, body.Symbols, body.Root, out var filter) &&
                           !SurvivorsNeedNoBar(filter, body.Root, body.Symbols, body.Options, throughLocal: true)
                        ? Flipped(KeepsWhatPasses(filter), negated)
                        : null;
                case IReturnOperation when parent.Parent?.Parent is ILocalFunctionOperation function:
                    return IsNamedProfileFilter(function.Symbol, pair.Profiles, body.Symbols, body.Root, out var named) &&
                           !SurvivorsNeedNoBar(named, body.Root, body.Symbols, body.Options, throughLocal: true)
                        ? Flipped(KeepsWhatPasses(named), negated)
                        : null;
                case ILoopOperation loop when LoopCondition(loop) == current:
                    return Flipped(DecidesLoop(loop, pair), negated);
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when throughLocal:
                    return Flipped(DecidesThroughLocal(declarator.Symbol, pair), negated);
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when throughLocal && assignment.Value == current:
                    return Flipped(DecidesThroughLocal(local.Local, pair), negated);
                default:
                    return null;
            }
        }
        return null;
    }

    /// <summary><c>close switch { true =&gt; twin.Summary, _ =&gt; me.Summary }</c>: the bool's value on which the arm
    /// that uses the candidate runs (the first arm that matches each answer; a discard matches both). Null for an arm
    /// with a <c>when</c> clause or a pattern of another kind.</summary>
    private static bool? DecidesBoolArms(ISwitchExpressionOperation @switch, ComparedPair pair)
    {
        foreach (var profile in pair.Candidates)
        {
            var only = new List<ISymbol> { profile };
            bool? whenTrue = null, whenFalse = null;
            foreach (var arm in @switch.Arms)
            {
                if (arm.Guard is not null)
                    return null;
                var matches = arm.Pattern is IDiscardPatternOperation ? (bool?)null : BandTests.ConstantMatched(arm.Pattern);
                if (matches is null && arm.Pattern is not IDiscardPatternOperation)
                    return null;
                var uses = Uses(arm.Value, only, pair);
                if (matches != false)
                    whenTrue ??= uses;
                if (matches != true)
                    whenFalse ??= uses;
            }
            if (whenTrue is { } usedWhenTrue && whenFalse is { } usedWhenFalse && usedWhenTrue != usedWhenFalse && pair.UsedUnchecked(profile))
                return usedWhenTrue;
        }
        return null;
    }

    /// <summary>The test's value on which a candidate is admitted, from the value of what it sits in (under
    /// <c>!</c>: the other one). <c>&amp;&amp;</c> and <c>||</c> keep the sense of their operands.</summary>
    private static bool? Flipped(bool? admitsWhen, bool negated) => admitsWhen is { } admits ? admits != negated : null;

    /// <summary><c>RemoveAll</c> and <c>SkipWhile</c> drop the profiles their predicate holds for; the other filters keep
    /// them.</summary>
    private static bool KeepsWhatPasses(IInvocationOperation filter) => filter.TargetMethod.Name is not ("RemoveAll" or "SkipWhile");

    private static bool? DecidesThroughLocal(ILocalSymbol local, ComparedPair pair)
    {
        if (local.Type.SpecialType != SpecialType.System_Boolean)
            return null;
        foreach (var reference in OperationBlocks.ReadsOf(pair.Body.Root, local))
        {
            if (DecidesFrom(reference, pair, throughLocal: false) is { } admits)
                return admits;
        }
        return null;
    }

    /// <summary>A band check of the same pair beside the bar under <c>&amp;&amp;</c> (<see cref="ChecksPair"/>) whose
    /// true answer is not known to be an unsafe one: <c>v.IsSafe</c>, <c>Classify(u, c) == Moderate</c>, a vetting method
    /// of the user's own — not <c>!v.IsSafe</c> or <c>Classify(u, c) == NearMatch</c>, past which the bar decides about
    /// the very profiles the check turned down.</summary>
    private static bool PassesCheckOfPair(IOperation operand, ComparedPair pair) =>
        ChecksPair(operand, pair.Profiles, pair.Body.Symbols, pair.Body.Options, pair.Body.Scores) &&
        BandTests.SenseOf(operand, pair.Body.Symbols) is not (Sense.SafeWhenFalse or Sense.Neither);

    /// <summary>A band check of the same pair inside <paramref name="operation"/>: a check call given every profile the
    /// score compares (<c>Classify(user, other)</c> for <c>Similarity(user, other)</c>; not <c>Classify(user, user)</c>),
    /// or a verdict such a call gave (<c>verdict.IsSafe</c> after <c>var verdict = Assess(user, other)</c>).</summary>
    private static bool ChecksPair(IOperation operation, List<ISymbol> profiles, SubstitutionSymbols symbols, SubstitutionOptions options,
        ScoreLocals? scores = null)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is IInvocationOperation call && symbols.IsCheckMethod(call.TargetMethod, options) && MentionsAll(call, profiles))
                return true;
            if (descendant is ILocalReferenceOperation local && scores?.VerdictFrom(local.Local) is { } check && MentionsAll(check, profiles))
                return true;
        }
        return false;
    }

    private static bool MentionsAll(IOperation operation, List<ISymbol> profiles)
    {
        foreach (var profile in profiles)
        {
            if (!MentionsProfile(operation, profile))
                return false;
        }
        return true;
    }

    /// <summary><see cref="OperationBlocks.Mentions"/>, also of a field whose element is a candidate (<c>_pool[i]</c>).</summary>
    private static bool MentionsProfile(IOperation operation, ISymbol profile)
    {
        if (profile is not IFieldSymbol)
            return OperationBlocks.Mentions(operation, profile);
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is IFieldReferenceOperation field && SymbolEqualityComparer.Default.Equals(field.Field, profile))
                return true;
        }
        return false;
    }

    /// <summary>Some compared candidate is used on one way of the branch and not on the other, and not only past a band
    /// check of the pair: whether the way it is used on is the condition's true one; null when none is.</summary>
    private static bool? DecidesBranches(IConditionalOperation conditional, ComparedPair pair)
    {
        var symbols = pair.Body.Symbols;
        foreach (var profile in pair.Candidates)
        {
            var only = new List<ISymbol> { profile };
            var whenTrue = Uses(conditional.WhenTrue, only, pair);
            var whenFalse = false;
            if (conditional.WhenFalse is not null)
            {
                whenFalse = Uses(conditional.WhenFalse, only, pair);
            }
            else if (conditional.Parent is IBlockOperation block && AlwaysExits(conditional.WhenTrue))
            {
                // if (similarity < bar) return null; … the rest of the block runs only past the bar.
                var after = false;
                foreach (var statement in block.Operations)
                {
                    if (after)
                        whenFalse |= Uses(statement, only, pair);
                    after |= statement == conditional;
                }
            }
            if (whenTrue != whenFalse && pair.UsedUnchecked(profile))
                return whenTrue;
        }
        return null;
    }

    /// <summary>The condition a <c>for</c> or <c>while</c> loop tests before each run of its body; null for a
    /// <c>do</c>…<c>while</c>, whose body runs once before it, and a <c>foreach</c>.</summary>
    private static IOperation? LoopCondition(ILoopOperation loop) => loop switch
    {
        IForLoopOperation { Condition: { } condition } => condition,
        IWhileLoopOperation { ConditionIsTop: true, Condition: { } condition } => condition,
        _ => null,
    };

    /// <summary><c>for (var i = 0; i &lt; pool.Count &amp;&amp; Similarity(user, pool[i]) &gt; 0.8; i++) return pool[i].Summary;</c>:
    /// the loop's body runs only where its condition holds, the statements after the loop where it fails. Some compared
    /// candidate used on one of them and not on the other (and not only past a band check of the pair): whether it is
    /// the body; null when none is.</summary>
    private static bool? DecidesLoop(ILoopOperation loop, ComparedPair pair)
    {
        foreach (var profile in pair.Candidates)
        {
            var only = new List<ISymbol> { profile };
            var whenTrue = Uses(loop.Body, only, pair);
            var whenFalse = false;
            if (loop.Parent is IBlockOperation block)
            {
                var after = false;
                foreach (var statement in block.Operations)
                {
                    if (after)
                        whenFalse |= Uses(statement, only, pair);
                    after |= statement == loop;
                }
            }
            if (whenTrue != whenFalse && pair.UsedUnchecked(profile))
                return whenTrue;
        }
        return null;
    }

    /// <summary><c>case "gold" when similarity &gt; 0.8: return candidate.Summary;</c> (or a switch expression's arm with
    /// a <c>when</c>): the guard decides between its arm and the arms after it, which run when it fails; it decides
    /// when some compared candidate is used on one side and not on the other (and not only past a band check of the
    /// pair). Whether the side it is used on is the guarded arm; null when none is.</summary>
    private static bool? DecidesGuardedArm<TArm>(ImmutableArray<TArm> arms, TArm guarded, System.Func<TArm, ImmutableArray<IOperation>> body,
        ComparedPair pair) where TArm : class, IOperation
    {
        foreach (var profile in pair.Candidates)
        {
            bool? whenTrue = null;
            var whenFalse = false;
            foreach (var arm in arms)
            {
                var only = StandingFor(profile, arm, pair.Body.Symbols);
                var uses = body(arm).Any(statement => Uses(statement, only, pair));
                if (whenTrue is not null)
                    whenFalse |= uses;
                else if (arm == guarded)
                    whenTrue = uses;
            }
            if (whenTrue is { } used && used != whenFalse && pair.UsedUnchecked(profile))
                return used;
        }
        return null;
    }

    /// <summary>The candidate, and where it is the value the switch tests, what the arm's pattern declares of it:
    /// <c>case { Profile: var p } when hit.Score &gt; 0.9: return p.Summary;</c> uses the hit.</summary>
    private static List<ISymbol> StandingFor(ISymbol candidate, IOperation arm, SubstitutionSymbols symbols)
    {
        var only = new List<ISymbol> { candidate };
        var (value, patterns) = arm switch
        {
            ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation expression } expressionArm =>
                (expression.Value, ImmutableArray.Create<IOperation>(expressionArm.Pattern)),
            ISwitchCaseOperation { Parent: ISwitchOperation statement } section => (statement.Value, ImmutableArray<IOperation>.CastUp(section.Clauses)),
            _ => (null, ImmutableArray<IOperation>.Empty),
        };
        if (value is null || !SymbolEqualityComparer.Default.Equals(ScoredProfiles.SymbolOf(value), candidate))
            return only;
        foreach (var pattern in patterns)
        {
            if (pattern is IPatternOperation or IPatternCaseClauseOperation)
                only.AddRange(ScoredProfiles.Of(pattern is IPatternCaseClauseOperation clause ? clause.Pattern : pattern, symbols));
        }
        return only;
    }

    private static bool AlwaysExits(IOperation operation)
    {
        var last = operation is IBlockOperation { Operations.Length: > 0 } block ? block.Operations[block.Operations.Length - 1] : operation;
        if (last is IExpressionStatementOperation { Operation: IThrowOperation })
            return true;
        return last is IReturnOperation or IBranchOperation or IThrowOperation;
    }

    /// <summary><c>pool.Where(c =&gt; Similarity(user, c) &gt;= 0.9)</c>: the predicate admits profiles.</summary>
    /// <remarks>The predicate may be kept in a local first — <c>Func&lt;Reader, bool&gt; close = c =&gt; …;</c> or an
    /// <c>Expression&lt;…&gt;</c> for a query provider — and handed to the filter by it.</remarks>
    private static bool IsProfileFilter(IAnonymousFunctionOperation lambda, List<ISymbol> profiles, SubstitutionSymbols symbols, IOperation root,
        out IInvocationOperation filter)
    {
        filter = null!;
        if (lambda.Symbol.Parameters.Length == 0 || !symbols.IsOrCarriesPersona(lambda.Symbol.Parameters[0].Type))
            return false;
        if (!profiles.Contains(lambda.Symbol.Parameters[0], SymbolEqualityComparer.Default))
            return false;
        var parent = lambda.Parent is IDelegateCreationOperation creation ? creation.Parent : lambda.Parent;
        while (parent is IConversionOperation)
            parent = parent.Parent;
        if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            foreach (var read in OperationBlocks.ReadsOf(root, declarator.Symbol))
            {
                if (LinqShapes.Parent(read, out _) is IArgumentOperation { Parent: IInvocationOperation byLocal } && Filters.Contains(byLocal.TargetMethod.Name))
                {
                    filter = byLocal;
                    return true;
                }
            }
            return false;
        }
        if (parent is not IArgumentOperation { Parent: IInvocationOperation invocation } || !Filters.Contains(invocation.TargetMethod.Name))
            return false;
        filter = invocation;
        return true;
    }

    /// <summary><c>pool.Where(IsClose)</c> with a local function <c>bool IsClose(Reader c) =&gt; Similarity(user, c) &gt;= 0.9;</c>:
    /// the predicate admits profiles, as the same lambda written in place would.</summary>
    private static bool IsNamedProfileFilter(IMethodSymbol function, List<ISymbol> profiles, SubstitutionSymbols symbols, IOperation root,
        out IInvocationOperation filter)
    {
        filter = null!;
        if (function.Parameters.Length == 0 || !symbols.IsOrCarriesPersona(function.Parameters[0].Type) ||
            !profiles.Contains(function.Parameters[0], SymbolEqualityComparer.Default))
            return false;
        foreach (var operation in root.Descendants())
        {
            if (operation is IMethodReferenceOperation { Parent: IDelegateCreationOperation creation } reference &&
                SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, function) &&
                LinqShapes.Parent(creation, out _) is IArgumentOperation { Parent: IInvocationOperation invocation } && Filters.Contains(invocation.TargetMethod.Name))
            {
                filter = invocation;
                return true;
            }
        }
        return false;
    }

    /// <summary>A filter whose survivors all go on to a band check — <c>SafestSubstitute(user, pool.Where(c =&gt;
    /// Similarity(user, c) &gt; 0.1))</c>, a later <c>.Where(c =&gt; Assess(user, c).IsSafe)</c> — or are only counted
    /// (<c>.Count()</c>, <c>.Any()</c>), also through further collection operators or one local: the bar then only
    /// narrows a shortlist the check decides from, or measures; it admits no profile on its own.</summary>
    private static bool SurvivorsNeedNoBar(IInvocationOperation filter, IOperation root, SubstitutionSymbols symbols, SubstitutionOptions options,
        bool throughLocal)
    {
        if (filter.TargetMethod.Name is not ("Where" or "FindAll"))
            return false; // First(c => …) picks a profile by the bar itself
        IOperation current = filter;
        while (true)
        {
            var parent = LinqShapes.Parent(current, out var child);
            // (from c in pool … select c).Where(…): the query's value is its last call's.
            while (parent is ITranslatedQueryOperation query)
                parent = LinqShapes.Parent(query, out child);
            var next = parent switch
            {
                IArgumentOperation { Parent: IInvocationOperation call } when LinqShapes.Source(call) == child => call,
                IInvocationOperation call when call.Instance == child => call,
                _ => null,
            };
            if (parent is IArgumentOperation { Parent: IInvocationOperation checkCall } && symbols.IsCheckMethod(checkCall.TargetMethod, options))
                return true;
            if (next is not null)
            {
                if (ChecksOrCounts(next, symbols, options))
                    return true;
                // await query.Where(…).ToListAsync(): EF Core's (or async LINQ's) ToList, once awaited.
                if (LinqShapes.IsAwaitedPassThrough(next.TargetMethod.Name))
                {
                    if (AwaitOf(next) is not { } awaited)
                        return false;
                    current = awaited;
                    continue;
                }
                if (!LinqShapes.IsPassThrough(next.TargetMethod.Name) && !LinqShapes.SelectsElementProfile(next, symbols))
                    return false;
                current = next;
                continue;
            }
            if (!throughLocal || parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                return false;
            var any = false;
            foreach (var read in OperationBlocks.ReadsOf(root, declarator.Symbol))
            {
                if (!ReadNeedsNoBar(read, symbols, options))
                    return false;
                any = true;
            }
            return any;
        }
    }

    /// <summary>The <c>await</c> of the call's task, also through <c>.ConfigureAwait(…)</c>; null when it is not awaited
    /// there.</summary>
    private static IAwaitOperation? AwaitOf(IInvocationOperation call)
    {
        IOperation current = call;
        while (true)
        {
            switch (LinqShapes.Parent(current, out var child))
            {
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configured when configured.Instance == child:
                    current = configured;
                    continue;
                case IAwaitOperation awaited:
                    return awaited;
                default:
                    return null;
            }
        }
    }

    /// <summary>A read of the shortlist local: handed to a band check, band-checked by a filter, or only counted.</summary>
    private static bool ReadNeedsNoBar(IOperation read, SubstitutionSymbols symbols, SubstitutionOptions options)
    {
        var parent = LinqShapes.Parent(read, out var child);
        if (parent is IArgumentOperation { Parent: IInvocationOperation call })
            return symbols.IsCheckMethod(call.TargetMethod, options) || LinqShapes.Source(call) == child && ChecksOrCounts(call, symbols, options);
        if (parent is IInvocationOperation instanceCall && instanceCall.Instance == child)
            return ChecksOrCounts(instanceCall, symbols, options);
        return parent is IPropertyReferenceOperation { Property.Name: "Count" or "Length" } property && property.Instance == child;
    }

    /// <summary>A call on the shortlist that band-checks each profile or only counts them.</summary>
    private static bool ChecksOrCounts(IInvocationOperation call, SubstitutionSymbols symbols, SubstitutionOptions options) =>
        IsCheckingFilter(call, symbols, options) || LinqShapes.IsObserver(call.TargetMethod.Name);

    /// <summary><c>.Where(c =&gt; Assess(user, c).IsSafe)</c>: a filter whose predicate band-checks its element.</summary>
    private static bool IsCheckingFilter(IInvocationOperation invocation, SubstitutionSymbols symbols, SubstitutionOptions options) =>
        Filters.Contains(invocation.TargetMethod.Name) &&
        OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(invocation), out var lambda, out _) &&
        lambda.Symbol.Parameters.Length > 0 &&
        ChecksPair(lambda.Body, new List<ISymbol> { lambda.Symbol.Parameters[0] }, symbols, options);

    /// <summary>The operation reads one of the compared profiles for something other than a log line, a null test or
    /// another score.</summary>
    private static bool Uses(IOperation? operation, List<ISymbol> profiles, ComparedPair pair)
    {
        if (operation is null)
            return false;
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (IsUse(descendant, profiles, pair))
                return true;
        }
        return false;
    }

    /// <summary>The operation is a read of one of the compared profiles that <see cref="Uses"/> counts: of an element
    /// candidate (<c>pool[i]</c>), a read of the same element.</summary>
    private static bool IsUse(IOperation operation, List<ISymbol> profiles, ComparedPair pair)
    {
        var symbols = pair.Body.Symbols;
        var symbol = operation switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            // The collection of an element candidate (`_pool[i]`).
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        if (symbol is null || !profiles.Contains(symbol, SymbolEqualityComparer.Default) || SideChannels.IsInside(operation) ||
            pair.CandidateRead(operation, symbol) is not { } read)
            return false;
        var parent = LinqShapes.Parent(read, out _);
        if (parent is IIsPatternOperation or IBinaryOperation)
            return false;
        if (parent is IMemberReferenceOperation member && symbols.IsPersonaKey(member.Member))
            return false;
        return !(parent is IArgumentOperation { Parent: IInvocationOperation call } && SimilarityScores.IsScoreMethod(call.TargetMethod, symbols));
    }

    private static bool IsCheckImplementation(ISymbol owner, SubstitutionSymbols symbols, OperationBlockAnalysisContext context)
    {
        if (WellKnownTypeNames.IsGuardName(owner.ContainingType))
            return true;
        if (owner is IMethodSymbol method && context.OperationBlocks.Length > 0)
        {
            var options = SubstitutionOptions.For(context.Options, context.OperationBlocks[0].Syntax.SyntaxTree);
            return symbols.IsCheckMethod(method, options);
        }
        return false;
    }

    /// <summary>Reports the comparison; <paramref name="admitsWhenHolds"/> says whether the candidate is used where it
    /// holds (<c>sim &gt;= 0.9 ? other : user</c>) or where it fails (<c>if (sim &gt; 0.95) return user; return other;</c>):
    /// the message names what the bar lets through.</summary>
    private static void Report(OperationBlockAnalysisContext context, IOperation comparison, ScoreLocals.Score score, IOperation scoreOperand,
        IOperation bar, string side, bool admitsWhenHolds, Body body, bool? holdsAbove = null)
    {
        var symbols = body.Symbols;
        INamedTypeSymbol? persona = null;
        foreach (var profile in ScoredProfiles.Of(score.Expression, symbols, body.Root))
        {
            var type = profile switch { ILocalSymbol l => l.Type, IParameterSymbol p => p.Type, _ => null };
            // hit.Score: the profile is the one the hit carries beside its score.
            persona ??= symbols.PersonaOf(type, out _) ?? symbols.CarriedPersona(type);
        }
        var properties = SubstitutionDiagnostics.PersonaProperties(persona);
        properties[SubstitutionProperties.ScoreOperand] = side;
        properties[SubstitutionProperties.IsDistance] = score.IsDistance ? "true" : "false";
        properties[SubstitutionProperties.AdmitsWhenHolds] = admitsWhenHolds ? "true" : "false";
        context.ReportDiagnostic(Diagnostic.Create(SubstitutionDescriptors.RawThreshold, comparison.Syntax.GetLocation(),
            new[] { scoreOperand.Syntax.GetLocation(), bar.Syntax.GetLocation() }, properties.ToImmutable(),
            SubstitutionDiagnostics.Shorten(comparison.Syntax.ToString()),
            ((holdsAbove ?? HoldsForTheClosest(comparison, side == "Left")) != score.IsDistance) == admitsWhenHolds
                ? "a high threshold admits exactly the near-twins that do the most harm"
                : "a raw cut-off cannot tell a near-twin, the most harmful substitute, from a moderately similar profile as the calibrated bands do"));
    }

    /// <summary>Whether the comparison holds for the higher values of the score (<c>similarity &gt;= 0.9</c>,
    /// <c>0.9 &lt; similarity</c>, <c>is &gt; 0.9</c>) — the usual bar that lets the closest candidates through; false for
    /// an upper bar or a range (<c>similarity &lt; 0.9</c>, <c>is &gt; 0.4 and &lt; 0.8</c>), whose message does not claim
    /// that.</summary>
    private static bool HoldsForTheClosest(IOperation comparison, bool scoreOnLeft) => comparison switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual } => scoreOnLeft,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual } => !scoreOnLeft,
        IIsPatternOperation { Pattern: var pattern } => HoldsAbove(pattern),
        IPatternOperation pattern => HoldsAbove(pattern),
        _ => false,
    };

    private static bool HoldsAbove(IPatternOperation pattern) =>
        pattern is IRelationalPatternOperation { OperatorKind: BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual };
}
