namespace PersonaAnalyzers.Substitution;

/// <summary>Matches whole words of a PascalCase identifier: <c>Log</c> is a word of <c>LogInformation</c> and
/// <c>AuditLog</c>, not of <c>Logit</c>, <c>Login</c> or <c>Catalog</c>.</summary>
internal static class CamelWords
{
    public static bool StartsWithWord(string name, string word) => IsWordAt(name, 0, word);

    public static bool ContainsWord(string name, string word)
    {
        for (var start = name.IndexOf(word, System.StringComparison.Ordinal); start >= 0;
             start = name.IndexOf(word, start + 1, System.StringComparison.Ordinal))
        {
            if (IsWordAt(name, start, word))
                return true;
        }
        return false;
    }

    private static bool IsWordAt(string name, int start, string word)
    {
        if (string.CompareOrdinal(name, start, word, 0, word.Length) != 0)
            return false;
        // A word begins at the start, after a non-letter, or at a capital after a lower-case letter (ILogger's
        // "Logger" follows the interface prefix), and ends at the end, a capital, a digit or a separator.
        var startsWord = start == 0 || !char.IsLetter(name[start - 1]) || char.IsUpper(name[start]);
        var end = start + word.Length;
        var endsWord = end == name.Length || !char.IsLower(name[end]);
        return startsWord && endsWord;
    }

    /// <summary>Whether some word of the identifier is one of <paramref name="words"/>, ignoring case. Words are
    /// split at underscores and where a capital follows a lower-case letter: <c>_minSimilarity</c>,
    /// <c>SimilarityThreshold</c> and <c>MIN_SIMILARITY</c> each contain the word <c>Min</c> or <c>Threshold</c>.</summary>
    public static bool AnyWordIgnoringCase(string name, string[] words)
    {
        var start = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            var boundary = i == name.Length || name[i] == '_' || (i > start && char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
            if (!boundary)
                continue;
            var length = i - start;
            foreach (var word in words)
            {
                if (word.Length == length && string.Compare(name, start, word, 0, length, System.StringComparison.OrdinalIgnoreCase) == 0)
                    return true;
            }
            start = i < name.Length && name[i] == '_' ? i + 1 : i;
        }
        return false;
    }
}
