using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Picks a name for a new local that clashes with nothing: not with any identifier of the enclosing member
/// (a later local of the same name in a nested scope would be CS0136) nor with a symbol in scope.</summary>
internal static class LocalNames
{
    public static string Unique(SemanticModel model, SyntaxNode at, string preferred)
    {
        var member = at.AncestorsAndSelf().LastOrDefault(n => n is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax)
                     ?? at.AncestorsAndSelf().Last();
        var taken = new HashSet<string>(member.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        foreach (var symbol in model.LookupSymbols(at.SpanStart))
            taken.Add(symbol.Name);
        var name = preferred;
        for (var i = 2; taken.Contains(name); i++)
            name = preferred + i;
        return name;
    }
}
