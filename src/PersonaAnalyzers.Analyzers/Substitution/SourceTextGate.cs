using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.Substitution;

/// <summary>The cheapest gate, in front of the per-body token scans: a file whose text contains none of the words an
/// identifier would need to be a substitute source or a score cannot obtain one, so none of its bodies is scanned.
/// Most files of a project are not personalization code; one vectorised search of their text is far cheaper than
/// walking the tokens of every body in them three times. The answers are cached per tree by the callers.</summary>
internal static class SourceTextGate
{
    /// <summary>Whether the tree's text contains one of <paramref name="ignoringCase"/> (compared without case, as
    /// <see cref="NamePattern"/> compares names) or one of <paramref name="exact"/>. A file that spells an identifier
    /// with a Unicode escape (<c>\u0053imilar</c>) cannot be searched as text, so it always passes.</summary>
    public static bool MayContain(SyntaxTree tree, IReadOnlyList<string> ignoringCase, IEnumerable<string> exact, CancellationToken cancellation)
    {
        // StringText (every file below the large-text size) hands out its own string; larger files are copied once.
        var text = tree.GetText(cancellation).ToString();
        if (text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) >= 0)
            return true;
        foreach (var word in ignoringCase)
        {
            if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                return true;
        }
        foreach (var word in exact)
        {
            if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
                return true;
        }
        return false;
    }

    /// <summary>The longest run of literal characters in a name pattern: a name that matches the pattern contains it.
    /// Empty for a pattern of wildcards only (<c>*</c>), which every name matches.</summary>
    public static string LongestLiteral(string pattern)
    {
        var longest = string.Empty;
        foreach (var part in pattern.Split('*', '?'))
        {
            if (part.Length > longest.Length)
                longest = part;
        }
        return longest;
    }
}
