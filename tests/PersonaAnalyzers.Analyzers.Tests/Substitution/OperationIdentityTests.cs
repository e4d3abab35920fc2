using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>The operation comparer PERSONA001's graph maps use: keys are operation instances, as with the default
/// comparer, however many share a syntax node, kind or position.</summary>
public class OperationIdentityTests
{
    private static IReadOnlyList<IOperation> OperationsOf(string body)
    {
        var tree = CSharpSyntaxTree.ParseText($"class C {{ object M(int a) {{ {body} }} }}");
        var compilation = CSharpCompilation.Create("Ops", new[] { tree }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var root = compilation.GetSemanticModel(tree).GetOperation(method)!;
        return root.DescendantsAndSelf().ToList();
    }

    [Fact]
    public void Every_operation_is_its_own_key_and_only_itself_finds_it()
    {
        // The arms of the conditional are boxed to object: each implicit conversion shares its operand's syntax node.
        var operations = OperationsOf("var b = a + 1; return b > 2 ? a : (object)b;");
        var map = new Dictionary<IOperation, int>(OperationIdentity<IOperation>.Comparer);
        for (var i = 0; i < operations.Count; i++)
            map.Add(operations[i], i);

        Assert.Equal(operations.Count, map.Count);
        for (var i = 0; i < operations.Count; i++)
            Assert.Equal(i, map[operations[i]]);
        Assert.Contains(operations, o => o.Kind == OperationKind.Conversion && o.IsImplicit);
    }

    [Fact]
    public void An_equal_looking_operation_of_another_tree_is_not_the_same_key()
    {
        var first = OperationsOf("return a;");
        var second = OperationsOf("return a;");
        var map = new Dictionary<IOperation, int>(OperationIdentity<IOperation>.Comparer);
        foreach (var operation in first)
            map[operation] = 1;

        Assert.All(second, operation => Assert.False(map.ContainsKey(operation)));
        Assert.Equal(
            first.Select(o => OperationIdentity<IOperation>.Comparer.GetHashCode(o)),
            second.Select(o => OperationIdentity<IOperation>.Comparer.GetHashCode(o)));
    }
}
