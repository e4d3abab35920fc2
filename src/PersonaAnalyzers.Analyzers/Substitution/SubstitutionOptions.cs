using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PersonaAnalyzers.Options;

namespace PersonaAnalyzers.Substitution;

/// <summary>The substitution rules' options for one syntax tree (<c>.editorconfig</c> sections can differ per
/// file), parsed once per options instance.</summary>
internal sealed class SubstitutionOptions
{
    public static readonly string[] DefaultPatterns = { "*Similar*", "*Nearest*", "*Neighbo*r*", "*Lookalike*", "*Fallback*" };

    private static readonly ConditionalWeakTable<AnalyzerConfigOptions, SubstitutionOptions> Cache = new();

    private readonly ConcurrentDictionary<string, bool> _nameMatches = new(StringComparer.Ordinal);

    /// <summary>Cached: a lambda over the patterns would be a new delegate for every identifier asked about.</summary>
    private readonly Func<string, bool> _matchesAnyPattern;

    private SubstitutionOptions(string[] patterns, HashSet<string> checkMethods)
    {
        Patterns = patterns;
        CheckMethods = checkMethods;
        _matchesAnyPattern = MatchesAnyPattern;
        var shortest = int.MaxValue;
        foreach (var pattern in patterns)
        {
            var literal = 0;
            foreach (var c in pattern)
            {
                if (c != '*')
                    literal++;
            }
            shortest = Math.Min(shortest, literal);
        }
        ShortestMatch = shortest == int.MaxValue ? 0 : shortest;
        var literals = new List<string>(patterns.Length);
        foreach (var pattern in patterns)
        {
            var literal = SourceTextGate.LongestLiteral(pattern);
            if (literal.Length == 0)
            {
                literals = null;
                break;
            }
            literals.Add(literal);
        }
        PatternLiterals = literals;
    }

    /// <summary>Name patterns of substitute-returning members.</summary>
    public string[] Patterns { get; }

    /// <summary>The literal text each pattern requires of a name (<see cref="SourceTextGate"/>); null when a pattern is
    /// wildcards only and so matches every name.</summary>
    public IReadOnlyList<string>? PatternLiterals { get; }

    /// <summary>The fewest characters a name matching some pattern can have (every character but <c>*</c>): shorter
    /// identifiers, most of them (<c>c</c>, <c>user</c>, <c>i</c>), are ruled out without a look-up.</summary>
    public int ShortestMatch { get; }

    /// <summary>Extra check methods, fully qualified (<c>Acme.Vetting.IsSafeFor</c>).</summary>
    public HashSet<string> CheckMethods { get; }

    public static SubstitutionOptions For(AnalyzerOptions options, SyntaxTree tree) =>
        Cache.GetValue(options.AnalyzerConfigOptionsProvider.GetOptions(tree), Parse);

    private static SubstitutionOptions Parse(AnalyzerConfigOptions options)
    {
        var patterns = PersonaOptions.TryGet(options, PersonaOptions.SubstituteNamePatterns, out var raw)
            ? NamePattern.Split(raw)
            : DefaultPatterns;
        var checks = new HashSet<string>(StringComparer.Ordinal);
        if (PersonaOptions.TryGet(options, PersonaOptions.CheckMethods, out var methods))
        {
            foreach (var method in NamePattern.Split(methods))
                checks.Add(method.StartsWith("global::", StringComparison.Ordinal) ? method.Substring(8) : method);
        }
        return new SubstitutionOptions(patterns, checks);
    }

    public bool NameMatches(string name) => name.Length >= ShortestMatch && _nameMatches.GetOrAdd(name, _matchesAnyPattern);

    private bool MatchesAnyPattern(string name)
    {
        foreach (var pattern in Patterns)
        {
            if (NamePattern.Matches(pattern, name))
                return true;
        }
        return false;
    }
}
