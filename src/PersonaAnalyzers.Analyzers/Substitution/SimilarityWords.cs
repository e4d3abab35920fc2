using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PersonaAnalyzers.Substitution;

/// <summary>A syntax-only gate in front of PERSONA002/003: a body none of whose identifiers names a similarity, a
/// distance or a kernel cannot compute a score, so its operation tree is not walked. Every score
/// <see cref="SimilarityScores"/> recognises is reached through such a name.</summary>
internal static class SimilarityWords
{
    private static readonly string[] Words =
    {
        "Similar", "Cosine", "Distance", "Explain", "Correlation", "Pearson", "Jaccard", "Gaussian", "JensenShannon", "Categorical",
    };

    public static bool MayScore(SyntaxNode node)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken))
                continue;
            var text = token.ValueText;
            foreach (var word in Words)
            {
                if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                    return true;
            }
        }
        return false;
    }
}
