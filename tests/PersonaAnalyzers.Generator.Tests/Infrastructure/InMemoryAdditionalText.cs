using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PersonaAnalyzers.Generator.Tests.Infrastructure;

/// <summary>An additional file held in memory (a <c>persona-bands.json</c>, usually).</summary>
internal sealed class InMemoryAdditionalText(string path, string? text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) =>
        text is null ? null : SourceText.From(text);
}
