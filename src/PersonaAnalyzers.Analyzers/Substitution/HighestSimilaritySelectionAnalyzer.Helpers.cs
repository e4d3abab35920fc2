using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

public sealed partial class HighestSimilaritySelectionAnalyzer
{
    private sealed partial class Search
    {
        /// <summary>A call of the project's own selection helper — <c>static T Best&lt;T&gt;(IEnumerable&lt;T&gt; items,
        /// Func&lt;T, double&gt; score) =&gt; items.MaxBy(score)!;</c> — given profiles and a similarity: the call is the
        /// <c>MaxBy</c>, written one method away. The helper itself scores nothing and is not reported.</summary>
        private bool CheckSelectionHelper(IInvocationOperation call)
        {
            var method = call.TargetMethod.OriginalDefinition;
            if (method.Parameters.Length < 2 || method.DeclaringSyntaxReferences is not [var declaration] ||
                SelectionHelper.Read(declaration.GetSyntax(), method) is not { } helper)
                return false;
            IArgumentOperation? items = null, key = null;
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == helper.Items)
                    items = argument;
                else if (argument.Parameter?.Ordinal == helper.Key)
                    key = argument;
            }
            if (items is null || !SelectionKey(key, items.Value, out var score, out var candidate) || score.IsDistance != helper.Lowest ||
                !CarriesPersona(items.Value))
                return false;
            Report(call, "Helper", $"{(helper.Lowest ? "lowest distance" : "highest similarity")} ({helper.Picks}, in {method.Name})",
                ScoredProfiles.Target(score.Expression, candidate, _symbols), items.Value);
            return true;
        }
    }

    /// <summary>What a selection helper does with its parameters: which one is the population, which the key, and
    /// whether it takes the lowest key.</summary>
    private sealed class SelectionHelper
    {
        private SelectionHelper(int items, int key, bool lowest, string picks) => (Items, Key, Lowest, Picks) = (items, key, lowest, picks);

        public int Items { get; }
        public int Key { get; }
        public bool Lowest { get; }
        /// <summary>The selection as the helper writes it, for the message: <c>MaxBy</c>, <c>OrderByDescending(…).First()</c>.</summary>
        public string Picks { get; }

        /// <summary>A method or local function whose whole body returns <c>items.MaxBy(key)</c> or <c>MinBy</c>, or
        /// <c>items.OrderByDescending(key).First()</c> (<c>OrderBy</c>, <c>FirstOrDefault</c>), of two of its
        /// parameters — read from its declaration, which may be in another file (a helper class of the project).</summary>
        public static SelectionHelper? Read(SyntaxNode declaration, IMethodSymbol method)
        {
            var returned = declaration switch
            {
                MethodDeclarationSyntax m => Returned(m.ExpressionBody, m.Body),
                LocalFunctionStatementSyntax f => Returned(f.ExpressionBody, f.Body),
                _ => null,
            };
            if (Unwrapped(returned) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax taking } outer)
                return null;
            var name = taking.Name.Identifier.ValueText;
            var picks = name;
            var selecting = outer;
            bool lowest;
            switch (name)
            {
                case "MaxBy" or "MinBy":
                    lowest = name == "MinBy";
                    break;
                case "First" or "FirstOrDefault" when outer.ArgumentList.Arguments.Count == 0 &&
                        Unwrapped(taking.Expression) is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "OrderBy" or "OrderByDescending" } ordering } order:
                    lowest = ordering.Name.Identifier.ValueText == "OrderBy";
                    picks = ordering.Name.Identifier.ValueText + "(…)." + name + "()";
                    selecting = order;
                    break;
                default:
                    return null;
            }
            if (selecting.Expression is not MemberAccessExpressionSyntax { Expression: var source } || selecting.ArgumentList.Arguments is not [var keyArgument] ||
                ParameterNamed(method, Unwrapped(source)) is not { } items || ParameterNamed(method, Unwrapped(keyArgument.Expression)) is not { } key ||
                items == key)
                return null;
            return new SelectionHelper(items, key, lowest, picks);
        }

        private static ExpressionSyntax? Returned(ArrowExpressionClauseSyntax? arrow, BlockSyntax? body) =>
            arrow?.Expression ?? (body?.Statements is [ReturnStatementSyntax { Expression: { } value }] ? value : null);

        /// <summary>Through parentheses and <c>!</c>.</summary>
        private static ExpressionSyntax? Unwrapped(ExpressionSyntax? expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        break;
                    case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                        expression = suppressed.Operand;
                        break;
                    default:
                        return expression;
                }
            }
        }

        private static int? ParameterNamed(IMethodSymbol method, ExpressionSyntax? expression)
        {
            if (expression is not IdentifierNameSyntax { Identifier.ValueText: var name })
                return null;
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name)
                    return parameter.Ordinal;
            }
            return null;
        }
    }
}
