using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA001: insert the band check, use the safest substitute of a collection, or hand the responsibility
/// to the callers. The band check comes first: it is the fix command-line tools apply.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UncheckedSubstituteCodeFixProvider)), Shared]
public sealed class UncheckedSubstituteCodeFixProvider : PersonaCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(SubstitutionDescriptors.UncheckedSubstituteId);

    internal override ImmutableArray<PersonaFix> Fixes { get; } = ImmutableArray.Create<PersonaFix>(
        new InsertBandCheckFix(),
        new UseSafestSubstituteFix(),
        new MarkProfileSubstituteFix());
}
