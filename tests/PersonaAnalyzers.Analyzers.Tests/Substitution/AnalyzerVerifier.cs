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
        Run(source, editorConfig, OutputKind.DynamicallyLinkedLibrary, expected);

    /// <summary>Top-level statements need an executable.</summary>
    public static Task VerifyProgramAsync(string source) => Run(source, null, OutputKind.ConsoleApplication, Array.Empty<DiagnosticResult>());

    private static Task Run(string source, string? editorConfig, OutputKind outputKind, DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestState =
            {
                Sources = { source, ("Prelude.cs", PersonaPrelude.Source) },
                AdditionalReferences = { MetadataReference.CreateFromFile(typeof(PersonaProfileAttribute).Assembly.Location) },
                OutputKind = outputKind,
            },
        };
        if (editorConfig is not null)
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + editorConfig));
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
