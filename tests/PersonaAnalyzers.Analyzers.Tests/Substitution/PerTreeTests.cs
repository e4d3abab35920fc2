using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>The file gates' per-tree cache: each tree of the compilation is computed once, whichever thread asks first,
/// and a tree the compilation does not hold is still answered.</summary>
public class PerTreeTests
{
    private static readonly CSharpCompilation Compilation = CSharpCompilation.Create("Trees",
        Enumerable.Range(0, 50).Select(i => CSharpSyntaxTree.ParseText($"class C{i} {{ }}", path: $"/0/C{i}.cs")));

    [Fact]
    public void Each_tree_is_computed_once_and_keeps_its_own_value()
    {
        var cache = new PerTree<string>(Compilation);
        var computed = 0;

        foreach (var tree in Compilation.SyntaxTrees.Concat(Compilation.SyntaxTrees))
            cache.GetOrAdd(tree, 0, (t, _) => { computed++; return t.FilePath; });

        Assert.Equal(50, computed);
        Assert.All(Compilation.SyntaxTrees, tree => Assert.Equal(tree.FilePath, cache.GetOrAdd(tree, 0, (_, _) => "recomputed")));
    }

    [Fact]
    public async Task Threads_racing_for_a_tree_all_get_the_one_value_kept()
    {
        var cache = new PerTree<object>(Compilation);
        var tree = Compilation.SyntaxTrees[7];
        using var start = new Barrier(4);

        var seen = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return cache.GetOrAdd(tree, 0, (_, _) => new object());
        })));

        Assert.All(seen, value => Assert.Same(seen[0], value));
        Assert.Same(seen[0], cache.GetOrAdd(tree, 0, (_, _) => new object()));
    }

    [Fact]
    public void A_tree_outside_the_compilation_is_computed_each_time()
    {
        var cache = new PerTree<string>(Compilation);
        var stranger = CSharpSyntaxTree.ParseText("class Elsewhere { }");
        var computed = 0;

        cache.GetOrAdd(stranger, 0, (_, _) => (++computed).ToString());
        var second = cache.GetOrAdd(stranger, 0, (_, _) => (++computed).ToString());

        Assert.Equal("2", second);
    }
}
