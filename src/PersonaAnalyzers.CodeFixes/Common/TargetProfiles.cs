using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Finds the profile a substitute stands in for. First the profile it was looked up for: the persona-typed
/// argument of the call that produced it (<c>_index.FindNearest(user)</c>, through <c>await</c>, <c>[0]</c>, an element of <c>Task.WhenAll</c>,
/// <c>.First()</c> and one local), when exactly one argument is a profile and it is a name or member chain that is not
/// itself a substitute. Then a parameter or local of the persona type, in scope and assigned before the edit, that is not
/// itself a substitute and is not known to be null there (a cold-start <c>if (own is null)</c> branch). Among those,
/// best first: names that say whose profile it is (own, partial, target, user…), then the nearest declaration.</summary>
internal static class TargetProfiles
{
    private static readonly string[] OwnWords = { "partial", "own", "target", "user", "self", "current", "viewer", "reader", "customer", "member", "me", "profile" };

    /// <summary>How many of the best targets a fix tries before it gives up.</summary>
    private const int MaxTried = 3;

    /// <summary>Edits with the best few targets in turn (<see cref="Find"/>); the first edit that compiles without new
    /// problems is the fix. Null when none does, or when <paramref name="edit"/> declines every target (null).</summary>
    public static async Task<Document?> FirstFixAsync(Document document, SemanticModel model, SyntaxNode at, INamedTypeSymbol persona,
        CancellationToken cancellationToken, Func<ExpressionSyntax, SyntaxNode?> edit, SyntaxNode? substitute = null)
    {
        foreach (var target in Find(document, model, at, persona, cancellationToken, substitute).Take(MaxTried))
        {
            if (edit(target) is { } newRoot &&
                await FinishedDocument.CreateAsync(document, newRoot, cancellationToken).ConfigureAwait(false) is { } result)
                return result;
        }
        return null;
    }

    /// <summary>The target expressions, best first (names and member chains, without trivia).</summary>
    public static IReadOnlyList<ExpressionSyntax> Find(Document document, SemanticModel model, SyntaxNode at, INamedTypeSymbol persona, CancellationToken cancellationToken,
        SyntaxNode? substitute = null)
    {
        var symbols = SubstitutionSymbols.For(model.Compilation);
        if (symbols is null)
            return Array.Empty<ExpressionSyntax>();
        var options = SubstitutionOptions.For(document.Project.AnalyzerOptions, at.SyntaxTree);
        var function = Fallbacks.ContainingFunction(at);
        var found = new List<(ISymbol Symbol, int Score)>();
        foreach (var symbol in model.LookupSymbols(at.SpanStart))
        {
            var type = symbol switch
            {
                IParameterSymbol { RefKind: not RefKind.Out } parameter => parameter.Type,
                ILocalSymbol local => local.Type,
                _ => null,
            };
            if (type is null || !IsPersona(type, persona) || !IsCandidate(model, symbol, at, function, symbols, options, cancellationToken))
                continue;
            found.Add((symbol, Score(symbol, at) + (substitute is not null && Mentions(substitute, symbol.Name) ? 1_000_000_000 : 0)));
        }
        var targets = found.OrderByDescending(f => f.Score).Select(f => (ExpressionSyntax)IdentifierName(f.Symbol.Name)).ToList();
        if (substitute is null)
            return targets;
        // twins[i] of Task.WhenAll(FindNearestAsync(user), FindNearestAsync(guest)): any profile in scope may be the wrong one.
        if (!TryLookedUpFor(model, substitute, persona, cancellationToken, out var argument))
            return Array.Empty<ExpressionSyntax>();
        if (argument is not null && IsTargetArgument(model, argument, at, function, symbols, options, cancellationToken))
        {
            targets.RemoveAll(t => SyntaxFactory.AreEquivalent(t, argument));
            targets.Insert(0, argument.WithoutTrivia());
        }
        return targets;
    }

