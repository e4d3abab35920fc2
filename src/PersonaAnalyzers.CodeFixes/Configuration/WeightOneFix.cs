using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Configuration;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Configuration;

/// <summary>PERSONA104 on a weight of zero or below: makes it 1, the default. Not offered for NaN or infinity, where
/// the author's intent (a very heavy feature?) is not clear.</summary>
internal sealed class WeightOneFix : PersonaFix
{
    public override string EquivalenceKey => "PERSONA104.WeightOne";

    public override string Title(Diagnostic diagnostic) => "Make the weight 1";

    public override async Task<Document?> ApplyAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Id != ConfigurationDescriptors.InvalidWeightId ||
            !diagnostic.Properties.TryGetValue("Weight", out var text) ||
            !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !(weight <= 0) ||
            node is not AttributeSyntax { ArgumentList: { } arguments } ||
            SwapBandsFix.Named(arguments, "Weight") is not { } argument)
            return null;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
            return null;
        var one = LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(1)).WithTriviaFrom(argument.Expression);
        return await FinishedDocument.CreateAsync(document, root.ReplaceNode(argument.Expression, one), cancellationToken).ConfigureAwait(false);
    }
}
