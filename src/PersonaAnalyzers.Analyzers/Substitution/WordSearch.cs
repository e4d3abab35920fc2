using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PersonaAnalyzers.Substitution;

/// <summary>Finds every occurrence of a fixed set of words in a text in one vectorised pass, with the answers of
/// <see cref="string.IndexOf(string, int, StringComparison)"/> word by word (<see cref="StringComparison.OrdinalIgnoreCase"/>
/// or <see cref="StringComparison.Ordinal"/>). The file gates ask it about every file of a project, most of which hold
/// none of the words: one search per word read each file a dozen times and was the largest cost of the analyzers on
/// ordinary code (docs/performance.md, ninth round). Each block of characters is compared, case folded, with the first
/// three characters of every word at once; only the positions where some word's three match are compared in full.</summary>
/// <remarks>Case folding by <c>c | 0x20</c> maps an ASCII letter to its lower case and no other character onto a
/// lower-case letter, so a position where an ASCII word matches ignoring case always passes the filter: no character
/// outside ASCII equals an ASCII letter under <see cref="StringComparison.OrdinalIgnoreCase"/> (the ordinal casing
/// table leaves U+0131 dotless i and U+017F long s alone, as Windows does; the tests search texts full of both). Words
/// that are short or not ASCII are searched word by word.</remarks>
internal sealed class WordSearch
{
    /// <summary>The first three characters (folded) shared by the words of one group, one vector of each.</summary>
    private readonly Vector<ushort>[] _first;
    private readonly Vector<ushort>[] _second;
    private readonly Vector<ushort>[] _third;
    private readonly Word[][] _groups;

    /// <summary>Words the vector filter cannot take (fewer than three characters, or not ASCII).</summary>
    private readonly Word[] _wordByWord;

    private readonly Word[] _all;

    public WordSearch(IEnumerable<string> ignoringCase, IEnumerable<string> exact)
    {
        var all = new List<Word>();
        foreach (var word in ignoringCase)
            all.Add(new Word(word, StringComparison.OrdinalIgnoreCase));
        foreach (var word in exact)
            all.Add(new Word(word, StringComparison.Ordinal));
        _all = all.ToArray();

        var groups = new List<(int Key, List<Word> Words)>();
        var wordByWord = new List<Word>();
        foreach (var word in _all)
        {
            if (word.Text.Length == 0)
                continue; // found nowhere, as IndexOf's "found everywhere" would be no gate
            if (word.Text.Length < 3 || !IsAscii(word.Text))
            {
                wordByWord.Add(word);
                continue;
            }
            var key = (word.Text[0] | 0x20) << 16 | (word.Text[1] | 0x20) << 8 | (word.Text[2] | 0x20);
            var group = groups.FindIndex(g => g.Key == key);
            if (group < 0)
                groups.Add((key, new List<Word> { word }));
            else
                groups[group].Words.Add(word);
        }
        _first = new Vector<ushort>[groups.Count];
        _second = new Vector<ushort>[groups.Count];
        _third = new Vector<ushort>[groups.Count];
        _groups = new Word[groups.Count][];
        for (var i = 0; i < groups.Count; i++)
        {
            _first[i] = new Vector<ushort>((ushort)(groups[i].Key >> 16));
            _second[i] = new Vector<ushort>((ushort)((groups[i].Key >> 8) & 0xFF));
            _third[i] = new Vector<ushort>((ushort)(groups[i].Key & 0xFF));
            _groups[i] = groups[i].Words.ToArray();
        }
        _wordByWord = wordByWord.ToArray();
    }

