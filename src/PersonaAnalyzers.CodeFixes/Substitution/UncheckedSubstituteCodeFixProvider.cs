using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA001: mark your own vetting helper a check, insert the band check, keep only the substitutes of a
/// collection that pass it, use the safest substitute of a collection, or hand the responsibility to the callers — in that order of preference: the first that applies is offered first, under
/// <c>PERSONA001.Guard</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UncheckedSubstituteCodeFixProvider)), Shared]
public sealed class UncheckedSubstituteCodeFixProvider : PersonaCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(SubstitutionDescriptors.UncheckedSubstituteId);

    internal override ImmutableArray<PersonaFix> Fixes { get; } = ImmutableArray.Create<PersonaFix>(
        new MarkVettingHelperFix(),
        new InsertBandCheckFix(),
        new KeepSafeSubstitutesFix(),
        new UseSafestSubstituteFix(),
        new MarkProfileSubstituteFix());

    internal override string PreferredTitle => "Guard every substitute (mark your vetting helper, else a band check, else keep the safe ones, else the safest substitute, else [ProfileSubstitute])";
}
