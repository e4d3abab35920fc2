using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PersonaAnalyzers.Options;

namespace PersonaAnalyzers.Substitution;

/// <summary>The substitution rules' options for one syntax tree (<c>.editorconfig</c> sections can differ per
/// file), parsed once per distinct pair of settings.</summary>
/// <remarks>Shared by value, not by options instance: the .NET 10 SDK's compiler hands each syntax tree its own
/// <see cref="AnalyzerConfigOptions"/> even when every file has the same settings (1,000 files, 1,000 instances), so a
/// cache keyed by the instance parsed the options once per file and started every file with an empty name cache, whose
/// additions contended for its locks across the analysis threads (seen in a trace of a real build). Every file with
/// the same two settings now shares one instance and one name cache.</remarks>
internal sealed class SubstitutionOptions
{
    public static readonly string[] DefaultPatterns = { "*Similar*", "*Nearest*", "*Neighbo*r*", "*Lookalike*", "*Fallback*" };

    /// <summary>A project has one or two distinct settings; an IDE session where someone edits them accumulates a few
    /// more, so the cache is emptied past <see cref="MaxCached"/> rather than kept forever.</summary>
    private const int MaxCached = 32;

    /// <summary>Names asked about are identifiers of the code under analysis; a long-lived process (the compiler server,
    /// the IDE) sees many codebases, so the name cache is emptied past this size.</summary>
    private const int MaxCachedNames = 20_000;

    private static readonly ConcurrentDictionary<(string Patterns, string CheckMethods), SubstitutionOptions> Cache = new();

    private readonly ConcurrentDictionary<string, bool> _nameMatches = new(StringComparer.Ordinal);

    private int _cachedNames;

    private SubstitutionOptions(string[] patterns, HashSet<string> checkMethods, string[] checkMethodPatterns)
    {
        Patterns = patterns;
        CheckMethods = checkMethods;
        CheckMethodPatterns = checkMethodPatterns;
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
        PatternLiterals = literals is null ? null : new CaseInsensitiveWords(literals);
    }

    /// <summary>Name patterns of substitute-returning members.</summary>
    public string[] Patterns { get; }

    /// <summary>The literal text each pattern requires of a name (<see cref="SourceTextGate"/>); null when a pattern is
    /// wildcards only and so matches every name.</summary>
    public CaseInsensitiveWords? PatternLiterals { get; }

    /// <summary>The fewest characters a name matching some pattern can have (every character but <c>*</c>): shorter
    /// identifiers, most of them (<c>c</c>, <c>user</c>, <c>i</c>), are ruled out without a look-up.</summary>
    public int ShortestMatch { get; }

    /// <summary>Extra check methods, fully qualified (<c>Acme.Vetting.IsSafeFor</c>).</summary>
    public HashSet<string> CheckMethods { get; }

    /// <summary>Extra check methods given by a glob over the fully qualified name (<c>Acme.Vetting.IsSafe*</c>) or by the
    /// method's name alone (<c>IsSafeFor</c>, any type's).</summary>
    public string[] CheckMethodPatterns { get; }

    /// <summary>Whether a method of the type named <paramref name="typeName"/> (fully qualified) called
    /// <paramref name="methodName"/> is a configured check.</summary>
    public bool IsConfiguredCheck(string typeName, string methodName)
    {
        if (CheckMethods.Count == 0 && CheckMethodPatterns.Length == 0)
            return false;
        var fullName = typeName + "." + methodName;
        if (CheckMethods.Contains(fullName))
            return true;
        foreach (var pattern in CheckMethodPatterns)
        {
            if (NamePattern.Matches(pattern, pattern.IndexOf('.') >= 0 ? fullName : methodName))
                return true;
        }
        return false;
    }

    public static SubstitutionOptions For(AnalyzerOptions options, SyntaxTree tree)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        // An unset option reads as "": the empty string is never a valid setting, so it cannot collide with one.
        PersonaOptions.TryGet(config, PersonaOptions.SubstituteNamePatterns, out var patterns);
        PersonaOptions.TryGet(config, PersonaOptions.CheckMethods, out var checkMethods);
        var key = (patterns, checkMethods);
        if (Cache.TryGetValue(key, out var parsed))
            return parsed;
        if (Cache.Count >= MaxCached)
            Cache.Clear();
        return Cache.GetOrAdd(key, static key => Parse(key.Patterns, key.CheckMethods));
    }

    /// <summary>Whether some file of <paramref name="compilation"/> names extra check methods
    /// (<c>persona_analyzers.check_methods</c>, or its MSBuild property). Most projects name none; a rule asking this
    /// once per compilation then reads no file's options per statement.</summary>
    public static bool AnyFileConfiguresCheckMethods(Compilation compilation, AnalyzerOptions options)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (PersonaOptions.TryGet(provider.GetOptions(tree), PersonaOptions.CheckMethods, out _))
                return true;
        }
        return false;
    }

    /// <summary>A check method may be written as the compiler or the IDE shows it: with <c>global::</c>, with its
    /// parameter list (<c>Acme.Vetting.IsSafeFor(Reader, Reader)</c>, which names every overload), by its name alone, or
    /// as a glob — none of which matched anything before.</summary>
    private static SubstitutionOptions Parse(string patterns, string checkMethods)
    {
        var checks = new HashSet<string>(StringComparer.Ordinal);
        var checkPatterns = new List<string>();
        // A parameter list may hold ", ": the entries are cut at their parameter lists before the value is split.
        foreach (var method in NamePattern.Split(WithoutParameterLists(checkMethods)))
        {
            var name = method.StartsWith("global::", StringComparison.Ordinal) ? method.Substring(8) : method;
            if (name.IndexOf('*') >= 0 || name.IndexOf('?') >= 0 || name.IndexOf('.') < 0)
                checkPatterns.Add(name);
            else
                checks.Add(name);
        }
        return new SubstitutionOptions(patterns.Length == 0 ? DefaultPatterns : NamePattern.Split(patterns), checks, checkPatterns.ToArray());
    }

    private static string WithoutParameterLists(string value)
    {
        var open = value.IndexOf('(');
        if (open < 0)
            return value;
        var text = new System.Text.StringBuilder(value.Length);
        var depth = 0;
        foreach (var c in value)
        {
            if (c == '(')
                depth++;
            else if (c == ')' && depth > 0)
                depth--;
            else if (depth == 0)
                text.Append(c);
        }
        return text.ToString();
    }

    public bool NameMatches(string name)
    {
        if (name.Length < ShortestMatch)
            return false;
        if (_nameMatches.TryGetValue(name, out var matches))
            return matches;
        matches = MatchesAnyPattern(name);
        // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary.
        if (Interlocked.Increment(ref _cachedNames) > MaxCachedNames)
        {
            _nameMatches.Clear();
            Interlocked.Exchange(ref _cachedNames, 0);
        }
        _nameMatches.TryAdd(name, matches);
        return matches;
    }

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
