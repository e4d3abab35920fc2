using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA003: the band check in place of the raw threshold.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RawThresholdCodeFixProvider)), Shared]
public sealed class RawThresholdCodeFixProvider : PersonaCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(SubstitutionDescriptors.RawThresholdId);

    internal override ImmutableArray<PersonaFix> Fixes { get; } = ImmutableArray.Create<PersonaFix>(new BandCheckInsteadOfThresholdFix());
}
