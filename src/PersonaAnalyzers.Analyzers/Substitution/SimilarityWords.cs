using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PersonaAnalyzers.Substitution;

/// <summary>A syntax-only gate in front of PERSONA002/003: a body none of whose identifiers names a similarity, a
/// distance or a kernel cannot compute a score, so its operation tree is not walked. Every score
/// <see cref="SimilarityScores"/> recognises is reached through such a name. Each file's text is searched once for
/// both rules (<see cref="SourceTextGate"/>); a body is then one binary search among the occurrences.</summary>
internal sealed class SimilarityWords
{
    private static readonly string[] Words =
    {
        "Similar", "Cosine", "Distance", "Explain", "Correlation", "Pearson", "Jaccard", "Gaussian", "JensenShannon", "Categorical",
        // A search hit's score beside its profile (SimilarityScores.IsPairScore).
        "Score", "Relevance",
    };

    /// <summary>The words plus, when the compilation references Microsoft.Extensions.VectorData, its searches'
    /// names: a search for the single nearest record selects by similarity without naming a score.</summary>
    private readonly string[] _words;
    private readonly CaseInsensitiveWords _searched;

    /// <summary><see cref="NamesAScore"/>, made once: the identifier cache asks it for every identifier it has not seen.</summary>
    private readonly Func<string, bool> _namesAScore;

    private static readonly ConditionalWeakTable<Compilation, SimilarityWords> PerCompilation = new();

    /// <summary>Per file, shared by both rules: where the words occur in its text.</summary>
    private readonly PerTree<WordPositions> _files;

    /// <summary>How a body takes a (profile, score) pair apart — <c>var (twin, s) = …</c>, <c>foreach (var (c, s) in …)</c>,
    /// <c>is (var twin, var s)</c>, <c>is ({ } twin, var s)</c>, <c>foreach ((Reader c, double s) in …)</c>, <c>(Reader
    /// twin, double s) = …</c> (a score declared with its type) — searched exactly, keywords being lower case. Not
    /// <c>(var </c>: every <c>foreach (var x in …)</c> spells it; nor <c>(double</c>, which every cast does.</summary>
    private static readonly string[] TakingApart = { "var (", "var(", ", var ", "foreach ((", ", double ", ", float ", "(double ", "(float " };

    /// <summary>Per file, where <see cref="TakingApart"/> occurs: searched the first time a body of a file that passed
    /// <see cref="MayScoreIn"/> names no score itself, so never for the files no rule of the two looks into.</summary>
    private readonly PerTree<WordPositions> _takenApart;

    /// <summary>Per file, where the names of its methods whose bodies name a score occur (<see cref="MayPickByHelper"/>):
    /// searched the first time a body of a file that passed <see cref="MayScoreIn"/> names no score itself.</summary>
    private readonly PerTree<WordPositions> _scoreHelpers;

    /// <summary>For files the text cannot answer for: each identifier tested against the words once.</summary>
    private readonly ConcurrentDictionary<string, bool> _identifiers = new(StringComparer.Ordinal);

