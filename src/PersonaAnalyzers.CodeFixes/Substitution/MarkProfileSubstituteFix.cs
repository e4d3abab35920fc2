using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA001 where no target profile is in scope (or the substitute is a started lookup's task, which has no
/// profile to check yet) and the containing member returns the substitute: marks
/// the member <c>[ProfileSubstitute]</c>, which makes its value a substitute at every call site, so its callers — who
/// know the target user — do the check.</summary>
internal sealed class MarkProfileSubstituteFix : PersonaFix
{
    public override string EquivalenceKey => "PERSONA001.MarkProfileSubstitute";

    public override string Title(Diagnostic diagnostic) => "Mark the containing member [ProfileSubstitute]";

    public override async Task<Document?> ApplyAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(SubstitutionProperties.UseKind, out var use) || use != "Return")
            return null;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null)
            return null;
        var attribute = model.Compilation.GetTypeByMetadataName(WellKnownTypeNames.ProfileSubstituteAttribute);
        var symbols = SubstitutionSymbols.For(model.Compilation);
        if (attribute is null || symbols is null)
            return null;
        // A lambda's attribute would not reach the code that calls it through a delegate.
        var member = node.Ancestors().FirstOrDefault(n => n is AnonymousFunctionExpressionSyntax or MethodDeclarationSyntax or LocalFunctionStatementSyntax or PropertyDeclarationSyntax);
        if (member is null or AnonymousFunctionExpressionSyntax)
            return null;
        // A started lookup's task cannot be checked before it is awaited: handing it on is the fix even with a target in
        // scope (else the band check, which needs the profile, is preferred).
        var isTask = diagnostic.Properties.TryGetValue(SubstitutionProperties.Construct, out var construct) && construct == "Task";
        if (!isTask && diagnostic.Properties.TryGetValue(SubstitutionProperties.PersonaType, out var personaName) && !string.IsNullOrEmpty(personaName) &&
            model.Compilation.GetTypeByMetadataName(personaName!) is { } persona &&
            TargetProfiles.Find(document, model, node, persona, cancellationToken).Count > 0)
            return null;
        var symbol = model.GetDeclaredSymbol(member, cancellationToken);
        var returnType = symbol switch
        {
            IMethodSymbol method => symbols.AwaitedType(method.ReturnType) ?? method.ReturnType,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        if (returnType is null || symbols.PersonaOf(returnType, out _) is null)
            return null;

        var newRoot = MemberAttributes.Mark(root, member, "ProfileSubstitute", model.Compilation);
        return await FinishedDocument.CreateAsync(document, newRoot, cancellationToken).ConfigureAwait(false);
    }
}
