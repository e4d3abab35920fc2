using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>The band check for a substitute an <c>out</c> argument receives (<c>index.TryFindNearest(user, out var twin)</c>,
/// <c>profiles.TryGetValue(nearestId, out var twin)</c>). The call's result already decides a path, so the check joins
/// that decision rather than adding a second one:
/// <list type="bullet">
/// <item><c>if (Try…(…, out var n)) use(n);</c> and <c>Try…(…, out var n) ? use(n) : other</c>: the condition becomes
/// <c>Try…(…, out var n) &amp;&amp; Guard.TrySubstitute(t, n, out _)</c>, so an unsafe substitute takes the path a missing
/// one takes — when <c>n</c> is named nowhere else;</item>
/// <item><c>if (!Try…(…, out var n)) return …; use(n);</c>: the condition becomes
/// <c>!Try…(…, out var n) || !Guard.TrySubstitute(t, n, out _)</c> — when the body leaves and does not name <c>n</c>;</item>
/// <item>a call that is a statement of its own: a guard statement after it, as after a local's declaration.</item>
/// </list>
/// Any other place (a call among other operands, a loop condition, a variable named after the decision) gets no fix:
/// joining there would change what else runs.</summary>
internal static class OutArgumentCheck
{
    /// <summary>The out variable's name: <c>out var n</c>, <c>out Reader n</c> or <c>out n</c>.</summary>
    public static string? NameOf(ArgumentSyntax argument) => argument.Expression switch
    {
        DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax designation } => designation.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The edited root, or null where the call's result is not a decision the check can join.</summary>
    public static SyntaxNode? Apply(SyntaxNode root, SemanticModel model, ArgumentSyntax argument, string name, GuardTypes types, ExpressionSyntax target,
        bool canBeNull, CancellationToken cancellationToken)
    {
        if (argument.Parent?.Parent is not InvocationExpressionSyntax call)
            return null;
        var check = Syntax.TrySubstitute(types.Guard, model, call.SpanStart, target, IdentifierName(name));
        var (decided, negated) = Decided(call);

        if (!negated && Decision(decided, SyntaxKind.LogicalAndExpression) is { } positive && OnlyWhenTrue(positive, name))
        {
            // Try…(…, out var n) && n is not null: the programmer's own presence test comes first, and the check after it.
            if (NextOperand(decided, SyntaxKind.LogicalAndExpression) is { } next && ExistingNullCheck.IsPresenceTest(next, name))
                return Joined(root, SyntaxKind.LogicalAndExpression, next, check);
            ExpressionSyntax passed = canBeNull && !NullStates.KnownPresent(model, positive.WhenTrue, name, cancellationToken)
                ? BinaryExpression(SyntaxKind.LogicalAndExpression, Syntax.IsNotNull(name), check)
                : check;
            return Joined(root, SyntaxKind.LogicalAndExpression, decided, passed);
        }
        if (negated && Decision(decided, SyntaxKind.LogicalOrExpression) is { IfStatement: { Else: null } branch } &&
            Leaves(branch.Statement) && !Syntax.Mentions(branch.Statement, name))
        {
            var mayBeNull = canBeNull && !(FirstMentionLater(branch, name) is { } later && NullStates.KnownPresent(model, later, name, cancellationToken));
            return Joined(root, SyntaxKind.LogicalOrExpression, decided, Syntax.FailedCheck(check, name, mayBeNull));
        }
        // while (queue.TryDequeue(out var n)) …: each element taken is checked first in the body, and an unsafe one skipped.
        if (!negated && decided.Parent is WhileStatementSyntax loop && loop.Condition == decided)
        {
            var skip = IfStatement(Syntax.FailedCheck(check, name, canBeNull && !NullStates.KnownPresent(model, loop.Statement, name, cancellationToken)),
                ContinueStatement()).Formatted();
            return root.ReplaceNode(loop.Statement, Statements.Prepended(loop.Statement, skip));
        }
        if (negated || decided != call || call.Parent is not ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement)
            return null;
        // Try…(…, out var twin); return twin?.Summary ?? …;: the code's own answer for a missing twin serves an unsafe one.
        var variable = argument.Expression is DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax designation }
            ? model.GetDeclaredSymbol(designation, cancellationToken)
            : model.GetSymbolInfo(argument.Expression, cancellationToken).Symbol;
        if (canBeNull && variable is ILocalSymbol local &&
            OwnMissingFallback.Guard(model, statement, local, argument.Expression is DeclarationExpressionSyntax { Type.IsVar: true }, check, cancellationToken) is { } makeMissing)
            return root.InsertNodesAfter(statement, new[] { makeMissing });
        if (Fallbacks.For(model, statement, target, types.Persona) is { } fallback)
            return root.InsertNodesAfter(statement, new[] { IfStatement(Syntax.FailedCheck(check, name, canBeNull), fallback).Formatted() });
        return null;
    }

    /// <summary>The expression whose value is the call's result as the code tests it (the call, or <c>!call</c>, with
    /// their parentheses), and whether it is negated.</summary>
    private static (ExpressionSyntax Decided, bool Negated) Decided(InvocationExpressionSyntax call)
    {
        ExpressionSyntax decided = Outer(call);
        if (decided.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not)
            return (Outer(not), true);
        return (decided, false);
    }

    private static ExpressionSyntax Outer(ExpressionSyntax expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
            expression = parenthesized;
        return expression;
    }

    /// <summary>The operand that follows <paramref name="decided"/> in its chain of <paramref name="chain"/> operators
    /// (<c>b</c> in <c>a &amp;&amp; call &amp;&amp; b</c>); null where it is the last.</summary>
    private static ExpressionSyntax? NextOperand(ExpressionSyntax decided, SyntaxKind chain)
    {
        ExpressionSyntax operand = decided;
        while (operand.Parent is BinaryExpressionSyntax right && right.IsKind(chain) && right.Right == operand)
            operand = right;
        return operand.Parent is BinaryExpressionSyntax left && left.IsKind(chain) && left.Left == operand ? left.Right : null;
    }

    /// <summary>The <c>if</c> or <c>?:</c> whose condition is a chain of <paramref name="chain"/> operators with
    /// <paramref name="decided"/> as one operand.</summary>
    private static Branching? Decision(ExpressionSyntax decided, SyntaxKind chain)
    {
        ExpressionSyntax condition = decided;
        while (condition.Parent is ParenthesizedExpressionSyntax || condition.Parent is BinaryExpressionSyntax binary && binary.IsKind(chain))
            condition = (ExpressionSyntax)condition.Parent;
        return condition.Parent switch
        {
            IfStatementSyntax branch when branch.Condition == condition => new Branching(branch, branch.Statement, branch.Else?.Statement),
            ConditionalExpressionSyntax conditional when conditional.Condition == condition && chain == SyntaxKind.LogicalAndExpression =>
                new Branching(null, conditional.WhenTrue, conditional.WhenFalse),
            _ => null,
        };
    }

    /// <summary>The variable is named only on the path where the call succeeded: not in the other branch, and not
    /// after the <c>if</c> (an <c>out var</c> in an <c>if</c>'s condition stays in scope after it).</summary>
    private static bool OnlyWhenTrue(Branching branching, string name)
    {
        if (branching.WhenFalse is not null && Syntax.Mentions(branching.WhenFalse, name))
            return false;
        if (branching.IfStatement is not null)
            return !MentionedLater(branching.IfStatement, name);
        // A ?: is part of a statement (or an expression body) that may name the variable beside it, too.
        var conditional = (ConditionalExpressionSyntax)branching.WhenTrue.Parent!;
        var whole = conditional.Ancestors().FirstOrDefault(n => n is StatementSyntax or ArrowExpressionClauseSyntax);
        if (whole is null || whole.DescendantNodes().OfType<IdentifierNameSyntax>().Any(id =>
                id.Identifier.ValueText == name && !conditional.WhenTrue.Span.Contains(id.Span) && !conditional.Condition.Span.Contains(id.Span)))
            return false;
        return whole is not StatementSyntax statement || !MentionedLater(statement, name);
    }

    private static bool MentionedLater(StatementSyntax? statement, string name) =>
        statement?.Parent is not (BlockSyntax or SwitchSectionSyntax) ? statement is null : FirstMentionLater(statement, name) is not null;

    /// <summary>The first statement after <paramref name="statement"/> in its block or switch section that names
    /// <paramref name="name"/>.</summary>
    private static StatementSyntax? FirstMentionLater(StatementSyntax statement, string name)
    {
        var statements = statement.Parent switch
        {
            BlockSyntax block => block.Statements,
            SwitchSectionSyntax section => section.Statements,
            _ => default,
        };
        return statements.Skip(statements.IndexOf(statement) + 1).FirstOrDefault(s => Syntax.Mentions(s, name));
    }

    private static bool Leaves(StatementSyntax statement)
    {
        if (statement is BlockSyntax block)
        {
            if (block.Statements.Count == 0)
                return false;
            statement = block.Statements.Last();
        }
        return statement is ReturnStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax or ThrowStatementSyntax ||
               statement.IsKind(SyntaxKind.YieldBreakStatement);
    }

    /// <summary>Puts <paramref name="added"/> right after <paramref name="decided"/> in its chain of
    /// <paramref name="op"/>: <c>a &amp;&amp; call &amp;&amp; b</c> becomes <c>a &amp;&amp; call &amp;&amp; added &amp;&amp; b</c>.
    /// The chain leans left (<c>(a &amp;&amp; call) &amp;&amp; b</c>), so what is joined is the part of it that ends with
    /// the call: the tree is then the one the new text parses to.</summary>
    private static SyntaxNode Joined(SyntaxNode root, SyntaxKind op, ExpressionSyntax decided, ExpressionSyntax added)
    {
        ExpressionSyntax endsWithCall = decided;
        while (endsWithCall.Parent is BinaryExpressionSyntax chain && chain.IsKind(op) && chain.Right == endsWithCall)
            endsWithCall = chain;
        var joined = endsWithCall.WithoutTrivia();
        foreach (var operand in Operands(added, op))
            joined = BinaryExpression(op, joined, operand);
        return root.ReplaceNode(endsWithCall, joined.WithTriviaFrom(endsWithCall).Formatted());
    }

    /// <summary>The operands of a chain of <paramref name="op"/> (<c>n is null || !check</c>), in order; the expression
    /// itself when it is no such chain.</summary>
    private static System.Collections.Generic.IEnumerable<ExpressionSyntax> Operands(ExpressionSyntax expression, SyntaxKind op)
    {
        if (expression is BinaryExpressionSyntax chain && chain.IsKind(op))
            return Operands(chain.Left, op).Concat(Operands(chain.Right, op));
        return new[] { expression };
    }

    private sealed record Branching(IfStatementSyntax? IfStatement, SyntaxNode WhenTrue, SyntaxNode? WhenFalse);
}
