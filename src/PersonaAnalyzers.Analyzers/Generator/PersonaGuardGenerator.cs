using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PersonaAnalyzers.Generator.Emit;
using PersonaAnalyzers.Generator.Model;
using PersonaAnalyzers.Generator.Reading;
using PersonaAnalyzers.Options;

namespace PersonaAnalyzers.Generator;

/// <summary>Emits <c>{T}Guard</c> and <c>{T}Similarity</c> for every <c>[PersonaProfile]</c> type.</summary>
/// <remarks>Reports no diagnostics: a type with a configuration error simply gets no guard, and the configuration
/// analyzer (PERSONA1xx) says why. Every stage after the syntax provider carries only equatable models, so an edit
/// that does not touch a persona type, its bands file or its options regenerates nothing.</remarks>
[Generator(LanguageNames.CSharp)]
public sealed class PersonaGuardGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for the incremental tests.</summary>
    public static class Steps
    {
        public const string Types = "PersonaTypes";
        public const string BandsFile = "PersonaBandsFile";
        public const string Guards = "PersonaGuards";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The syntax tree travels with the model for one step only: per-file .editorconfig options need it.
        var types = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                WellKnownTypeNames.PersonaProfileAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                transform: static (ctx, ct) =>
                {
                    var reading = PersonaTypeReader.Read((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes[0], ct);
                    return (Model: reading.Model, Tree: ctx.TargetNode.SyntaxTree);
                })
            .Where(static pair => pair.Model is not null)
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) =>
            {
                var options = pair.Right.GetOptions(pair.Left.Tree);
                return new TypeWithOptions(pair.Left.Model!,
                    PersonaOptions.TryGet(options, PersonaOptions.NearMatch, out var near) ? near : null,
                    PersonaOptions.TryGet(options, PersonaOptions.Distant, out var distant) ? distant : null);
            })
            .WithTrackingName(Steps.Types);

        var bandsFile = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => BandsFileReader.IsBandsFile(pair.Left.Path, pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, ct) => BandsFileReader.Read(pair.Left.GetText(ct)?.ToString(), pair.Left.Path, out var _))
            .Collect()
            .Select(static (files, _) => files.FirstOrDefault() ?? BandsFileModel.None)
            .WithTrackingName(Steps.BandsFile);

        var guards = types
            .Combine(bandsFile)
            .Select(static (pair, ct) =>
            {
                var bands = BandsRules.Resolve(pair.Left.Type, pair.Right, pair.Left.NearMatchOption, pair.Left.DistantOption, out var _);
                return bands is null ? null : new GuardModel(pair.Left.Type, bands);
            })
            .Where(static guard => guard is not null)
            .WithTrackingName(Steps.Guards);

        context.RegisterSourceOutput(guards, static (spc, guard) =>
            spc.AddSource(guard!.Type.HintName, GuardWriter.Write(guard)));
    }

    /// <summary>A persona type with the band options that apply to its file.</summary>
    private sealed record TypeWithOptions(PersonaTypeModel Type, string? NearMatchOption, string? DistantOption);
}
