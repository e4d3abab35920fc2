using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA004: branch on the discarded band check.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiscardedCheckCodeFixProvider)), Shared]
public sealed class DiscardedCheckCodeFixProvider : PersonaCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(SubstitutionDescriptors.DiscardedCheckId);

    internal override ImmutableArray<PersonaFix> Fixes { get; } = ImmutableArray.Create<PersonaFix>(new BranchOnCheckFix());
}
