using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PersonaAnalyzers.Substitution;

/// <summary>The gate in front of PERSONA001: every direct substitute source is a member reached by its name (a
/// name-pattern match, a <c>[ProfileSubstitute]</c> member, or a vector store's search), so a file whose text holds no such name, and a body
/// with none in its span, obtains no substitute and its operation tree is not walked (<see cref="SourceTextGate"/>).
/// The attributed names are collected once per compilation (<see cref="AttributedNames"/>).</summary>
internal sealed class SubstituteNames
{
    /// <summary>Names that reach a source whatever the patterns say: the attributed members', and a vector store's
    /// searches when the compilation references Microsoft.Extensions.VectorData.</summary>
    private readonly HashSet<string> _attributed;

    /// <summary>Per file: where its text holds a pattern's literal or an attributed name.</summary>
    private readonly PerTree<WordPositions> _files;

    /// <summary>An attributed delegate type is invoked through a variable of any name; an alias of the attribute
    /// hides it from the syntax scan. Either turns the gate off.</summary>
    private readonly bool _open;

    private SubstituteNames(Compilation compilation, HashSet<string> attributed, bool open)
    {
        _files = new PerTree<WordPositions>(compilation);
        _attributed = attributed;
        _open = open;
    }

    public static SubstituteNames Collect(Compilation compilation, SubstitutionSymbols symbols, CancellationToken cancellation)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var open = symbols.ProfileSubstituteAttribute is { } attribute && AttributedNames.Collect(compilation, attribute, names, cancellation);
        // A vector store's search is a source by its name and its hits (SubstitutionSymbols.IsVectorSearch).
        if (symbols.VectorSearchResultOfT is not null)
            names.UnionWith(SubstitutionSymbols.VectorSearchNames);
        // CandidateVetter's Vet hands back rejected candidates beside the safe ones (SubstitutionSymbols.ReturnsEveryVerdict).
        if (symbols.CandidateVetterOfT is not null)
            names.UnionWith(new[] { "Vet", "VetAsync" });
        return new SubstituteNames(compilation, names, open);
    }

    /// <summary>Some identifier in the file may name a substitute source: the first, cheapest question, asked before
    /// the options or the blocks of a body are looked at. Answered once per file.</summary>
    public bool MayObtainIn(SyntaxTree tree, AnalyzerOptions analyzerOptions, CancellationToken cancellation)
    {
        if (_open)
            return true;
        return FilePositions(tree, analyzerOptions, cancellation).MayContain;
    }

    /// <summary>Some identifier in <paramref name="node"/> may name a substitute source, as far as the file's text can
    /// tell (true where it cannot: <see cref="Occurrences"/> then scans the tokens).</summary>
    public bool MayObtainWithin(SyntaxNode node, AnalyzerOptions analyzerOptions, CancellationToken cancellation)
    {
        if (_open)
            return true;
        return FilePositions(node.SyntaxTree, analyzerOptions, cancellation).MayContainWithin(node.Span);
    }

    /// <summary>Where in <paramref name="body"/>'s file a name of a substitute source may occur, so that the walk of
    /// the body can pass over the parts with none (<see cref="WordPositions.Unknown"/> where the text cannot tell); null
    /// when no identifier of the body names one.</summary>
    public WordPositions? Occurrences(SyntaxNode body, SubstitutionOptions options, CancellationToken cancellation)
    {
        if (_open)
            return WordPositions.Unknown;
        var positions = Positions(body.SyntaxTree, options, cancellation);
        if (positions.IsKnown)
            return positions.MayContainWithin(body.Span) ? positions : null;
        foreach (var token in body.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && (_attributed.Contains(token.ValueText) || options.NameMatches(token.ValueText)))
                return positions;
        }
        return null;
    }

    // Asked for every block of every file that passes: the file's options are looked up only the first time.
    private WordPositions FilePositions(SyntaxTree tree, AnalyzerOptions analyzerOptions, CancellationToken cancellation) =>
        _files.GetOrAdd(tree, (Names: this, Options: analyzerOptions, Cancellation: cancellation),
            static (t, s) => s.Names.Search(t, SubstitutionOptions.For(s.Options, t), s.Cancellation));

    private WordPositions Positions(SyntaxTree tree, SubstitutionOptions options, CancellationToken cancellation) =>
        _files.GetOrAdd(tree, (Names: this, Options: options, Cancellation: cancellation), static (t, s) => s.Names.Search(t, s.Options, s.Cancellation));

    // A pattern of wildcards only matches every name: the text cannot narrow anything down.
    private WordPositions Search(SyntaxTree tree, SubstitutionOptions options, CancellationToken cancellation) =>
        options.PatternLiterals is { } literals ? SourceTextGate.Find(tree, literals, _attributed, cancellation) : WordPositions.Unknown;
}
