using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.Substitution;

/// <summary>One value per syntax tree of a compilation, computed the first time a tree is asked about and read
/// without a lock after that. The file gates ask for every body of every file — ten times as many bodies as files, from
/// several analysis threads. A <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey,TValue}"/> or a
/// <see cref="ConditionalWeakTable{TKey,TValue}"/> per gate cost about a microsecond for each file added (locks, growth,
/// a GC handle per entry); here the compilation's trees are numbered once, in a dictionary no one writes to afterwards,
/// and each value is published into its tree's slot (docs/performance.md, fifth round).</summary>
internal sealed class PerTree<T>
    where T : class
{
    private readonly TreeNumbers _numbers;
    private readonly T?[] _values;

    public PerTree(Compilation compilation)
    {
        _numbers = TreeNumbers.For(compilation);
        _values = new T?[_numbers.Count];
    }

    /// <summary>The tree's value, from <paramref name="compute"/> the first time. Two threads asking at once may both
    /// compute it (so it must not matter which one's value is kept). A tree outside the compilation (none reaches an
    /// analyzer callback) is computed every time.</summary>
    public T GetOrAdd<TState>(SyntaxTree tree, TState state, Func<SyntaxTree, TState, T> compute)
    {
        var number = _numbers.Of(tree);
        if (number < 0)
            return compute(tree, state);
        var value = Volatile.Read(ref _values[number]);
        if (value is not null)
            return value;
        value = compute(tree, state);
        return Interlocked.CompareExchange(ref _values[number], value, null) ?? value;
    }

    /// <summary>The compilation's trees in order, numbered once for every <see cref="PerTree{T}"/> of it.</summary>
    private sealed class TreeNumbers
    {
        private static readonly ConditionalWeakTable<Compilation, TreeNumbers> PerCompilation = new();
        private readonly Dictionary<SyntaxTree, int> _numbers;

        private TreeNumbers(Compilation compilation)
        {
            _numbers = new Dictionary<SyntaxTree, int>();
            foreach (var tree in compilation.SyntaxTrees)
                _numbers[tree] = _numbers.Count;
        }

        public int Count => _numbers.Count;

        public static TreeNumbers For(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new TreeNumbers(c));

        public int Of(SyntaxTree tree) => _numbers.TryGetValue(tree, out var number) ? number : -1;
    }
}
