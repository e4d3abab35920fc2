using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PersonaAnalyzers.Substitution;

/// <summary>The cheapest gates, in front of every operation walk: an identifier that names a substitute source or a
/// score contains a literal of a name pattern, an attributed member's name or a similarity word, and so does the text
/// around it. One search per word of a file's text (the runtime's vectorised IndexOf) finds every occurrence; a file
/// with none is skipped whole, and a body with none in its span is skipped without walking a token. Most files of a project are not personalization
/// code, and even in those that are, most bodies do not name a source. Occurrences in comments and strings only let
/// a body through to the operation walk, which decides. The callers cache the answer per file.</summary>
internal static class SourceTextGate
{
    /// <summary>Every occurrence in the tree's text of one of <paramref name="ignoringCase"/> (compared without case,
    /// as <see cref="NamePattern"/> compares names) or of <paramref name="exact"/>. A file that spells an identifier
    /// with a Unicode escape (<c>\u0053imilar</c>) cannot be searched as text: for it the answer is
    /// <see cref="WordPositions.Unknown"/>, and the callers scan its tokens.</summary>
    public static WordPositions Find(SyntaxTree tree, IReadOnlyList<string> ignoringCase, IEnumerable<string> exact, CancellationToken cancellation)
    {
        // StringText (every file below the large-text size) hands out its own string; larger files are copied once.
        var text = tree.GetText(cancellation).ToString();
        if (text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) >= 0)
            return WordPositions.Unknown;
        var starts = new List<int>();
        foreach (var word in ignoringCase)
            AddAll(text, word, StringComparison.OrdinalIgnoreCase, starts);
        foreach (var word in exact)
            AddAll(text, word, StringComparison.Ordinal, starts);
        starts.Sort();
        return new WordPositions(starts.ToArray());
    }

    private static void AddAll(string text, string word, StringComparison comparison, List<int> starts)
    {
        if (word.Length == 0)
            return;
        for (var at = text.IndexOf(word, comparison); at >= 0; at = text.IndexOf(word, at + 1, comparison))
            starts.Add(at);
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

/// <summary>Where words occur in a file's text (the start of each occurrence, in order), or <see cref="Unknown"/>.</summary>
internal sealed class WordPositions
{
    /// <summary>The text cannot tell (a Unicode escape, or a pattern that matches every name): ask the tokens.</summary>
    public static readonly WordPositions Unknown = new(null);

    private readonly int[]? _starts;

    public WordPositions(int[]? starts) => _starts = starts;

    public bool IsKnown => _starts is not null;

    /// <summary>Whether the file may hold one of the words at all.</summary>
    public bool MayContain => _starts is null || _starts.Length > 0;

    /// <summary>Whether an occurrence starts inside <paramref name="span"/> (an identifier inside a body starts
    /// there); always true when unknown.</summary>
    public bool MayContainWithin(TextSpan span)
    {
        if (_starts is null)
            return true;
        var index = Array.BinarySearch(_starts, span.Start);
        if (index < 0)
            index = ~index;
        return index < _starts.Length && _starts[index] < span.End;
    }
}
