using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PersonaAnalyzers.Generator.Tests.Infrastructure;

/// <summary>The Roslyn analyzer test harness with the runtime assembly referenced and .NET 8 reference assemblies.</summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    // The .NET 8 reference pack in the local package cache (ReferenceAssemblies.Net.Net80 asks for 8.0.0).
    private static readonly ReferenceAssemblies Net80 = new(
        "net8.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.31"), Path.Combine("ref", "net8.0"));

    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Create(string source)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = Net80,
        };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(PersonaProfileAttribute).Assembly.Location));
        return test;
    }

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Create(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
