using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA002's best-so-far loop, rewritten only where nothing else happens in it:
/// <code>
/// Reader? best = null; var bestScore = double.MinValue;
/// foreach (var c in pool) { var s = ReaderGuard.Similarity(user, c); if (s &gt; bestScore) { bestScore = s; best = c; } }
/// </code>
/// becomes <c>Reader? best = ReaderGuard.SafestSubstitute(user, pool);</c>. The loop body must be the score (inline or
/// one local), one comparison with the bar (optionally after <c>best is null ||</c>) and the two updates; the bar must
/// be a local that starts at a constant, is declared before the loop in the same block and is read nowhere else (its
/// declaration goes too). The chosen variable's declaration takes the call when it sits just before the loop with a
/// trivial initializer; otherwise the loop becomes an assignment. Any other shape is not rewritten.</summary>
internal static class BestSoFarLoopSelection
{
    public static SyntaxNode? Rewrite(SyntaxNode root, SemanticModel model, SyntaxNode node, GuardTypes types, CancellationToken cancellationToken)
    {
        if (node is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Parent: ExpressionStatementSyntax chosenUpdate } chosenAssignment ||
            chosenUpdate.Parent is not BlockSyntax { Statements.Count: 2, Parent: IfStatementSyntax { Else: null } branch } updates)
            return null;
        var loop = branch.Parent switch
        {
            ForEachStatementSyntax direct when direct.Statement == branch => direct,
            BlockSyntax { Parent: ForEachStatementSyntax inBlock } => inBlock,
            _ => null,
        };
        if (loop is null || !loop.AwaitKeyword.IsKind(SyntaxKind.None) || loop.Parent is not BlockSyntax outer)
            return null;
        var candidate = loop.Identifier.ValueText;
        if (!PersonaCollections.IsCollectionOf(model.GetTypeInfo(loop.Expression, cancellationToken).Type, types.Persona) ||
            !PersonaCollections.IsPersona(model.GetTypeInfo(loop.Type, cancellationToken).Type, types.Persona))
            return null;

        // The body: [var s = score;] if (…) { … }
        var body = loop.Statement is BlockSyntax block ? block.Statements : SingletonList<StatementSyntax>(loop.Statement);
        if (body.Count is 0 or > 2 || body.Last() != branch)
            return null;
        var scoreLocal = body.Count == 2 ? ScoreLocal(body[0]) : null;
        if (body.Count == 2 && scoreLocal is null)
            return null;

        // The chosen variable: best = c, declared outside the loop.
        var chosen = chosenAssignment.Left;
        if (Syntax.Unparenthesized(chosenAssignment.Right) is not IdentifierNameSyntax { Identifier.ValueText: var assigned } || assigned != candidate ||
            !Syntax.IsStable(chosen) || Syntax.Mentions(chosen, candidate))
            return null;
        var chosenSymbol = model.GetSymbolInfo(chosen, cancellationToken).Symbol;
        var chosenType = chosenSymbol switch
        {
            ILocalSymbol local => local.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        if (chosenType is null || !PersonaCollections.IsPersona(chosenType, types.Persona))
            return null;

        // The condition: [best is null ||] score > bar (or bar < score; < for a distance — the analyzer checked the direction).
        var condition = Syntax.Unparenthesized(branch.Condition);
        if (condition is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } either && TestsNull(either.Left, chosen))
            condition = Syntax.Unparenthesized(either.Right);
        if (condition is not BinaryExpressionSyntax comparison || comparison.Kind() is not (SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression))
            return null;
        var (scoreSide, barSide) = IsScoreSide(comparison.Left, scoreLocal) ? (comparison.Left, comparison.Right) : (comparison.Right, comparison.Left);
        if (!IsScoreSide(scoreSide, scoreLocal) || Syntax.Unparenthesized(barSide) is not IdentifierNameSyntax barName ||
            model.GetSymbolInfo(barName, cancellationToken).Symbol is not ILocalSymbol bar)
            return null;
        var score = scoreLocal?.Initializer!.Value ?? scoreSide;
        if (ScoreCalls.Read(model, score, candidate, types.Persona, cancellationToken) is not { } call)
            return null;

