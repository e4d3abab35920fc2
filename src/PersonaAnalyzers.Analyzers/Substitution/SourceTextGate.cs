using System;
using System.Buffers;
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
    public static WordPositions Find(SyntaxTree tree, CaseInsensitiveWords ignoringCase, IEnumerable<string> exact, CancellationToken cancellation)
    {
        // StringText (every file below the large-text size) hands out its own string; larger files are copied once.
        var text = tree.GetText(cancellation).ToString();
        if (HasUnicodeEscape(text))
            return WordPositions.Unknown;
        var starts = new List<int>();
        if (ignoringCase.Lowered.Length > 0)
        {
            // One lower-case copy of the text, then an ordinal search per word: about half the time of a search without
            // case per word (docs/performance.md, twelfth round). Only an ASCII character matches an ASCII letter
            // without case, and its lower case is that letter's, so the copy finds every occurrence such a search finds.
            var buffer = ArrayPool<char>.Shared.Rent(text.Length);
            try
            {
                var lowered = new Span<char>(buffer, 0, text.Length);
                text.AsSpan().ToLowerInvariant(lowered);
                foreach (var word in ignoringCase.Lowered)
                    AddAll(lowered, word, StringComparison.Ordinal, starts);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }
        foreach (var word in ignoringCase.Others)
            AddAll(text.AsSpan(), word, StringComparison.OrdinalIgnoreCase, starts);
        foreach (var word in exact)
            AddAll(text.AsSpan(), word, StringComparison.Ordinal, starts);
        starts.Sort();
        return new WordPositions(starts.ToArray());
    }

    /// <summary>A backslash followed by <c>u</c> or <c>U</c>: searched by the backslash alone, which C# source has few of.</summary>
    private static bool HasUnicodeEscape(string text)
    {
        for (var at = text.IndexOf('\\'); at >= 0 && at + 1 < text.Length; at = text.IndexOf('\\', at + 1))
        {
            if (text[at + 1] is 'u' or 'U')
                return true;
        }
        return false;
    }

    /// <summary>Adds where <paramref name="word"/> starts in <paramref name="text"/> (each occurrence, overlapping ones
    /// too).</summary>
    private static void AddAll(ReadOnlySpan<char> text, string word, StringComparison comparison, List<int> starts)
    {
        if (word.Length == 0)
            return;
        for (var offset = 0; offset <= text.Length - word.Length;)
        {
            var at = text.Slice(offset).IndexOf(word.AsSpan(), comparison);
            if (at < 0)
                return;
            starts.Add(offset + at);
            offset += at + 1;
        }
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

/// <summary>Words a text gate searches for without case, prepared once per list: the ASCII ones lower-cased (see
/// <see cref="SourceTextGate.Find"/>), the others kept for a search without case.</summary>
internal sealed class CaseInsensitiveWords
{
    public static readonly CaseInsensitiveWords None = new(Array.Empty<string>());

    public CaseInsensitiveWords(IEnumerable<string> words)
    {
        var lowered = new List<string>();
        var others = new List<string>();
        foreach (var word in words)
        {
            if (word.Length == 0)
                continue;
            if (IsAscii(word))
                lowered.Add(word.ToLowerInvariant());
            else
                others.Add(word);
        }
        Lowered = lowered.ToArray();
        Others = others.ToArray();
    }

    /// <summary>The ASCII words, lower-cased.</summary>
    public string[] Lowered { get; }

    /// <summary>Words with a character outside ASCII: a lower-case copy of the text could miss one of their matches
    /// without case (the final sigma has its own lower case but shares its upper case).</summary>
    public string[] Others { get; }

    private static bool IsAscii(string word)
    {
        foreach (var c in word)
        {
            if (c >= 0x80)
                return false;
        }
        return true;
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
