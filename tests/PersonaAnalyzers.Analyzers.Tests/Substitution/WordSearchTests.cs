using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>The file gates' one-pass search gives exactly the answers of <see cref="string.IndexOf(string, int, StringComparison)"/>
/// word by word — every position, in order — on any text, including the characters its case folding cannot answer for
/// and the Unicode escapes that make the text unreadable as identifiers.</summary>
public class WordSearchTests
{
    private static readonly string[] SimilarityWords =
        { "Similar", "Cosine", "Distance", "Explain", "Correlation", "Pearson", "Jaccard", "Score", "Relevance" };

    /// <summary>What the gates did before: one search per word; null for a text holding <c>\u</c>.</summary>
    private static int[]? WordByWord(string text, string[] ignoringCase, string[] exact)
    {
        if (text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) >= 0)
            return null;
        var starts = new List<int>();
        foreach (var (word, comparison) in ignoringCase.Select(w => (w, StringComparison.OrdinalIgnoreCase))
                     .Concat(exact.Select(w => (w, StringComparison.Ordinal))))
        {
            if (word.Length == 0)
                continue;
            for (var at = text.IndexOf(word, comparison); at >= 0; at = text.IndexOf(word, at + 1, comparison))
                starts.Add(at);
        }
        starts.Sort();
        return starts.ToArray();
    }

    [Theory]
    [InlineData("var s = ReaderGuard.Similarity(user, candidate); // a SIMILAR score")]
    [InlineData("cosineSimilarity >= x.Score && relevance < 1")]
    [InlineData("Sim")] // shorter than a word
    [InlineData("")]
    [InlineData("var \\u0053imilar = 1;")] // a Unicode escape: unknown
    [InlineData("var x = \"\\U00000053\";")]
    [InlineData("ends with a backslash \\")]
    [InlineData("ſimilar and sımilar: letters outside ASCII that ignore-case comparison equates with s and i")]
    [InlineData("Ｓimilar — ünïcödé around a Similar, at the very end: Score")]
    [InlineData("SimilarSimilarSimilar")] // overlapping and adjacent occurrences
    public void Finds_what_a_search_per_word_finds(string text)
    {
        var search = new WordSearch(SimilarityWords, new[] { "ProfileSubstitute" });

        Assert.Equal(WordByWord(text, SimilarityWords, new[] { "ProfileSubstitute" }), search.FindAll(text));
    }

    [Fact]
    public void Words_found_at_every_offset_of_a_vector_block_and_in_the_tail()
    {
        var search = new WordSearch(new[] { "Nearest" }, Array.Empty<string>());
        for (var offset = 0; offset < 80; offset++)
        {
            var text = new string('x', offset) + "nEaReSt" + new string('y', offset % 7);

            Assert.Equal(new[] { offset }, search.FindAll(text));
        }
    }

    [Fact]
    public void Short_words_non_ascii_words_and_exact_words_keep_their_own_comparison()
    {
        string[] ignoringCase = { "AI", "Ähnlich", "x" };
        string[] exact = { "ProfileSubstitute", "Tw" };
        var search = new WordSearch(ignoringCase, exact);
        const string text = "ai AI äHNLICH Ähnlich profilesubstitute ProfileSubstitute tw Tw X";

        Assert.Equal(WordByWord(text, ignoringCase, exact), search.FindAll(text));
    }

    [Fact]
    public void An_empty_word_is_found_nowhere()
    {
        var search = new WordSearch(new[] { "", "Score" }, Array.Empty<string>());

        Assert.Equal(new[] { 4 }, search.FindAll("the score"));
    }

    /// <summary>Random texts over an alphabet that makes near-misses likely: the words' own letters in both cases,
    /// their first three characters, backslashes and <c>u</c>, the two letters outside ASCII that fold to ASCII ones,
    /// other non-ASCII letters, spaces and punctuation.</summary>
    [Fact]
    public void Random_texts_give_the_same_positions_as_a_search_per_word()
    {
        var pieces = SimilarityWords
            .SelectMany(w => new[] { w, w.ToLowerInvariant(), w.ToUpperInvariant(), w.Substring(0, 3), w.Substring(0, w.Length - 1) })
            .Concat(new[] { " ", ".", "(", "\\", "u", "U", "\u0131", "\u017F", "é", "Ｓ", "\n", "ProfileSubstitute", "profileSubstitute", "Sc", "o" })
            .ToArray();
        var texts = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[0, 60].Select(parts => string.Concat(parts));
        var exact = new[] { "ProfileSubstitute", "Sc" };
        var search = new WordSearch(SimilarityWords, exact);

        texts.Sample(text => Assert.Equal(WordByWord(text, SimilarityWords, exact), search.FindAll(text)), iter: 5_000);
    }
}
