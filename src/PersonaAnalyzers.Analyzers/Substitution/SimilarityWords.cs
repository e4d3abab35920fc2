using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PersonaAnalyzers.Substitution;

/// <summary>A syntax-only gate in front of PERSONA002/003: a body none of whose identifiers names a similarity, a
/// distance or a kernel cannot compute a score, so its operation tree is not walked. Every score
/// <see cref="SimilarityScores"/> recognises is reached through such a name. One instance per compilation, shared by
/// both rules: the same identifiers recur in every body, so each is tested against the words once, and each file's
/// tokens are scanned once for both rules, leaving the position of every score name for the bodies to look up.</summary>
internal sealed class SimilarityWords
{
    private static readonly string[] Words =
    {
        "Similar", "Cosine", "Distance", "Explain", "Correlation", "Pearson", "Jaccard", "Gaussian", "JensenShannon", "Categorical",
    };

    /// <summary>Per file, shared by both rules and across compilations (the words are fixed, a tree's text never
    /// changes): whether the text contains a word at all.</summary>
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<bool>> Files = new();

    /// <summary>The shortest word: most identifiers (<c>c</c>, <c>user</c>, <c>i</c>) are shorter and need no look-up.</summary>
    private static readonly int ShortestWord = ShortestOf(Words);

    private static readonly ConditionalWeakTable<Compilation, SimilarityWords> PerCompilation = new();

    private readonly ConcurrentDictionary<string, bool> _identifiers = new(StringComparer.Ordinal);

    /// <summary>Per file: the start of every identifier that names a score, in order.</summary>
    private readonly ConcurrentDictionary<SyntaxTree, int[]> _scoreNames = new();

    private SimilarityWords()
    {
    }

    public static SimilarityWords For(Compilation compilation) => PerCompilation.GetValue(compilation, static _ => new SimilarityWords());

    /// <summary>Some identifier in the file may name a score: asked once per file, before any body is looked at.</summary>
    public static bool MayScoreIn(SyntaxTree tree) =>
        Files.GetValue(tree, static t => new StrongBox<bool>(SourceTextGate.MayContain(t, Words, Array.Empty<string>(), CancellationToken.None))).Value;

    /// <summary>Some identifier of <paramref name="node"/> may name a score.</summary>
    public bool MayScore(SyntaxNode node)
    {
        var tree = node.SyntaxTree;
        if (!_scoreNames.TryGetValue(tree, out var starts))
        {
            starts = ScoreNames(tree);
            _scoreNames.TryAdd(tree, starts);
        }
        // The first score name at or after the node's start, if it lies inside the node.
        var index = Array.BinarySearch(starts, node.SpanStart);
        if (index < 0)
            index = ~index;
        return index < starts.Length && starts[index] < node.Span.End;
    }

    private int[] ScoreNames(SyntaxTree tree)
    {
        var starts = new List<int>();
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText.Length >= ShortestWord && _identifiers.GetOrAdd(token.ValueText, NamesAScore))
                starts.Add(token.SpanStart);
        }
        return starts.ToArray();
    }

    private static bool NamesAScore(string text)
    {
        foreach (var word in Words)
        {
            if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                return true;
        }
        return false;
    }

    private static int ShortestOf(string[] words)
    {
        var shortest = int.MaxValue;
        foreach (var word in words)
            shortest = Math.Min(shortest, word.Length);
        return shortest;
    }
}
