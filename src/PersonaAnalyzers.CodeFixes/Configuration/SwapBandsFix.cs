using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Configuration;

namespace PersonaAnalyzers.CodeFixes.Configuration;

/// <summary>PERSONA103 on <c>[PersonaProfile(NearMatch = 0.3, Distant = 0.6)]</c>: both thresholds lie in [0, 1] but
/// in the wrong order, so the only reading is that they were swapped. Not offered for an out-of-range value or
/// bands from options (no single right edit).</summary>
internal sealed class SwapBandsFix : PersonaFix
{
    public override string EquivalenceKey => "PERSONA103.SwapBands";

    public override string Title(Diagnostic diagnostic) => "Swap NearMatch and Distant";

    public override async Task<Document?> ApplyAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Id != ConfigurationDescriptors.InvalidBandsId ||
            !diagnostic.Properties.TryGetValue("Source", out var source) || source != "attribute" ||
            !Parse(diagnostic, "NearMatch", out var near) || !Parse(diagnostic, "Distant", out var distant) ||
            !(near < distant) || near < 0 || distant > 1 ||
            node is not AttributeSyntax { ArgumentList: { } arguments })
            return null;
        var nearArgument = Named(arguments, "NearMatch");
        var distantArgument = Named(arguments, "Distant");
        if (nearArgument is null || distantArgument is null)
            return null;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
            return null;
        var newRoot = root.ReplaceNodes(new[] { nearArgument.Expression, distantArgument.Expression }, (original, _) =>
            original == nearArgument.Expression
                ? distantArgument.Expression.WithTriviaFrom(original)
                : nearArgument.Expression.WithTriviaFrom(original));
        return await FinishedDocument.CreateAsync(document, newRoot, cancellationToken).ConfigureAwait(false);
    }

    private static bool Parse(Diagnostic diagnostic, string key, out double value)
    {
        value = double.NaN;
        return diagnostic.Properties.TryGetValue(key, out var text) &&
               double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value);
    }

    internal static AttributeArgumentSyntax? Named(AttributeArgumentListSyntax arguments, string name) =>
        arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
}