    private SimilarityWords(Compilation compilation, SubstitutionSymbols symbols)
    {
        _files = new PerTree<WordPositions>(compilation);
        _takenApart = new PerTree<WordPositions>(compilation);
        _scoreHelpers = new PerTree<WordPositions>(compilation);
        _words = symbols.VectorSearchResultOfT is null ? Words : System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Concat(Words, SubstitutionSymbols.VectorSearchNames));
        _searched = new CaseInsensitiveWords(_words);
        _namesAScore = NamesAScore;
    }

    public static SimilarityWords For(Compilation compilation, SubstitutionSymbols symbols) =>
        PerCompilation.GetValue(compilation, c => new SimilarityWords(c, symbols));

    /// <summary>Some identifier in the file may name a score: asked of each type's files before its members are
    /// registered for (<see cref="TypeGate"/>) and of each body's file; the file's text is searched the first time.</summary>
    public bool MayScoreIn(SyntaxTree tree) => Positions(tree).MayContain;

    /// <summary>Some identifier of <paramref name="node"/> may name a score.</summary>
    public bool MayScore(SyntaxNode node)
    {
        var positions = Positions(node.SyntaxTree);
        if (positions.IsKnown)
            return positions.MayContainWithin(node.Span);
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && _identifiers.GetOrAdd(token.ValueText, _namesAScore))
                return true;
        }
        return false;
    }

    /// <summary>The node may take a pair apart (<see cref="TakingApart"/>): a score it names nowhere can still sit in a
    /// pair's element named for one, declared elsewhere in the file (<c>List&lt;(Reader Profile, double Similarity)&gt;
    /// _pairs</c>) — <c>var (twin, s) = _pairs[0]; if (s &gt; 0.9) …</c>. Asked only of the bodies of files that name a
    /// score (<see cref="MayScoreIn"/>) and fail <see cref="MayScore"/>.</summary>
    public bool MayTakeApart(SyntaxNode node)
    {
        var positions = _takenApart.GetOrAdd(node.SyntaxTree, 0,
            static (t, _) => SourceTextGate.Find(t, CaseInsensitiveWords.None, TakingApart, CancellationToken.None));
        if (positions.IsKnown)
            return positions.MayContainWithin(node.Span);
        foreach (var descendant in node.DescendantNodes())
        {
            if (descendant.IsKind(SyntaxKind.ForEachVariableStatement) || descendant.IsKind(SyntaxKind.ParenthesizedVariableDesignation) ||
                descendant.IsKind(SyntaxKind.PositionalPatternClause))
                return true;
        }
        return false;
    }

    /// <summary>The node names a method of its file whose body names a score: <c>pool.MaxBy(Fit)</c> with <c>double
    /// Fit(Reader c) =&gt; Similarity(viewer, c);</c> declared beside it picks by similarity without spelling a score word
    /// (probe 13a, repro 03) — PERSONA002 reads a same-file method group's returned value as a lambda's. Asked only of the
    /// bodies of files that name a score (<see cref="MayScoreIn"/>) and fail <see cref="MayScore"/>.</summary>
    public bool MayPickByHelper(SyntaxNode node) =>
        _scoreHelpers.GetOrAdd(node.SyntaxTree, this, static (tree, self) => self.ScoreHelperPositions(tree)).MayContainWithin(node.Span);

    /// <summary>Where the file hands one of its score helpers over as a method group, <c>(Fit)</c> (an empty set where it
    /// has none): one text search, then a binary search per body, as for the score words. Searched as the group is
    /// written, not by the name alone: a name such as <c>Nearest</c> is also part of every <c>FindNearest(…)</c> call,
    /// which let the bodies that make one through to the whole search (docs/performance.md, twenty-fifth round).</summary>
    private WordPositions ScoreHelperPositions(SyntaxTree tree)
    {
        var helpers = ScoreHelpers(tree);
        if (helpers.Count == 0)
            return NoPositions;
        var groups = new List<string>(helpers.Count);
        foreach (var name in helpers)
            groups.Add("(" + name + ")");
        return SourceTextGate.Find(tree, CaseInsensitiveWords.None, groups, CancellationToken.None);
    }

    private static readonly WordPositions NoPositions = new(Array.Empty<int>());

    private HashSet<string> ScoreHelpers(SyntaxTree tree)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        // Methods sit in types and namespaces: descend through those only, never into a body.
        foreach (var node in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is MethodDeclarationSyntax { ParameterList.Parameters.Count: > 0 } method &&
                ((SyntaxNode?)method.Body ?? method.ExpressionBody) is { } body && MayScore(body))
                names.Add(method.Identifier.ValueText);
        }
        return names;
    }

    private WordPositions Positions(SyntaxTree tree) =>
        _files.GetOrAdd(tree, _searched, static (t, words) => SourceTextGate.Find(t, words, Array.Empty<string>(), CancellationToken.None));

    private bool NamesAScore(string text)
    {
        foreach (var word in _words)
        {
            if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                return true;
        }
        return false;
    }
}
