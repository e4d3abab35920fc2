using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Configuration;

namespace PersonaAnalyzers.CodeFixes.Configuration;

/// <summary>PERSONA1xx where the right edit is unambiguous: swapped bands, a non-positive weight, a second key. The
/// other configuration rules (no features, an unsupported member type, a missing Gaussian scale, an unreadable bands
/// file) need a decision only the author can make.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PersonaConfigurationCodeFixProvider)), Shared]
public sealed class PersonaConfigurationCodeFixProvider : PersonaCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        ConfigurationDescriptors.InvalidBandsId, ConfigurationDescriptors.InvalidWeightId, ConfigurationDescriptors.DuplicateKeyId);

    internal override ImmutableArray<PersonaFix> Fixes { get; } = ImmutableArray.Create<PersonaFix>(
        new SwapBandsFix(), new WeightOneFix(), new RemoveDuplicateKeyFix());
}
