using System;

namespace PersonaAnalyzers.Substitution;

/// <summary>A member-name glob from <c>persona_analyzers.substitute_name_patterns</c>: <c>*</c> matches any run of
/// characters, <c>?</c> one character; matching ignores case (<c>GetNearestNeighbor</c>, <c>nearestProfile</c>).</summary>
internal static class NamePattern
{
    public static bool Matches(string pattern, string name) => Matches(pattern, 0, name, 0);

    private static bool Matches(string pattern, int p, string name, int n)
    {
        // Iterative with one backtrack point: linear in practice for the short patterns users write.
        int starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], name[n])))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starN = n;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                n = ++starN;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }

    /// <summary>Compared as the text gates compare a file's text (<see cref="StringComparison.OrdinalIgnoreCase"/>), so
    /// that what a name matches never depends on what else the file spells: an ASCII letter equals only itself in the
    /// other case. <see cref="char.ToUpperInvariant(char)"/> alone would also make the long s (<c>ſ</c>) an <c>s</c>,
    /// which no search of the text without case finds.</summary>
    private static bool CharEquals(char a, char b)
    {
        if (a == b)
            return true;
        if (a < 0x80 || b < 0x80)
            return a < 0x80 && b < 0x80 && (a | 0x20) == (b | 0x20) && (a | 0x20) is >= 'a' and <= 'z';
        return char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
    }

    /// <summary>Splits an option value (<c>*Similar*, *Nearest*</c>) into patterns, ignoring blanks: commas, semicolons
    /// (which an MSBuild list uses) and white space all separate — no name or pattern holds a space, so a list written
    /// with spaces only (<c>*Proxy* *StandIn*</c>) is two patterns, not one that matches nothing.</summary>
    public static string[] Split(string value)
    {
        var parts = value.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var result = new System.Collections.Generic.List<string>(parts.Length);
        foreach (var part in parts)
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
                result.Add(trimmed);
        }
        return result.ToArray();
    }

    private static readonly char[] Separators = { ',', ';', ' ', '\t' };
}
