using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>Runs one analyzer over a snippet plus <see cref="PersonaPrelude"/>, against .NET 8 and the runtime
/// assembly. Expected diagnostics are written as markup: <c>{|PERSONA001:FindNearest(user)|}</c>.</summary>
internal static class AnalyzerVerifier<TAnalyzer> where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string source, string? editorConfig = null, params DiagnosticResult[] expected) =>
        Run(new[] { ("/0/Test0.cs", source) }, editorConfig is null ? null : "[*]\n" + editorConfig, OutputKind.DynamicallyLinkedLibrary, expected);

    /// <summary>The snippet compiled against a real vector store API, Microsoft.Extensions.VectorData.Abstractions
    /// (with its dependencies, restored from NuGet by the testing library), as an application using one is.</summary>
    public static async Task VerifyWithVectorDataAsync(string source, string? editorConfig = null) =>
        await Run(new[] { ("/0/Test0.cs", source) }, editorConfig is null ? null : "[*]\n" + editorConfig, OutputKind.DynamicallyLinkedLibrary,
            Array.Empty<DiagnosticResult>(), await PersonaAnalyzers.Tests.VectorDataReferences.Net80Async());

    /// <summary>Top-level statements need an executable.</summary>
    public static Task VerifyProgramAsync(string source) =>
        Run(new[] { ("/0/Test0.cs", source) }, null, OutputKind.ConsoleApplication, Array.Empty<DiagnosticResult>());

    /// <summary>Several named files (names matter: <c>*.g.cs</c> is generated code), with an <c>.editorconfig</c>
    /// body given whole, sections included.</summary>
    public static Task VerifyFilesAsync((string Name, string Source)[] files, string? editorConfig = null) =>
        Run(files, editorConfig, OutputKind.DynamicallyLinkedLibrary, Array.Empty<DiagnosticResult>());

    /// <summary>The snippet in a project that references a library project <c>Lib</c> built from
    /// <paramref name="library"/> and the prelude: members of a referenced assembly, as the analyzer sees them from
    /// metadata.</summary>
    public static Task VerifyWithLibraryAsync(string source, string library)
    {
        var runtime = MetadataReference.CreateFromFile(typeof(PersonaProfileAttribute).Assembly.Location);
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestState =
            {
                Sources = { source },
                AdditionalReferences = { runtime },
                AdditionalProjectReferences = { "Lib" },
            },
        };
        var lib = test.TestState.AdditionalProjects["Lib"];
        lib.Sources.Add(("Prelude.cs", PersonaPrelude.Source));
        lib.Sources.Add(("Library.cs", library));
        lib.AdditionalReferences.Add(runtime);
        return test.RunAsync();
    }

    private static Task Run((string Name, string Source)[] files, string? editorConfig, OutputKind outputKind, DiagnosticResult[] expected,
        ReferenceAssemblies? references = null)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = references ?? ReferenceAssemblies.Net.Net80,
            TestState =
            {
                AdditionalReferences = { MetadataReference.CreateFromFile(typeof(PersonaProfileAttribute).Assembly.Location) },
                OutputKind = outputKind,
            },
        };
        foreach (var (name, source) in files)
            test.TestState.Sources.Add((name, source));
        test.TestState.Sources.Add(("/0/Prelude.cs", PersonaPrelude.Source));
        if (editorConfig is not null)
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n" + editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Wraps statements in a method of a class that has an index, a target user and a sink.</summary>
    public static string InMethod(string body, string signature = "public object? Run(Reader user)") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using PersonaAnalyzers;
        using Shop;

        public class Recommender
        {
            private readonly IReaderIndex index = null!;
            private Reader? cached;
            private readonly List<Reader> pool = new();

            {{signature}}
            {
        {{body}}
            }
        }
        """;
}
