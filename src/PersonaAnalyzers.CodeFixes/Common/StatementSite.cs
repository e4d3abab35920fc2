using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Where statements can be put in front of the evaluation of an expression: the statement that evaluates it
/// exactly once and first of anything with side effects, or an expression body that can become a block. Null for an
/// expression evaluated conditionally (<c>?:</c>, <c>&amp;&amp;</c>, <c>??</c>, <c>?.</c>), repeatedly (a loop
/// condition) or after other calls in the same statement: hoisting it would change what runs.</summary>
internal sealed class StatementSite
{
    private StatementSite(ExpressionSyntax expression, StatementSyntax? statement, SyntaxNode? expressionBody)
    {
        Expression = expression;
        Statement = statement;
        ExpressionBody = expressionBody;
    }

    public ExpressionSyntax Expression { get; }

    /// <summary>The statement that evaluates <see cref="Expression"/>, or null for an expression body.</summary>
    public StatementSyntax? Statement { get; }

    /// <summary>The method, local function or lambda whose expression body holds <see cref="Expression"/>.</summary>
    public SyntaxNode? ExpressionBody { get; }

    public SyntaxNode Anchor => (SyntaxNode?)Statement ?? Expression;

    public static StatementSite? Find(ExpressionSyntax expression)
    {
        SyntaxNode child = expression;
        for (var parent = expression.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ConditionalExpressionSyntax conditional when conditional.Condition != child:
                case BinaryExpressionSyntax binary when binary.Right == child &&
                    (binary.IsKind(SyntaxKind.LogicalAndExpression) || binary.IsKind(SyntaxKind.LogicalOrExpression) || binary.IsKind(SyntaxKind.CoalesceExpression)):
                case AssignmentExpressionSyntax coalesceAssignment when coalesceAssignment.IsKind(SyntaxKind.CoalesceAssignmentExpression):
                case ConditionalAccessExpressionSyntax access when access.WhenNotNull == child:
                case SwitchExpressionArmSyntax:
                case QueryClauseSyntax or SelectOrGroupClauseSyntax or QueryContinuationSyntax:
                    return null;
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.ExpressionBody == child && PrecededBySideEffects(expression, lambda.ExpressionBody) is false
                        ? new StatementSite(expression, null, lambda)
                        : null;
                case ArrowExpressionClauseSyntax arrow:
                    return arrow.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax && !PrecededBySideEffects(expression, arrow.Expression)
                        ? new StatementSite(expression, null, arrow.Parent)
                        : null;
                case StatementSyntax statement:
                    return Evaluates(statement, child) && CanPrecede(statement) && !PrecededBySideEffects(expression, statement)
                        ? new StatementSite(expression, statement, null)
                        : null;
                case MemberDeclarationSyntax:
                    return null;
            }
        }
        return null;
    }

    /// <summary>Whether <paramref name="statement"/> evaluates <paramref name="child"/> once, before anything else it runs.</summary>
    private static bool Evaluates(StatementSyntax statement, SyntaxNode child) => statement switch
    {
        ExpressionStatementSyntax or ReturnStatementSyntax => true,
        LocalDeclarationStatementSyntax declaration => declaration.UsingKeyword.IsKind(SyntaxKind.None) && !declaration.IsConst,
        IfStatementSyntax branch => branch.Condition == child,
        SwitchStatementSyntax switchStatement => switchStatement.Expression == child,
        ForEachStatementSyntax forEach => forEach.Expression == child,
        YieldStatementSyntax yield => yield.IsKind(SyntaxKind.YieldReturnStatement),
        _ => false,
    };

    /// <summary>Statements can be put in front of one in a block or switch section, and in front of an embedded
    /// statement by turning it into a block.</summary>
    private static bool CanPrecede(StatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax or SwitchSectionSyntax => true,
        IfStatementSyntax or ElseClauseSyntax or CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax
            or UsingStatementSyntax or LockStatementSyntax or FixedStatementSyntax => true,
        _ => false,
    };

    private static bool PrecededBySideEffects(ExpressionSyntax expression, SyntaxNode scope) =>
        scope.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax)
            .Any(n => n.Span.End <= expression.SpanStart &&
                      n is InvocationExpressionSyntax or AwaitExpressionSyntax or AssignmentExpressionSyntax or BaseObjectCreationExpressionSyntax ||
                      n.Span.End <= expression.SpanStart && (n.IsKind(SyntaxKind.PreIncrementExpression) || n.IsKind(SyntaxKind.PreDecrementExpression) ||
                                                            n.IsKind(SyntaxKind.PostIncrementExpression) || n.IsKind(SyntaxKind.PostDecrementExpression)));

    /// <summary>Replaces the site with <paramref name="prefix"/> followed by the site's code in which
    /// <see cref="Expression"/> is replaced by <paramref name="replacement"/>.</summary>
    public SyntaxNode Rewrite(SyntaxNode root, StatementSyntax[] prefix, ExpressionSyntax replacement, bool returnsValue)
    {
        if (Statement is { } statement)
        {
            var rewritten = statement.ReplaceNode(Expression, replacement.WithTriviaFrom(Expression));
            if (statement.Parent is BlockSyntax or SwitchSectionSyntax)
            {
                var leading = statement.GetLeadingTrivia();
                var indentation = leading.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
                var first = prefix[0].WithLeadingTrivia(leading);
                var nodes = new[] { first }.Concat(prefix.Skip(1)).Select(s => s.Formatted())
                    .Concat(new[] { rewritten.WithLeadingTrivia(TriviaList(indentation)) });
                return root.ReplaceNode(statement, nodes);
            }
            var block = MultiLineBlock(prefix.Concat(new[] { rewritten.WithoutLeadingTrivia() })).WithTriviaFrom(statement).Formatted();
            return root.ReplaceNode(statement, block);
        }
        var value = ExpressionBodyValue()!.ReplaceNode(Expression, replacement.WithTriviaFrom(Expression)).WithoutTrivia();
        StatementSyntax last = returnsValue ? ReturnStatement(value) : ExpressionStatement(value);
        var body = MultiLineBlock(prefix.Concat(new[] { last })).Formatted();
        switch (ExpressionBody)
        {
            case AnonymousFunctionExpressionSyntax lambda:
                return root.ReplaceNode(lambda, lambda.WithBody(body).Formatted());
            case BaseMethodDeclarationSyntax method:
                return root.ReplaceNode(method, method.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(body.WithTrailingTrivia(method.SemicolonToken.TrailingTrivia)).Formatted());
            case LocalFunctionStatementSyntax local:
                return root.ReplaceNode(local, local.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(body.WithTrailingTrivia(local.SemicolonToken.TrailingTrivia)).Formatted());
            default:
                return root;
        }
    }

    /// <summary>A block whose statements go on their own lines even where the formatter keeps a one-line block (a lambda).</summary>
    private static BlockSyntax MultiLineBlock(System.Collections.Generic.IEnumerable<StatementSyntax> statements) =>
        Block(
            Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(ElasticCarriageReturnLineFeed),
            List(statements.Select(s => s.WithTrailingTrivia(ElasticCarriageReturnLineFeed))),
            Token(SyntaxKind.CloseBraceToken));

    private ExpressionSyntax? ExpressionBodyValue() => ExpressionBody switch
    {
        AnonymousFunctionExpressionSyntax lambda => lambda.ExpressionBody,
        BaseMethodDeclarationSyntax method => method.ExpressionBody?.Expression,
        LocalFunctionStatementSyntax local => local.ExpressionBody?.Expression,
        _ => null,
    };
}