        // The other update raises the bar to this score.
        var barUpdate = updates.Statements.First(s => s != chosenUpdate);
        if (barUpdate is not ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } raise } ||
            Syntax.Unparenthesized(raise.Left) is not IdentifierNameSyntax { Identifier.ValueText: var raised } || raised != bar.Name ||
            !AreEquivalent(Syntax.Unparenthesized(raise.Right), Syntax.Unparenthesized(scoreSide)))
            return null;

        // The bar: a local starting at a constant, declared before the loop in the same block, used only by the loop.
        var barDeclaration = Statements.SoleDeclaration(bar, cancellationToken);
        var loopIndex = outer.Statements.IndexOf(loop);
        if (barDeclaration is null || barDeclaration.Parent != outer || outer.Statements.IndexOf(barDeclaration) > loopIndex ||
            barDeclaration.Declaration.Variables[0].Initializer is not { } barStart || !model.GetConstantValue(barStart.Value, cancellationToken).HasValue)
            return null;
        var function = Fallbacks.ContainingFunction(loop);
        if (function is null || Statements.References(model, function, bar, cancellationToken).Any(r => !branch.Span.Contains(r.Span)))
            return null;
        if (Syntax.Mentions(call.Target, bar.Name) || Syntax.Mentions(loop.Expression, bar.Name) || Syntax.Mentions(call.Target, chosenSymbol!.Name))
            return null;

        ExpressionSyntax selection = Syntax.GuardCall(types.Guard, model, loop.SpanStart, "SafestSubstitute",
            Argument(call.Target.WithoutTrivia()), Argument(loop.Expression.WithoutTrivia()));
        if (chosenType.NullableAnnotation == NullableAnnotation.NotAnnotated)
            selection = BinaryExpression(SyntaxKind.CoalesceExpression, selection, call.Target.WithoutTrivia());

        var fold = Foldable(chosenSymbol, outer, loopIndex, barDeclaration, model, cancellationToken);
        var removed = new List<StatementSyntax> { barDeclaration, loop };
        StatementSyntax result;
        if (fold is not null)
        {
            var declarator = fold.Declaration.Variables[0];
            result = fold.ReplaceNode(declarator, declarator.WithInitializer(EqualsValueClause(selection)));
        }
        else
        {
            // The loop's comments, inside it too, come along as removed statements' comments do.
            result = ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, chosen.WithoutTrivia(), selection))
                .WithLeadingTrivia(Statements.Indentation(loop))
                .WithTrailingTrivia(loop.GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)));
        }
        var replaced = fold ?? (StatementSyntax)loop;
        result = Statements.WithCommentsOf(result, replaced, removed).Formatted();
        var statements = new List<StatementSyntax>();
        foreach (var statement in outer.Statements)
        {
            if (statement == replaced)
                statements.Add(result);
            else if (!removed.Contains(statement))
                statements.Add(statement);
        }
        return root.ReplaceNode(outer, outer.WithStatements(List(statements)));
    }

    /// <summary><c>var s = score;</c> — one local, initialised.</summary>
    private static VariableDeclaratorSyntax? ScoreLocal(StatementSyntax statement) =>
        statement is LocalDeclarationStatementSyntax { Declaration.Variables: [{ Initializer: not null } declarator] } declaration &&
        declaration.UsingKeyword.IsKind(SyntaxKind.None) && !declaration.IsConst
            ? declarator
            : null;

    private static bool IsScoreSide(ExpressionSyntax side, VariableDeclaratorSyntax? scoreLocal) =>
        scoreLocal is null
            ? Syntax.Unparenthesized(side) is not IdentifierNameSyntax
            : Syntax.Unparenthesized(side) is IdentifierNameSyntax id && id.Identifier.ValueText == scoreLocal.Identifier.ValueText;

    private static bool TestsNull(ExpressionSyntax test, ExpressionSyntax chosen) => Syntax.Unparenthesized(test) switch
    {
        IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } pattern =>
            AreEquivalent(Syntax.Unparenthesized(pattern.Expression), Syntax.Unparenthesized(chosen)),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } equals =>
            AreEquivalent(Syntax.Unparenthesized(equals.Left), Syntax.Unparenthesized(chosen)),
        _ => false,
    };

    /// <summary>The chosen local's declaration, when it sits before the loop in the same block with nothing but the bar's
    /// declaration in between and starts empty (<c>null</c>, <c>default</c>): it can take the selection directly.</summary>
    private static LocalDeclarationStatementSyntax? Foldable(ISymbol? chosen, BlockSyntax outer, int loopIndex, StatementSyntax barDeclaration,
        SemanticModel model, CancellationToken cancellationToken)
    {
        if (chosen is not ILocalSymbol local || Statements.SoleDeclaration(local, cancellationToken) is not { } declaration || declaration.Parent != outer)
            return null;
        var index = outer.Statements.IndexOf(declaration);
        if (index > loopIndex || outer.Statements.Skip(index + 1).Take(loopIndex - index - 1).Any(s => s != barDeclaration))
            return null;
        var start = declaration.Declaration.Variables[0].Initializer?.Value;
        if (start is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } forgiven)
            start = forgiven.Operand;
        return start is not null && model.GetConstantValue(start, cancellationToken) is { HasValue: true, Value: null } ? declaration : null;
    }
}
