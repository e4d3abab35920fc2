using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PersonaAnalyzers.Tests;

/// <summary>.NET 8 with a real vector store API, Microsoft.Extensions.VectorData.Abstractions (and its dependencies,
/// restored from NuGet by the testing library), as an application using one compiles. Shared by the analyzer and
/// code-fix tests (linked into the latter), so the package's version is written once.</summary>
internal static class VectorDataReferences
{
    private const string PackageId = "Microsoft.Extensions.VectorData.Abstractions";

    private static readonly ImmutableArray<PackageIdentity> Packages = ImmutableArray.Create(new PackageIdentity(PackageId, "10.11.0"));

    private static readonly Lazy<Task<ReferenceAssemblies>> Resolved = new(ResolveAsync);

    /// <summary>The reference set, its packages already on disk: await it before a test uses it.</summary>
    public static Task<ReferenceAssemblies> Net80Async() => Resolved.Value;

    /// <remarks>On a machine that has never downloaded the packages, the testing library's resolution that downloads
    /// them leaves them out of its own result (each such test failed with CS0234 on a fresh machine, and passed in the
    /// next process), and it caches that result per reference set. So a throwaway set with the same packages downloads
    /// them first; the set the tests use then finds them installed, and is checked to hold the package.</remarks>
    private static async Task<ReferenceAssemblies> ResolveAsync()
    {
        await new ReferenceAssemblies("net8.0").AddPackages(Packages).ResolveAsync(language: null, CancellationToken.None);
        var net80 = ReferenceAssemblies.Net.Net80.AddPackages(Packages);
        var references = await net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        if (!references.Any(reference => reference.Display?.Contains(PackageId, StringComparison.OrdinalIgnoreCase) == true))
            throw new InvalidOperationException($"{PackageId} was not resolved (NuGet unreachable, or /tmp/test-packages damaged?)");
        return net80;
    }
}
