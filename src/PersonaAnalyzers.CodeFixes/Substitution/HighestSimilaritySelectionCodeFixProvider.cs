using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA002: SafestSubstitute in place of the argmax selection.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HighestSimilaritySelectionCodeFixProvider)), Shared]
public sealed class HighestSimilaritySelectionCodeFixProvider : PersonaCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(SubstitutionDescriptors.HighestSimilaritySelectionId);

    internal override ImmutableArray<PersonaFix> Fixes { get; } = ImmutableArray.Create<PersonaFix>(new SafestSubstituteSelectionFix());
}
