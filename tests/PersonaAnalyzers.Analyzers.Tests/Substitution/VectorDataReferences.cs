using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Testing;

namespace PersonaAnalyzers.Tests;

/// <summary>.NET 8 with a real vector store API, Microsoft.Extensions.VectorData.Abstractions (and its dependencies,
/// restored from NuGet by the testing library), as an application using one compiles. Shared by the analyzer and
/// code-fix tests (linked into the latter), so the package's version is written once.</summary>
internal static class VectorDataReferences
{
    public static readonly ReferenceAssemblies Net80 = ReferenceAssemblies.Net.Net80.AddPackages(
        ImmutableArray.Create(new PackageIdentity("Microsoft.Extensions.VectorData.Abstractions", "10.11.0")));
}
