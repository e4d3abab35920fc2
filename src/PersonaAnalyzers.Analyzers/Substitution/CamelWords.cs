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
}
