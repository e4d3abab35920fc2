using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Substitution;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA001: checks the substitute against the target user's own (or partial) profile with
/// <c>{T}Guard.TrySubstitute</c> before it is used, keeping the code as it was when the check passes. The shape
/// follows the construct:
/// <list type="bullet">
/// <item>a local declaration or a <c>foreach</c> variable: a guard statement after it
/// (<c>if (n is null || !Guard.TrySubstitute(user, n, out _)) return user;</c>, <c>continue;</c> in a loop), or the
/// check added to the programmer's own null check there — one that leaves, or an <c>if (n is not null)</c> around the
/// last use (see <see cref="ExistingNullCheck"/>);</item>
/// <item>either side of <c>??</c>: a conditional that keeps the substitute only when it passes (on the left, with the
/// fallback the code already had for a missing one);</item>
/// <item>a return, an argument, an assignment, an expression body: the substitute moves into a local, checked as
/// above;</item>
/// <item>a property's expression body: the conditional in place, as on the left of <c>??</c>;</item>
/// <item>a nullable (profile, score) tuple: the check of its profile (<see cref="NullableTupleCheck"/>);</item>
/// <item>an <c>out</c> argument: the check joins the decision the call's result makes (<see cref="OutArgumentCheck"/>).</item>
/// </list></summary>
internal sealed class InsertBandCheckFix : PersonaFix
{
    public override string EquivalenceKey => "PERSONA001.InsertBandCheck";

    public override string Title(Diagnostic diagnostic) => "Check the substitute with the guard's TrySubstitute before using it";