    /// <summary>The start of every occurrence of every word in <paramref name="text"/>, in order (a position where two
    /// words start is listed once for each); null when the text holds a Unicode escape (<c>\u0053imilar</c>), which
    /// spells an identifier the text search cannot see.</summary>
    public int[]? FindAll(string text)
    {
        var starts = new List<int>();
        if (!Vector.IsHardwareAccelerated || text.Length < 3)
        {
            if (text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) >= 0)
                return null;
            foreach (var word in _all)
                AddAll(text, word, starts);
            starts.Sort();
            return starts.ToArray();
        }
        if (!Scan(text, starts))
            return null;
        foreach (var word in _wordByWord)
            AddAll(text, word, starts);
        if (_wordByWord.Length > 0)
            starts.Sort();
        return starts.ToArray();
    }

    /// <summary>The vector pass (text of three characters or more); false when the text holds <c>\u</c>. Compiled
    /// optimised at once (<c>AggressiveOptimization</c>, 512, which netstandard2.0 does not name): a cold build runs
    /// the analyzers' other code unoptimised, and an unoptimised vector loop is many times slower than the runtime's
    /// own precompiled search.</summary>
    [MethodImpl((MethodImplOptions)512)]
    private bool Scan(string text, List<int> starts)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(text.AsSpan());
        var at0 = MemoryMarshal.Cast<ushort, Vector<ushort>>(chars);
        var at1 = MemoryMarshal.Cast<ushort, Vector<ushort>>(chars.Slice(1));
        var at2 = MemoryMarshal.Cast<ushort, Vector<ushort>>(chars.Slice(2));
        var blocks = at2.Length;
        var fold = new Vector<ushort>(0x20);
        var backslash = new Vector<ushort>('\\');
        var u = new Vector<ushort>('u');
        var escapes = Vector<ushort>.Zero;
        var width = Vector<ushort>.Count;
        for (var block = 0; block < blocks; block++)
        {
            var raw = at0[block];
            var x = raw | fold;
            var y = at1[block] | fold;
            escapes |= Vector.Equals(raw, backslash) & Vector.Equals(y, u);
            var z = at2[block] | fold;
            var any = Vector<ushort>.Zero;
            for (var g = 0; g < _groups.Length; g++)
                any |= Vector.Equals(x, _first[g]) & Vector.Equals(y, _second[g]) & Vector.Equals(z, _third[g]);
            if (any == Vector<ushort>.Zero)
                continue;
            for (var lane = 0; lane < width; lane++)
            {
                if (any[lane] != 0)
                    Verify(text, block * width + lane, starts);
            }
        }
        for (var at = blocks * width; at < text.Length; at++)
        {
            if (text[at] == '\\' && at + 1 < text.Length && (text[at + 1] | 0x20) == 'u')
                return false;
            if (at + 2 < text.Length)
                Verify(text, at, starts);
        }
        return escapes == Vector<ushort>.Zero;
    }

    /// <summary>Every word whose first three characters (folded) match at <paramref name="at"/>, compared in full.</summary>
    private void Verify(string text, int at, List<int> starts)
    {
        int a = text[at] | 0x20, b = text[at + 1] | 0x20, c = text[at + 2] | 0x20;
        for (var g = 0; g < _groups.Length; g++)
        {
            var words = _groups[g];
            var first = words[0].Text;
            if ((first[0] | 0x20) != a || (first[1] | 0x20) != b || (first[2] | 0x20) != c)
                continue;
            foreach (var word in words)
            {
                if (at + word.Text.Length <= text.Length && string.Compare(text, at, word.Text, 0, word.Text.Length, word.Comparison) == 0)
                    starts.Add(at);
            }
        }
    }

    private static void AddAll(string text, Word word, List<int> starts)
    {
        if (word.Text.Length == 0)
            return;
        for (var at = text.IndexOf(word.Text, word.Comparison); at >= 0; at = text.IndexOf(word.Text, at + 1, word.Comparison))
            starts.Add(at);
    }

    private static bool IsAscii(string word)
    {
        foreach (var c in word)
        {
            if (c > 0x7F)
                return false;
        }
        return true;
    }

    private readonly record struct Word(string Text, StringComparison Comparison);
}
