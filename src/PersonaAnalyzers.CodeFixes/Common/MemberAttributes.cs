using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Puts one of the runtime's attributes on a member declaration (a method, a local function or a property) as
/// its first line, keeping its doc comment above it, and the runtime's namespace imported.</summary>
internal static class MemberAttributes
{
    /// <summary>The root with <paramref name="member"/> marked <c>[<paramref name="attribute"/>]</c>; the root unchanged
    /// for another kind of declaration.</summary>
    public static SyntaxNode Mark(SyntaxNode root, SyntaxNode member, string attribute, Compilation compilation)
    {
        var list = AttributeList(SingletonSeparatedList(Attribute(IdentifierName(attribute)))).Formatted();
        SyntaxNode marked = member switch
        {
            MethodDeclarationSyntax method => WithAttribute(method, list, EndOfLine(root)),
            LocalFunctionStatementSyntax local => local.WithoutLeadingTrivia().AddAttributeLists(list.WithLeadingTrivia(local.GetLeadingTrivia())),
            PropertyDeclarationSyntax property => WithAttribute(property, list, EndOfLine(root)),
            _ => member,
        };
        if (marked == member)
            return root;
        var newRoot = root.ReplaceNode(member, marked);
        return newRoot is CompilationUnitSyntax unit ? Usings.Ensure(unit, WellKnownTypeNames.Namespace, compilation) : newRoot;
    }

    /// <summary>The file's own line ending.</summary>
    private static SyntaxTrivia EndOfLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found
            ? found
            : ElasticCarriageReturnLineFeed;

    private static MemberDeclarationSyntax WithAttribute(MemberDeclarationSyntax member, AttributeListSyntax list, SyntaxTrivia endOfLine)
    {
        var leading = member.GetLeadingTrivia();
        var indentation = leading.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
        var withList = member.WithoutLeadingTrivia().WithAttributeLists(member.AttributeLists.Insert(0,
            list.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine)));
        if (member.AttributeLists.Count == 0)
            withList = withList.WithModifiers(withList.Modifiers.Count > 0
                ? withList.Modifiers.Replace(withList.Modifiers[0], withList.Modifiers[0].WithLeadingTrivia(indentation))
                : withList.Modifiers);
        return withList;
    }
}
