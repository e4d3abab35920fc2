using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.Cli.Audit;

/// <summary>A codebase that has not taken the package has no <c>[PersonaProfile]</c> types, so the analyzers would
/// see nothing to guard. The audit marks, in memory only, the types whose names look like persona profiles
/// (<c>--persona-types</c>, default <c>*Profile</c>, <c>*Persona</c>; the globs of the substitute name patterns,
/// <see cref="NamePattern"/>: <c>*</c>, <c>?</c>, case ignored) — nothing is written to disk.</summary>
internal sealed class PersonaTypeMarker : CSharpSyntaxRewriter
{
    public static readonly string[] DefaultPatterns = { "*Profile", "*Persona" };

    private static readonly AttributeListSyntax Marker = SyntaxFactory.AttributeList(
        SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.ParseName("global::PersonaAnalyzers.PersonaProfile"))));

    private readonly string[] _patterns;

    public PersonaTypeMarker(IEnumerable<string> patterns) => _patterns = patterns.Select(p => p.Trim()).ToArray();

    /// <summary>How many types were marked.</summary>
    public int Marked { get; private set; }

    public bool Matches(string typeName) => _patterns.Any(p => NamePattern.Matches(p, typeName));

    public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node) => Mark(node, base.VisitClassDeclaration(node));

    public override SyntaxNode? VisitRecordDeclaration(RecordDeclarationSyntax node) => Mark(node, base.VisitRecordDeclaration(node));

    public override SyntaxNode? VisitStructDeclaration(StructDeclarationSyntax node) => Mark(node, base.VisitStructDeclaration(node));

    private SyntaxNode? Mark(TypeDeclarationSyntax original, SyntaxNode? visited)
    {
        if (visited is not TypeDeclarationSyntax type || !Matches(original.Identifier.ValueText) || HasPersonaProfile(original))
            return visited;
        Marked++;
        return type.AddAttributeLists(Marker);
    }

    private static bool HasPersonaProfile(TypeDeclarationSyntax type) =>
        type.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().EndsWith("PersonaProfile", StringComparison.Ordinal)
                                                                   || a.Name.ToString().EndsWith("PersonaProfileAttribute", StringComparison.Ordinal));
}
