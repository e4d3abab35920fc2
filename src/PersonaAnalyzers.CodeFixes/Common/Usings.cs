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
    public static CompilationUnitSyntax Ensure(CompilationUnitSyntax unit, string ns)
    {
        if (unit.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None) && u.Name?.ToString() == ns) ||
            unit.Members.OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Name.ToString() == ns || n.Usings.Any(u => u.Name?.ToString() == ns)))
            return unit;
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
