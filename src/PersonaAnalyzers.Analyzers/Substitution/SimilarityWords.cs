using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PersonaAnalyzers.Substitution;

/// <summary>A syntax-only gate in front of PERSONA002/003: a body none of whose identifiers names a similarity, a
/// distance or a kernel cannot compute a score, so its operation tree is not walked. Every score
/// <see cref="SimilarityScores"/> recognises is reached through such a name. One instance per compilation: the same
/// identifiers recur in every body, so each is tested against the words once.</summary>
internal sealed class SimilarityWords
{
    private static readonly string[] Words =
    {
        "Similar", "Cosine", "Distance", "Explain", "Correlation", "Pearson", "Jaccard", "Gaussian", "JensenShannon", "Categorical",
    };

    /// <summary>Per file, shared by both rules and across compilations (the words are fixed, a tree's text never
    /// changes): whether the text contains a word at all.</summary>
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<bool>> Files = new();

    private readonly ConcurrentDictionary<string, bool> _identifiers = new(StringComparer.Ordinal);

    /// <summary>Some identifier in the file may name a score: asked once per file, before any body is looked at.</summary>
    public static bool MayScoreIn(SyntaxTree tree) =>
        Files.GetValue(tree, static t => new StrongBox<bool>(SourceTextGate.MayContain(t, Words, Array.Empty<string>(), CancellationToken.None))).Value;

    /// <summary>Some identifier of <paramref name="node"/> may name a score.</summary>
    public bool MayScore(SyntaxNode node)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && _identifiers.GetOrAdd(token.ValueText, NamesAScore))
                return true;
        }
        return false;
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
}