    public override async Task<Document?> ApplyAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Properties.TryGetValue(SubstitutionProperties.IsCollection, out var collection) && collection == "true")
            return null;
        if (await GuardRewrite.PrepareAsync(document, diagnostic, "TrySubstitute", cancellationToken).ConfigureAwait(false) is not { } rewrite)
            return null;
        var (model, root, types) = (rewrite.Model, rewrite.Root, rewrite.Types);
        var holder = HolderName(node, model, types.Persona, cancellationToken);
        // if (twin != null && Similarity(user, twin) > 0.9): PERSONA003's fix turns that bar into the check.
        if (await RawBars.DecideAsync(document, node, holder, cancellationToken).ConfigureAwait(false))
            return null;
        // if (n is not null) Guard.Classify(user, n);: PERSONA004's fix branches on that call.
        if (await DiscardedChecks.DecideAsync(document, model, node, holder, cancellationToken).ConfigureAwait(false))
            return null;
        // index.NearestNeighbours(user, 10).MaxBy(c => Similarity(user, c)), or a best-so-far loop over the substitutes:
        // PERSONA002's fix puts the guard's pick there.
        if (node is ExpressionSyntax or ForEachStatementSyntax && await HighestSimilarityPicks.ChoseAsync(document, model, node, cancellationToken).ConfigureAwait(false))
            return null;
        var canBeNull = !types.Persona.IsValueType;

        if (node is ForEachStatementSyntax forEach)
            return await TryTargetsAsync(document, model, forEach.Statement, types, cancellationToken,
                target => GuardLoopVariable(root, model, forEach, types, target, canBeNull, cancellationToken), forEach.Expression).ConfigureAwait(false);

        // while (queue.TryDequeue(out var n)): an element taken by an out argument is reported on its variable.
        if (node is SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword } declaredBy } })
            node = declaredBy;
        // TryFindNearest(user, out var twin), profiles.TryGetValue(id, out var twin): the check joins the call's decision.
        if (node is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword } outArgument)
            return OutArgumentCheck.NameOf(outArgument) is { } outName
                ? await TryTargetsAsync(document, model, outArgument, types, cancellationToken,
                    target => OutArgumentCheck.Apply(root, model, outArgument, outName, types, target, canBeNull, cancellationToken), outArgument).ConfigureAwait(false)
                : null;
        if (node is ArgumentSyntax argument)
            node = argument.Expression;
        if (node is not ExpressionSyntax expression)
            return null;
        // var hit = index.MostSimilar(user);: a nullable (profile, score) tuple, or a hit record that may be null, is
        // checked by its profile.
        if (NullableTupleCheck.IsNullableHit(model, expression, types.Persona, out var isStruct, cancellationToken))
        {
            var checkedHit = await TryTargetsAsync(document, model, expression, types, cancellationToken,
                target => NullableTupleCheck.Apply(root, model, Outermost(expression), types, target, cancellationToken), expression).ConfigureAwait(false);
            // A hit record read otherwise (a pattern declaring its profile: `is { Profile: var twin }`) has fixes below;
            // a nullable struct has none.
            if (checkedHit is not null || isStruct)
                return checkedHit;
        }

        var outer = Outermost(expression);
        // cache.GetOrAdd(key, _ => index.FindNearest(user)); with the value thrown away: the cache has kept the factory's
        // substitute before anything here could check it — the check belongs inside the factory, which is the author's to
        // write (a guard on a hoisted value would only hide the report).
        if (IsThrownAway(model, outer, cancellationToken))
            return null;
        // An element picked from a collection of substitutes has a better fix than standing in the user's own profile:
        // the safest of them (UseSafestSubstituteFix).
        var ownInstead = !(diagnostic.Properties.TryGetValue(SubstitutionProperties.Construct, out var construct) && construct == "Element");
        // own ?? Lookalike(user), and twin ??= FindNearest(user): the substitute is kept only when it is safe.
        if (outer.Parent is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right == outer)
            return await TryTargetsAsync(document, model, coalesce, types, cancellationToken,
                target => KeepWhenSafe(root, model, coalesce, coalesce, outer, types, target, cancellationToken), outer).ConfigureAwait(false);
        // index.FindNearest(user) ?? throw …: the throw is the code's answer for no substitute, and an unsafe one is an
        // ordinary outcome, not that failure. The value, never null past the throw, is guarded as a local is.
        if (outer.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression, Right: ThrowExpressionSyntax } throwing && throwing.Left == outer)
        {
            if (throwing.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax thrownFor } &&
                thrownFor.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration } &&
                declaration.UsingKeyword.IsKind(SyntaxKind.None) && declaration.Parent is BlockSyntax or SwitchSectionSyntax)
                return await TryTargetsAsync(document, model, declaration, types, cancellationToken,
                    target => GuardAfter(root, model, declaration, thrownFor.Identifier.ValueText, types, target, canBeNull: false, ownInstead, cancellationToken), outer).ConfigureAwait(false);
            return StatementSite.Find(throwing) is { } throwSite
                ? await TryTargetsAsync(document, model, throwSite.Anchor, types, cancellationToken,
                    target => Hoist(root, model, throwSite, types, target, canBeNull: false, ownInstead, cancellationToken), outer).ConfigureAwait(false)
                : null;
        }
        // Lookalike(user) ?? user: what stands in for no substitute stands in for an unsafe one as well.
        if (outer.Parent is BinaryExpressionSyntax orElse && orElse.IsKind(SyntaxKind.CoalesceExpression) && orElse.Left == outer)
            return await TryTargetsAsync(document, model, orElse, types, cancellationToken,
                target => SafeOrElse(root, model, orElse, types, target), outer).ConfigureAwait(false);
        if (outer.Parent is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression) && assignment.Right == outer)
            return await TryTargetsAsync(document, model, assignment, types, cancellationToken,
                target => KeepWhenSafe(root, model, assignment, assignment.Left, outer, types, target, cancellationToken), outer).ConfigureAwait(false);
        // donor = index.FindNearest(c); into an out parameter, _donors[id] = …, new Report { Reference = … }: a slot that
        // holds null for no substitute holds null for an unsafe one too.
        if (canBeNull && outer.Parent is AssignmentExpressionSyntax
            {
                RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Parent: ExpressionStatementSyntax or InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression },
            } store &&
            store.Right == outer && NullableStore.KeepsMissing(model, store, cancellationToken))
            return await TryTargetsAsync(document, model, store, types, cancellationToken,
                target => InPlace(root, model, store, outer, types, target, LiteralExpression(SyntaxKind.NullLiteralExpression)), outer).ConfigureAwait(false);

        // Reader? n = null; … n = index.FindNearest(user);: a local assigned where every later read allows for a missing
        // one is made missing when unsafe, as the same lookup declared with `var n = …` is — standing the user's own
        // profile in would take the code's answer for no substitute away (probe 13b, repro 01).
        if (canBeNull && outer.Parent is AssignmentExpressionSyntax
            {
                RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax assigned, Parent: ExpressionStatementSyntax storeStatement,
            } localStore && localStore.Right == outer && model.GetSymbolInfo(assigned, cancellationToken).Symbol is ILocalSymbol assignedLocal)
        {
            var madeMissing = await TryTargetsAsync(document, model, storeStatement, types, cancellationToken,
                target => OwnMissingFallback.Guard(model, storeStatement, assignedLocal, isVar: false,
                    Syntax.TrySubstitute(types.Guard, model, storeStatement.SpanStart, target, IdentifierName(assignedLocal.Name)), cancellationToken) is { } makeMissing
                    ? OwnMissingFallback.IsEmbedded(storeStatement)
                        ? root.ReplaceNode(storeStatement, Block(storeStatement.WithoutTrivia(), makeMissing).WithTriviaFrom(storeStatement).Formatted())
                        : root.InsertNodesAfter(storeStatement, new[] { makeMissing })
                    : null, outer).ConfigureAwait(false);
            if (madeMissing is not null)
                return madeMissing;
        }

        // var (neighbour, similarity) = index.FindMostSimilar(user);: the profile it declares is guarded after it, as a local
        // is (probe 14b, repro 05).
        if (outer.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Parent: ExpressionStatementSyntax { Parent: BlockSyntax } deconstructing } deconstruction &&
            deconstruction.Right == outer && DeconstructedProfile(model, deconstruction.Left, types.Persona, cancellationToken) is { } profile)
            return await TryTargetsAsync(document, model, deconstructing, types, cancellationToken,
                target => GuardDeconstructed(root, model, deconstructing, profile, ElementMayBeNull(model, outer, types.Persona, cancellationToken), types, target, ownInstead),
                outer).ConfigureAwait(false);

        if (outer.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } &&
            declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax local } &&
            local.UsingKeyword.IsKind(SyntaxKind.None) && local.Parent is BlockSyntax or SwitchSectionSyntax)
            // A check of a dynamic local binds at run time, and the analyzer cannot count it: no fix that leaves the report.
            return model.GetTypeInfo(local.Declaration.Type, cancellationToken).Type?.TypeKind == TypeKind.Dynamic ? null : await TryTargetsAsync(document, model, local, types, cancellationToken,
                target => GuardAfter(root, model, local, declarator.Identifier.ValueText, types, target, canBeNull, ownInstead, cancellationToken), outer).ConfigureAwait(false);

        // if (index.FindNearest(user) is not { } twin) return …;: the check joins the test on twin.
        if (PatternDeclaredCheck.Find(outer, variable => model.GetDeclaredSymbol(variable, cancellationToken) is ILocalSymbol declared &&
                                                      SymbolEqualityComparer.Default.Equals(declared.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), types.Persona)) is var (test, condition, name, negated))
            return await TryTargetsAsync(document, model, test, types, cancellationToken,
                target => PatternDeclaredCheck.Join(root, test, condition, negated, Syntax.TrySubstitute(types.Guard, model, test.SpanStart, target, IdentifierName(name))), outer).ConfigureAwait(false);

        // public Reader? Mentor => index.FindNearest(Owner);: a property has no statement to put a guard in front of, so
        // the check goes in place — null for an unsafe substitute where the property may say "no one", else the target.
        if (outer.Parent is ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax or AccessorDeclarationSyntax { RawKind: (int)SyntaxKind.GetAccessorDeclaration } })
            return await TryTargetsAsync(document, model, outer, types, cancellationToken,
                target => KeepWhenSafe(root, model, outer, outer, outer, types, target, cancellationToken, MemberType(model, outer, cancellationToken)), outer)
                .ConfigureAwait(false);

        // while (n == null && tries++ < 3) n = index.FindNearest(c);: a guard inside the loop would look again for an
        // unsafe substitute as for a missing one; after the loop an unsafe one is made missing, as the loop leaves it.
        if (canBeNull && RetriedLookup(model, outer, cancellationToken) is var (loop, retried, isVar))
        {
            var afterLoop = await TryTargetsAsync(document, model, loop, types, cancellationToken,
                target => OwnMissingFallback.Guard(model, loop, retried, isVar,
                    Syntax.TrySubstitute(types.Guard, model, loop.SpanStart, target, IdentifierName(retried.Name)), cancellationToken) is { } makeMissing
                    ? root.InsertNodesAfter(loop, new[] { makeMissing })
                    : null, outer).ConfigureAwait(false);
            if (afterLoop is not null)
                return afterLoop;
        }

        var site = StatementSite.Find(outer);
        if (site is null)
            return null;
        return await TryTargetsAsync(document, model, site.Anchor, types, cancellationToken,
            target => Hoist(root, model, site, types, target, canBeNull, ownInstead, cancellationToken), outer).ConfigureAwait(false);
    }

    private static Task<Document?> TryTargetsAsync(Document document, SemanticModel model, SyntaxNode at, GuardTypes types,
        CancellationToken cancellationToken, System.Func<ExpressionSyntax, SyntaxNode?> edit, SyntaxNode? substitute = null) =>
        TargetProfiles.FirstFixAsync(document, model, at, types.Persona, cancellationToken, edit, substitute);

    /// <summary>A lookup assigned to a local in the body of a loop whose condition reads that local (a retry while it is
    /// missing): the loop, the local, and whether it is declared with <c>var</c>.</summary>
    private static (StatementSyntax Loop, ILocalSymbol Local, bool IsVar)? RetriedLookup(SemanticModel model, ExpressionSyntax lookup, CancellationToken cancellationToken)
    {
        if (lookup.Parent is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax assigned, Parent: ExpressionStatementSyntax statement } ||
            model.GetSymbolInfo(assigned, cancellationToken).Symbol is not ILocalSymbol local)
            return null;
        var loop = statement.Parent is BlockSyntax body ? body.Parent : statement.Parent;
        var condition = loop switch
        {
            WhileStatementSyntax whileLoop => whileLoop.Condition,
            DoStatementSyntax doLoop => doLoop.Condition,
            ForStatementSyntax forLoop => forLoop.Condition,
            _ => null,
        };
        if (condition is null || !Syntax.Mentions(condition, local.Name) ||
            local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration })
            return null;
        return ((StatementSyntax)loop!, local, declaration.Type.IsVar);
    }

    private static SyntaxNode? GuardLoopVariable(SyntaxNode root, SemanticModel model, ForEachStatementSyntax forEach, GuardTypes types, ExpressionSyntax target, bool canBeNull,
        CancellationToken cancellationToken)
    {
        var name = forEach.Identifier.ValueText;
        ExpressionSyntax candidate = IdentifierName(name);
        // The elements of an IReadOnlyList<Reader> (not Reader?) are not null under nullable annotations: no null test.
        if (NullStates.ElementsKnownNotNull(model, forEach, cancellationToken))
            canBeNull = false;
        // A pair or a search hit — (Reader Profile, double Score), VectorSearchResult<Reader> — is checked by its profile.
        if (model.GetDeclaredSymbol(forEach) is { Type: INamedTypeSymbol pair } && !HitScores.IsPersona(pair, types.Persona))
        {
            if (HitScores.ProfileMember(pair, types.Persona) is not { } profile)
                return null;
            candidate = MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, candidate, IdentifierName(profile));
            canBeNull &= pair.IsReferenceType;
        }
        var guard = IfStatement(
            Syntax.FailedCheck(Syntax.TrySubstitute(types.Guard, model, forEach.Statement.SpanStart, target, candidate), name, canBeNull),
            ContinueStatement()).Formatted();
        return root.ReplaceNode(forEach.Statement, Statements.Prepended(forEach.Statement, guard));
    }

    private static SyntaxNode? GuardAfter(SyntaxNode root, SemanticModel model, LocalDeclarationStatementSyntax local, string name, GuardTypes types,
        ExpressionSyntax target, bool canBeNull, bool ownInstead, CancellationToken cancellationToken)
    {
        var declared = local.Declaration.Variables[0];
        var check = Syntax.TrySubstitute(types.Guard, model, local.SpanStart, target, IdentifierName(name));
        // if (n is not null) cache[key] = n;  →  if (n is not null && Guard.TrySubstitute(t, n, out _)) …: no fallback needed.
        if (canBeNull && ExistingNullCheck.Around(local, name) is { } presence)
        {
            var joined = BinaryExpression(SyntaxKind.LogicalAndExpression, presence.WithoutTrivia(), check);
            return root.ReplaceNode(presence, joined.WithTriviaFrom(presence).Formatted());
        }
        var returnedNext = canBeNull ? ReturnOfCoalescedLocalAfter(local, name) : null;
        // return [twin?.Tone ?? user.Tone];: the code's own answer for a missing twin is kept for an unsafe one.
        if (canBeNull && returnedNext is null && OwnMissingFallback.Guard(model, local, check, cancellationToken) is { } makeMissing)
            return root.InsertNodesAfter(local, new[] { makeMissing });
        var fallback = Fallbacks.For(model, local, target, types.Persona) ??
                       (ownInstead ? Fallbacks.OwnProfileInstead(model, (model.GetDeclaredSymbol(declared) as ILocalSymbol)?.Type, name, target, types.Persona) : null);
        if (fallback is null)
            return null;
        // var donor = index.FallbackPersona(locale);: a value the compiler knows is there gets no null test of the guard's own.
        var mayBeNull = canBeNull && !(declared.Initializer is { } initializer && NullStates.KnownNotNull(model, initializer.Value, cancellationToken));
        if (canBeNull && ExistingNullCheck.After(local, name, fallback) is { } nullCheck)
        {
            return ExistingNullCheck.Extend(root, nullCheck, check, name);
        }
        // var twin = …; if (twin is null) throw …;  →  the guard after the throw, with no null test of its own.
        if (mayBeNull && ExistingNullCheck.LeavingAfter(local, name) is { } leaving)
            return root.InsertNodesAfter(leaving, new[] { IfStatement(Syntax.FailedCheck(check, name, canBeNull: false), fallback).Formatted() });
        // var twin = …; return twin ?? user;  →  if (… || !check) return user; return twin;: the code's own answer for no
        // substitute serves an unsafe one, and past the guard the substitute is there.
        if (returnedNext is { Expression: BinaryExpressionSyntax coalesce } && local.Parent is BlockSyntax block)
        {
            var own = IfStatement(Syntax.FailedCheck(check, name, mayBeNull), ReturnStatement(coalesce.Right.WithoutTrivia())).Formatted();
            var returned = returnedNext.WithExpression(IdentifierName(name).WithTriviaFrom(coalesce));
            return root.ReplaceNode(block, block.WithStatements(block.Statements.Replace(returnedNext, returned).Insert(block.Statements.IndexOf(local) + 1, own)));
        }
        var guard = IfStatement(Syntax.FailedCheck(check, name, mayBeNull), fallback).Formatted();
        if (mayBeNull && local.Parent is BlockSyntax guarded && model.GetDeclaredSymbol(declared, cancellationToken) is ILocalSymbol symbol &&
            WithoutDeadSuppressions(guarded, local, symbol, model, cancellationToken) is { } cleaned)
        {
            var at = guarded.Statements.IndexOf(local) + 1;
            return root.ReplaceNode(guarded, cleaned.WithStatements(cleaned.Statements.Insert(at, guard)));
        }
        return root.InsertNodesAfter(local, new[] { guard });
    }

    /// <summary>The one persona-typed local a deconstruction declares (<c>var (neighbour, similarity)</c>, <c>(Reader
    /// neighbour, double similarity)</c>); null when it declares none or several, or writes existing variables.</summary>
    private static ILocalSymbol? DeconstructedProfile(SemanticModel model, ExpressionSyntax declared, ITypeSymbol persona, CancellationToken cancellationToken)
    {
        ILocalSymbol? profile = null;
        foreach (var designation in declared.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>())
        {
            if (model.GetDeclaredSymbol(designation, cancellationToken) is not ILocalSymbol local ||
                !SymbolEqualityComparer.Default.Equals(local.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), persona))
                continue;
            if (profile is not null)
                return null;
            profile = local;
        }
        return profile;
    }

    /// <summary>Whether the profile a tuple value holds may be null: its element's type says so (a <c>var</c> local it is
    /// deconstructed into is always declared nullable).</summary>
    private static bool ElementMayBeNull(SemanticModel model, ExpressionSyntax tuple, ITypeSymbol persona, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(tuple, cancellationToken).Type is not INamedTypeSymbol { IsTupleType: true } pair)
            return true;
        foreach (var element in pair.TupleElements)
        {
            if (SymbolEqualityComparer.Default.Equals(element.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), persona))
                return element.Type.NullableAnnotation != NullableAnnotation.NotAnnotated;
        }
        return true;
    }

    /// <summary>The guard after a deconstruction, on the profile it declares: leaving with the fallback, or — where leaving
    /// has no value that keeps its meaning (a prompt string) — the local given the target's own profile.</summary>
    private static SyntaxNode? GuardDeconstructed(SyntaxNode root, SemanticModel model, ExpressionStatementSyntax deconstructing, ILocalSymbol profile,
        bool mayBeNull, GuardTypes types, ExpressionSyntax target, bool ownInstead)
    {
        var check = Syntax.TrySubstitute(types.Guard, model, deconstructing.SpanStart, target, IdentifierName(profile.Name));
        var fallback = Fallbacks.For(model, deconstructing, target, types.Persona) ??
                       (ownInstead ? Fallbacks.OwnProfileInstead(model, profile.Type, profile.Name, target, types.Persona) : null);
        if (fallback is null)
            return null;
        return root.InsertNodesAfter(deconstructing, new[] { IfStatement(Syntax.FailedCheck(check, profile.Name, mayBeNull), fallback).Formatted() });
    }

    /// <summary>The block with <c>twin!</c> read as <c>twin</c> after the guard's null test (probe 13b, repro 06): past
    /// <c>if (twin is null || …) return …;</c> the compiler knows it is there, and the <c>!</c> said only what the guard
    /// now tests. Null where nothing is left to drop or it is not safe to: the local written again after its declaration,
    /// tested for null again, or a suppression inside a lambda or local function (which may run when the local is null
    /// again).</summary>
    private static BlockSyntax? WithoutDeadSuppressions(BlockSyntax block, LocalDeclarationStatementSyntax local, ILocalSymbol symbol, SemanticModel model,
        CancellationToken cancellationToken)
    {
        var later = block.Statements.Skip(block.Statements.IndexOf(local) + 1).ToList();
        var suppressed = new List<PostfixUnaryExpressionSyntax>();
        foreach (var id in later.SelectMany(statement => Statements.References(model, statement, symbol, cancellationToken)))
        {
            // A null test after the guard (twin?.Summary, twin ?? …, twin is null) tells the compiler it may be null
            // again: the `!` after it is needed.
            if (id.Parent is AssignmentExpressionSyntax assignment && assignment.Left == id ||
                id.Parent is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } ||
                NullTolerantReads.Contains(id))
                return null;
            if (id.Parent is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang)
            {
                if (id.Ancestors().TakeWhile(a => a != block).Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                    return null;
                suppressed.Add(bang);
            }
        }
        return suppressed.Count == 0 ? null : block.ReplaceNodes(suppressed, (original, _) => original.Operand.WithTriviaFrom(original));
    }

    /// <summary><c>return twin ?? …;</c> right after the local's declaration.</summary>
    private static ReturnStatementSyntax? ReturnOfCoalescedLocalAfter(LocalDeclarationStatementSyntax local, string name) =>
        local.Parent is BlockSyntax block && block.Statements.IndexOf(local) is var index && index + 1 < block.Statements.Count &&
        block.Statements[index + 1] is ReturnStatementSyntax { Expression: BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce } next &&
        Syntax.IsName(coalesce.Left, name)
            ? next
            : null;

    /// <summary><c>own ?? E</c> becomes <c>own ?? (E is { } s &amp;&amp; Guard.TrySubstitute(t, s, out _) ? s : fallback)</c>;
    /// the fallback is null where the expression may be null anyway, else the target's profile.</summary>
    /// <param name="typed">What decides the fallback: the whole <c>??</c> expression, or the variable <c>??=</c> assigns.
    /// Null when its type is nullable, else the target itself.</param>
    /// <param name="declared">The type of the member whose expression body it is, which says whether it may give no one
    /// (an element of a list is never null, yet <c>public Reader? Closest =&gt; ns[0];</c> may say "no one": probe 14b,
    /// repro 07).</param>
    private static SyntaxNode? KeepWhenSafe(SyntaxNode root, SemanticModel model, ExpressionSyntax coalesce, ExpressionSyntax typed, ExpressionSyntax substitute,
        GuardTypes types, ExpressionSyntax target, CancellationToken cancellationToken, ITypeSymbol? declared = null)
    {
        var type = declared ?? model.GetTypeInfo(typed, cancellationToken).ConvertedType;
        // Outside nullable annotations a reference may be null as well (see Fallbacks).
        ExpressionSyntax fallback = type is { NullableAnnotation: NullableAnnotation.Annotated } or { IsReferenceType: true, NullableAnnotation: NullableAnnotation.None }
            ? LiteralExpression(SyntaxKind.NullLiteralExpression)
            : target;
        return InPlace(root, model, coalesce, substitute, types, target, fallback, NullStates.KnownNotNull(model, substitute, cancellationToken));
    }

    /// <summary>The type of the property, indexer or getter whose expression body <paramref name="body"/> is.</summary>
    private static ITypeSymbol? MemberType(SemanticModel model, ExpressionSyntax body, CancellationToken cancellationToken) =>
        body.Parent?.Parent switch
        {
            PropertyDeclarationSyntax property => (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.Type,
            IndexerDeclarationSyntax indexer => (model.GetDeclaredSymbol(indexer, cancellationToken) as IPropertySymbol)?.Type,
            AccessorDeclarationSyntax accessor => (model.GetDeclaredSymbol(accessor, cancellationToken) as IMethodSymbol)?.ReturnType,
            _ => null,
        };

    /// <summary><c>E</c> becomes <c>E is { } s &amp;&amp; Guard.TrySubstitute(t, s, out _) ? s : fallback</c> where it
    /// stands, <c>s</c> a name free at <paramref name="at"/>.</summary>
    /// <param name="knownNotNull">The compiler knows <paramref name="substitute"/> is there (a list's element): <c>is var
    /// s</c>, no null test that could never fail.</param>
    private static SyntaxNode InPlace(SyntaxNode root, SemanticModel model, SyntaxNode at, ExpressionSyntax substitute, GuardTypes types, ExpressionSyntax target,
        ExpressionSyntax fallback, bool knownNotNull = false)
    {
        var guarded = Syntax.InPlaceOf(substitute, SafeOr(model, at, substitute, types, target, fallback, knownNotNull))
            .WithTriviaFrom(substitute).Formatted();
        return root.ReplaceNode(substitute, guarded);
    }

    /// <summary><c>E ?? fallback</c> becomes <c>E is { } s &amp;&amp; Guard.TrySubstitute(t, s, out _) ? s : fallback</c>: the
    /// expression keeps its place (an expression body stays one), and the fallback the code already had for a missing
    /// substitute is taken for an unsafe one too.</summary>
    private static SyntaxNode SafeOrElse(SyntaxNode root, SemanticModel model, BinaryExpressionSyntax coalesce, GuardTypes types, ExpressionSyntax target)
    {
        var guarded = SafeOr(model, coalesce, coalesce.Left, types, target, coalesce.Right.WithoutTrivia());
        return root.ReplaceNode(coalesce, Syntax.InPlaceOf(coalesce, guarded).WithTriviaFrom(coalesce).Formatted());
    }

    /// <summary><c>E is { } s &amp;&amp; Guard.TrySubstitute(t, s, out _) ? s : fallback</c>, with <c>s</c> a name free
    /// at <paramref name="at"/> (the <c>??</c> or <c>??=</c> being rewritten).</summary>
    private static ConditionalExpressionSyntax SafeOr(SemanticModel model, SyntaxNode at, ExpressionSyntax substitute, GuardTypes types, ExpressionSyntax target,
        ExpressionSyntax fallback, bool knownNotNull = false)
    {
        var name = LocalNames.Unique(model, at, "substitute");
        var test = BinaryExpression(SyntaxKind.LogicalAndExpression,
            knownNotNull ? Syntax.IsAny(substitute.WithoutTrivia(), name) : Syntax.IsSomething(substitute.WithoutTrivia(), name),
            Syntax.TrySubstitute(types.Guard, model, at.SpanStart, target, IdentifierName(name)));
        return ConditionalExpression(test, IdentifierName(name), fallback);
    }

    /// <summary>Moves the substitute into a local in front of the statement (or expression body) that uses it, guards
    /// the local, and uses the local in its place.</summary>
    private static SyntaxNode? Hoist(SyntaxNode root, SemanticModel model, StatementSite site, GuardTypes types, ExpressionSyntax target, bool canBeNull,
        bool ownInstead, CancellationToken cancellationToken)
    {
        var name = LocalNames.Unique(model, site.Anchor, "substitute");
        var check = Syntax.TrySubstitute(types.Guard, model, site.Anchor.SpanStart, target, IdentifierName(name));
        StatementSyntax guard;
        var value = site.Expression.WithoutTrivia();
        // $"… {index.FindNearest(me)?.Interests ?? none}": the code's own answer for a missing substitute serves an unsafe
        // one too (see OwnMissingFallback).
        if (canBeNull && NullTolerantReads.Contains(site.Expression) &&
            model.GetTypeInfo(site.Expression, cancellationToken).Type is { IsReferenceType: true })
        {
            guard = OwnMissingFallback.MakeMissing(name, check);
        }
        else
        {
            var fallback = Fallbacks.For(model, site.Expression, target, types.Persona) ??
                           (ownInstead ? Fallbacks.OwnProfileInstead(model, model.GetTypeInfo(site.Expression, cancellationToken).Type, name, target, types.Persona) : null);
            if (fallback is null)
                return null;
            // neighbours[i] of an IReadOnlyList<Reader>: no null test; index.FindNearest(user)!: the guard's null test
            // takes the place of the '!', which would only hide from the compiler that the local may be null.
            var mayBeNull = canBeNull && !NullStates.KnownNotNull(model, site.Expression, cancellationToken);
            if (mayBeNull)
                value = NullStates.WithoutForgiving(value);
            guard = IfStatement(Syntax.FailedCheck(check, name, mayBeNull), fallback);
        }
        var declaration = LocalDeclarationStatement(VariableDeclaration(IdentifierName("var"),
            SingletonSeparatedList(VariableDeclarator(Identifier(name)).WithInitializer(EqualsValueClause(value)))));
        var returnsValue = site.ExpressionBody is not null && ReturnsValue(model, site.ExpressionBody, cancellationToken);
        return site.Rewrite(root, new StatementSyntax[] { declaration, guard }, IdentifierName(name), returnsValue);
    }

    private static bool ReturnsValue(SemanticModel model, SyntaxNode function, CancellationToken cancellationToken)
    {
        var method = Fallbacks.FunctionSymbol(model, function);
        if (method is null || method.ReturnsVoid)
            return false;
        return !(method.IsAsync && method.ReturnType is INamedTypeSymbol { TypeArguments.Length: 0 });
    }

    /// <summary>The variable the reported substitute is kept in, where the report is on its declaration.</summary>
    private static string? HolderName(SyntaxNode node, SemanticModel model, ITypeSymbol persona, CancellationToken cancellationToken) => node switch
    {
        ForEachStatementSyntax forEach => forEach.Identifier.ValueText,
        ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword } outArgument => OutArgumentCheck.NameOf(outArgument),
        ExpressionSyntax expression when DeclaredBy(expression) is { } declarator => declarator.Identifier.ValueText,
        // var (n, s) = index.FindMostSimilar(user);: the profile it declares (a bar on s, a discarded check of n, decide for it).
        ExpressionSyntax expression when Outermost(expression).Parent is AssignmentExpressionSyntax { Left: var declared } deconstruction &&
                                         deconstruction.Right == Outermost(expression) =>
            DeconstructedProfile(model, declared, persona, cancellationToken)?.Name,
        _ => null,
    };

    /// <summary>The local whose initializer is the substitute, also through <c>??</c> and <c>await</c>
    /// (<c>var twin = index.FindLookalike(me) ?? me;</c>).</summary>
    private static VariableDeclaratorSyntax? DeclaredBy(ExpressionSyntax expression)
    {
        SyntaxNode node = Outermost(expression);
        while (node.Parent is ParenthesizedExpressionSyntax or AwaitExpressionSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } or
               PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
            node = node.Parent;
        return node.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } ? declarator : null;
    }

    /// <summary>The value is discarded: a statement of its own, assigned to <c>_</c>, or the expression body of a method
    /// or local function that returns nothing (<c>void M() =&gt; …;</c>, <c>async Task M() =&gt; await …;</c>).</summary>
    private static bool IsThrownAway(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        if (value.Parent is AwaitExpressionSyntax awaited)
            value = Outermost(awaited);
        return value.Parent is ExpressionStatementSyntax ||
               value.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax } discard && discard.Right == value ||
               value.Parent is ArrowExpressionClauseSyntax { Parent: { } member } && member is MethodDeclarationSyntax or LocalFunctionStatementSyntax &&
               !ReturnsValue(model, member, cancellationToken);
    }

    /// <summary>The expression together with the parentheses and null-forgiving operators around it.</summary>
    private static ExpressionSyntax Outermost(ExpressionSyntax expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
            expression = (ExpressionSyntax)expression.Parent;
        return expression;
    }

}