    private static bool IsCandidate(SemanticModel model, ISymbol symbol, SyntaxNode at, SyntaxNode? function, SubstitutionSymbols symbols, SubstitutionOptions options,
        CancellationToken cancellationToken)
    {
        if (symbol is ILocalSymbol && !DeclaredBefore(symbol, at, cancellationToken))
            return false;
        if (symbol is ILocalSymbol && IsSubstitute(model, symbol, function, symbols, options, cancellationToken))
            return false;
        return !KnownNull(symbol.Name, at);
    }

    /// <summary>The persona-typed argument of the call the substitute comes from: <c>index.FindNearest(user)</c>,
    /// <c>await index.FindNearestAsync(user)</c>, <c>index.NearestNeighbours(user, 5)[0]</c>, <c>….First()</c>, or a
    /// local initialised so; for an element of lookups awaited together
    /// (<c>twins[1]</c> of <c>await Task.WhenAll(FindNearestAsync(user), FindNearestAsync(guest))</c>) the argument of
    /// that element's own lookup. Null when no call is found or more than one argument is a profile. False when the
    /// substitute comes from one of several lookups awaited together and which one cannot be told (<c>twins[i]</c>).</summary>
    private static bool TryLookedUpFor(SemanticModel model, SyntaxNode substitute, INamedTypeSymbol persona, CancellationToken cancellationToken,
        out ExpressionSyntax? argument)
    {
        argument = null;
        var expression = substitute as ExpressionSyntax;
        var followedLocal = false;
        // The constant index of the element taken last, for the Task.WhenAll whose results it indexes.
        int? element = null;
        while (expression is not null)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case AwaitExpressionSyntax awaited:
                    expression = awaited.Expression;
                    break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } forgiven:
                    expression = forgiven.Operand;
                    break;
                case ElementAccessExpressionSyntax access:
                    element = access.ArgumentList.Arguments is [{ Expression: var index }] &&
                              model.GetConstantValue(index, cancellationToken) is { HasValue: true, Value: int constant } ? constant : null;
                    expression = access.Expression;
                    break;
                case MemberAccessExpressionSyntax member:
                    element = null;
                    expression = member.Expression;
                    break;
                case InvocationExpressionSyntax call when ListedTasks(model, call, cancellationToken) is { } tasks:
                    // twins[1]: the element's own lookup; twins[i], a loop over them: any of them.
                    var own = tasks.Count == 1 ? 0 : element is { } taken && taken >= 0 && taken < tasks.Count ? taken : -1;
                    return own >= 0 && TryLookedUpFor(model, tasks[own], persona, cancellationToken, out argument);
                case InvocationExpressionSyntax call:
                    var profiles = call.ArgumentList.Arguments
                        .Where(a => a.RefKindKeyword.IsKind(SyntaxKind.None) && IsPersona(model.GetTypeInfo(a.Expression, cancellationToken).Type, persona))
                        .ToList();
                    if (profiles.Count > 0)
                    {
                        argument = profiles.Count == 1 ? profiles[0].Expression : null;
                        return true;
                    }
                    // Task.Run(() => index.FindNearest(guest)): the lookup the pool runs.
                    element = null;
                    expression = PoolWork(model, call, cancellationToken) ??
                                 (call.Expression is MemberAccessExpressionSyntax receiver ? receiver.Expression : null);
                    break;
                case IdentifierNameSyntax name when !followedLocal &&
                    model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol local &&
                    local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var value }:
                    followedLocal = true;
                    expression = value;
                    break;
                default:
                    return true;
            }
        }
        return true;
    }

    /// <summary>The tasks listed in <c>Task.WhenAll(a, b, …)</c>, whose results come back in that order; null for any
    /// other call, and for a <c>Task.WhenAll</c> of one collection of tasks.</summary>
    private static IReadOnlyList<ExpressionSyntax>? ListedTasks(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method || !LinqShapes.IsTaskMethod(method, "WhenAll"))
            return null;
        var tasks = call.ArgumentList.Arguments.Select(a => a.Expression).ToList();
        return tasks.Count > 0 && tasks.All(t => model.GetTypeInfo(t, cancellationToken).Type is INamedTypeSymbol { Name: "Task", IsGenericType: true })
            ? tasks
            : null;
    }

    /// <summary>The expression an expression-bodied lambda run on the thread pool computes (<c>Task.Run(() =&gt; …)</c>,
    /// <c>Task.Factory.StartNew(…)</c>; through <c>async () =&gt; await …</c> as well); null for any other call.</summary>
    private static ExpressionSyntax? PoolWork(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken) =>
        call.ArgumentList.Arguments is [{ Expression: LambdaExpressionSyntax { ExpressionBody: { } body } }, ..] &&
        model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method && SubstituteSources.IsPoolStart(method)
            ? body
            : null;

    /// <summary>The argument can stand for the target at the edit: a name or member chain (it reads the same there), not a
    /// substitute itself, assigned and not known to be null.</summary>
    private static bool IsTargetArgument(SemanticModel model, ExpressionSyntax argument, SyntaxNode at, SyntaxNode? function, SubstitutionSymbols symbols,
        SubstitutionOptions options, CancellationToken cancellationToken)
    {
        if (!Syntax.IsStable(argument) || argument is ThisExpressionSyntax)
            return false;
        return model.GetSymbolInfo(argument, cancellationToken).Symbol switch
        {
            ILocalSymbol local => IsCandidate(model, local, at, function, symbols, options, cancellationToken),
            IParameterSymbol { RefKind: not RefKind.Out } parameter => IsCandidate(model, parameter, at, function, symbols, options, cancellationToken),
            IFieldSymbol or IPropertySymbol => !ObtainsSubstitute(model, argument, symbols, options, cancellationToken) &&
                                               model.GetTypeInfo(argument, cancellationToken).Nullability.FlowState != NullableFlowState.MaybeNull,
            _ => false,
        };
    }

    private static bool IsPersona(ITypeSymbol? type, INamedTypeSymbol persona)
    {
        if (type is null || type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
            return false;
        return SymbolEqualityComparer.Default.Equals(type.WithNullableAnnotation(NullableAnnotation.None), persona.WithNullableAnnotation(NullableAnnotation.None));
    }

    /// <summary>The profile the substitute was looked up for (<c>index.Lookalike(partner)</c>) is the one it stands in for.</summary>
    private static bool Mentions(SyntaxNode substitute, string name) =>
        substitute.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id => id.Identifier.ValueText == name);

    private static int Score(ISymbol symbol, SyntaxNode at)
    {
        var name = symbol.Name.ToLowerInvariant();
        var score = OwnWords.Select((word, i) => name.Contains(word) ? 100 - i : 0).Max();
        // Among equals, the nearest declaration: a local narrowed from the user's profile beats the raw parameter.
        var declared = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.Span.Start ?? 0;
        return score * 100_000 + Math.Min(declared, 99_999) * (symbol is ILocalSymbol ? 1 : 0);
    }

    private static bool DeclaredBefore(ISymbol local, SyntaxNode at, CancellationToken cancellationToken)
    {
        var reference = local.DeclaringSyntaxReferences.FirstOrDefault();
        if (reference is null || reference.SyntaxTree != at.SyntaxTree)
            return false;
        var declaration = reference.GetSyntax(cancellationToken);
        if (declaration is CommonForEachStatementSyntax loop)
            return loop.Statement.Span.Contains(at.Span);
        if (declaration.Span.End > at.SpanStart)
            return false;
        // Only locals that are assigned where they are declared (or are foreach/pattern variables) are surely assigned.
        return declaration switch
        {
            VariableDeclaratorSyntax declarator => declarator.Initializer is not null,
            _ => true,
        };
    }

    /// <summary>True when any value the local is given obtains a substitute.</summary>
    private static bool IsSubstitute(SemanticModel model, ISymbol local, SyntaxNode? function, SubstitutionSymbols symbols, SubstitutionOptions options,
        CancellationToken cancellationToken)
    {
        var reference = local.DeclaringSyntaxReferences.FirstOrDefault();
        if (reference is null)
            return false;
        var values = new List<SyntaxNode>();
        switch (reference.GetSyntax(cancellationToken))
        {
            case VariableDeclaratorSyntax { Initializer: { } initializer }:
                values.Add(initializer.Value);
                break;
            case ForEachStatementSyntax forEach:
                values.Add(forEach.Expression);
                break;
            case SingleVariableDesignationSyntax designation:
                values.Add(designation.Parent?.Parent ?? designation);
                break;
        }
        if (function is not null)
        {
            foreach (var assignment in function.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (assignment.Left is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name &&
                    SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
                    values.Add(assignment.Right);
            }
        }
        foreach (var value in values)
        {
            if (ObtainsSubstitute(model, value, symbols, options, cancellationToken))
                return true;
        }
        return false;
    }

    private static bool ObtainsSubstitute(SemanticModel model, SyntaxNode value, SubstitutionSymbols symbols, SubstitutionOptions options,
        CancellationToken cancellationToken)
    {
        foreach (var node in value.DescendantNodesAndSelf(n => n is not AnonymousFunctionExpressionSyntax))
        {
            if (node is not (InvocationExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax or AwaitExpressionSyntax or ElementAccessExpressionSyntax))
                continue;
            var operation = model.GetOperation(node, cancellationToken);
            if (operation is null)
                continue;
            if (operation is IInvocationOperation or IPropertyReferenceOperation or IFieldReferenceOperation or IAwaitOperation &&
                SubstituteSources.TryGetDirect(operation, symbols, options) is not null)
                return true;
            // An element of a substitute collection local: neighbours[0], neighbours.First().
            if (operation is ILocalReferenceOperation other && symbols.PersonaOf(other.Type, out var isCollection) is not null && isCollection)
                return true;
        }
        return false;
    }

    /// <summary>True when <paramref name="at"/> sits where <paramref name="name"/> was just found to be null:
    /// in <c>if (name is null) { … }</c> (or the else of a not-null test), or after <c>if (name is not null) return …;</c>.</summary>
    private static bool KnownNull(string name, SyntaxNode at)
    {
        for (SyntaxNode? child = at, parent = at.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IfStatementSyntax branch)
            {
                if (branch.Statement == child && TestsNull(branch.Condition, name, isNull: true))
                    return true;
                if (branch.Else?.Statement == child || branch.Else == child)
                {
                    if (TestsNull(branch.Condition, name, isNull: false))
                        return true;
                }
            }
            if (parent is BlockSyntax block && child is StatementSyntax statement)
            {
                foreach (var earlier in block.Statements.TakeWhile(s => s != statement))
                {
                    if (earlier is IfStatementSyntax { Else: null } exit && TestsNull(exit.Condition, name, isNull: false) && Statements.Leaves(exit.Statement))
                        return true;
                }
            }
            if (parent is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                break;
        }
        return false;
    }

    private static bool TestsNull(ExpressionSyntax condition, string name, bool isNull)
    {
        condition = Syntax.Unparenthesized(condition);
        switch (condition)
        {
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
            {
                var equals = binary.IsKind(SyntaxKind.EqualsExpression);
                var comparesName = Syntax.IsName(binary.Left, name) && IsNull(binary.Right) || Syntax.IsName(binary.Right, name) && IsNull(binary.Left);
                return comparesName && equals == isNull;
            }
            case IsPatternExpressionSyntax pattern when Syntax.IsName(pattern.Expression, name):
                return pattern.Pattern switch
                {
                    ConstantPatternSyntax constant when IsNull(constant.Expression) => isNull,
                    UnaryPatternSyntax { Pattern: ConstantPatternSyntax constant } when IsNull(constant.Expression) => !isNull,
                    RecursivePatternSyntax => !isNull,
                    _ => false,
                };
            case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression) && isNull:
                return TestsNull(either.Left, name, true) || TestsNull(either.Right, name, true);
            case BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression) && !isNull:
                return TestsNull(both.Left, name, false) || TestsNull(both.Right, name, false);
            default:
                return false;
        }
    }

    private static bool IsNull(ExpressionSyntax expression) =>
        Syntax.Unparenthesized(expression).Kind() is SyntaxKind.NullLiteralExpression or SyntaxKind.DefaultLiteralExpression;
}
