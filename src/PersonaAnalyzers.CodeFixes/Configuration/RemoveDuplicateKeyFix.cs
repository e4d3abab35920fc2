using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Configuration;

namespace PersonaAnalyzers.CodeFixes.Configuration;

/// <summary>PERSONA106: removes <c>[PersonaKey]</c> from the member reported as a second key, keeping the first.</summary>
internal sealed class RemoveDuplicateKeyFix : PersonaFix
{
    public override string EquivalenceKey => "PERSONA106.RemoveDuplicateKey";

    public override string Title(Diagnostic diagnostic) => "Remove this [PersonaKey]";

    public override async Task<Document?> ApplyAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Id != ConfigurationDescriptors.DuplicateKeyId)
            return null;
        var member = node.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault();
        if (member is null or BaseTypeDeclarationSyntax)
            return null;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var keyAttribute = model?.Compilation.GetTypeByMetadataName(WellKnownTypeNames.PersonaKeyAttribute);
        if (model is null || root is null || keyAttribute is null)
            return null;
        var attribute = member.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a =>
            SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(a, cancellationToken).Symbol?.ContainingType, keyAttribute));
        if (attribute?.Parent is not AttributeListSyntax list)
            return null;

        SyntaxNode? newMember;
        if (list.Attributes.Count > 1)
            newMember = member.RemoveNode(attribute, SyntaxRemoveOptions.KeepNoTrivia);
        else
        {
            // [PersonaKey] on its own line takes its line with it; inline, it leaves the member's indentation behind.
            var ownLine = list.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            newMember = member.RemoveNode(list, ownLine ? SyntaxRemoveOptions.KeepNoTrivia : SyntaxRemoveOptions.KeepLeadingTrivia);
            if (newMember is not null && ownLine && member.AttributeLists.IndexOf(list) == 0)
                newMember = newMember.WithLeadingTrivia(list.GetLeadingTrivia().AddRange(newMember.GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia))));
        }
        if (newMember is null)
            return null;
        return await FinishedDocument.CreateAsync(document, root.ReplaceNode(member, newMember), cancellationToken).ConfigureAwait(false);
    }
}
