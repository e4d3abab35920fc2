using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Adds a <c>using</c> directive the way the file already writes them: in alphabetical place among the
/// top-level usings, with their line ending.</summary>
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
        var directive = UsingDirective(ParseName(ns)).WithTrailingTrivia(endOfLine);
        var index = 0;
        while (index < unit.Usings.Count && string.CompareOrdinal(unit.Usings[index].Name?.ToString(), ns) < 0 && unit.Usings[index].Alias is null)
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
}
