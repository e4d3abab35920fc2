using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Adds a <c>using</c> directive the way the file already writes them: in its place among the top-level
/// usings (alphabetical, after the <c>System</c> ones where the file puts those first), with their line ending.</summary>
internal static class Usings
{
    /// <param name="compilation">Where given, a <c>global using</c> of the namespace in any file of it (the project's
    /// own, or the SDK's implicit usings) imports it already.</param>
    public static CompilationUnitSyntax Ensure(CompilationUnitSyntax unit, string ns, Compilation? compilation = null)
    {
        if (unit.Usings.Any(u => Imports(u, ns)) ||
            unit.Members.OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Name.ToString() == ns || n.Usings.Any(u => u.Name?.ToString() == ns)) ||
            compilation is not null && compilation.SyntaxTrees.Any(tree => tree.GetRoot() is CompilationUnitSyntax other &&
                other.Usings.Any(u => u.GlobalKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GlobalKeyword) && Imports(u, ns))))
            return unit;
        if (unit.Usings.Count == 0 && HeaderOf(unit) is { Count: > 0 } header)
        {
            // The file's header comment stays first: the using goes under it, a blank line before the code.
            var firstToken = unit.GetFirstToken(includeZeroWidth: true);
            var rest = TriviaList(firstToken.LeadingTrivia.Skip(header.Count));
            var blankLineFollows = rest.Count > 0 && rest[0].IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.EndOfLineTrivia);
            var headerLineEnd = EndOfLineIn(header);
            var directiveUnderHeader = UsingDirective(ParseName(ns).WithLeadingTrivia(Space)).WithLeadingTrivia(header)
                .WithTrailingTrivia(blankLineFollows ? TriviaList(headerLineEnd) : TriviaList(headerLineEnd, headerLineEnd));
            unit = unit.ReplaceToken(firstToken, firstToken.WithLeadingTrivia(rest));
            return unit.WithUsings(unit.Usings.Add(directiveUnderHeader));
        }
        var endOfLine = unit.Usings.LastOrDefault()?.GetTrailingTrivia().LastOrDefault() is { } last && last.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.EndOfLineTrivia)
            ? last
            : ElasticCarriageReturnLineFeed;
        var directive = UsingDirective(ParseName(ns).WithLeadingTrivia(Space)).WithTrailingTrivia(endOfLine);
        var index = 0;
        var systemFirst = SortsSystemFirst(unit);
        while (index < unit.Usings.Count && unit.Usings[index].Alias is null && SortsBefore(unit.Usings[index].Name?.ToString(), ns, systemFirst))
            index++;
        if (index == 0 && unit.Usings.Count > 0)
        {
            // The first using carries the file's leading trivia (a header comment): keep it first.
            var first = unit.Usings[0];
            directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
            unit = unit.ReplaceNode(first, first.WithLeadingTrivia());
        }
        return unit.WithUsings(unit.Usings.Insert(index, directive));
    }

    private static bool Imports(UsingDirectiveSyntax directive, string ns) =>
        directive.Alias is null && directive.StaticKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None) &&
        directive.Name?.ToString() is { } name && (name == ns || name == "global::" + ns);

    /// <summary>The comment lines a file opens with (a copyright header) and the line ends among them, up to the last
    /// comment; empty for a file that opens with code.</summary>
    private static SyntaxTriviaList HeaderOf(CompilationUnitSyntax unit)
    {
        var leading = unit.GetFirstToken(includeZeroWidth: true).LeadingTrivia;
        var last = -1;
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SingleLineCommentTrivia) ||
                leading[i].IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.MultiLineCommentTrivia))
                last = i;
        }
        if (last < 0)
            return default;
        // The comment's own line end belongs to the header.
        var end = last + 1 < leading.Count && leading[last + 1].IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.EndOfLineTrivia) ? last + 2 : last + 1;
        return TriviaList(leading.Take(end));
    }

    private static SyntaxTrivia EndOfLineIn(SyntaxTriviaList trivia) =>
        trivia.FirstOrDefault(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found ? found : ElasticCarriageReturnLineFeed;

    /// <summary>Whether the file orders <c>System</c> and its namespaces before the rest (the IDE's default,
    /// <c>dotnet_sort_system_directives_first</c>): unless some other using comes before a <c>System</c> one.</summary>
    private static bool SortsSystemFirst(CompilationUnitSyntax unit)
    {
        var sawOther = false;
        foreach (var directive in unit.Usings)
        {
            if (directive.Alias is not null || directive.Name is null)
                continue;
            var isSystem = IsSystem(directive.Name.ToString());
            if (isSystem && sawOther)
                return false;
            sawOther |= !isSystem;
        }
        return true;
    }

    private static bool SortsBefore(string? existing, string added, bool systemFirst)
    {
        if (existing is null)
            return true;
        var (existingIsSystem, addedIsSystem) = (IsSystem(existing), IsSystem(added));
        return systemFirst && existingIsSystem != addedIsSystem ? existingIsSystem : string.CompareOrdinal(existing, added) < 0;
    }

    private static bool IsSystem(string ns) => ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal);
}
