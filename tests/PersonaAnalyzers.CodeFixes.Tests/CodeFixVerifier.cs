using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PersonaAnalyzers.CodeFixes.Tests;

/// <summary>Runs an analyzer and a code fix over a snippet plus <see cref="Prelude"/>, with the real guard generator's
/// output in the compilation (so the fixed code must compile against a real <c>ReaderGuard</c>), and checks the fixed code —
/// one fix, and Fix All in document, project and solution — raises none of the analyzer's diagnostics and no compiler
/// warning. Expected diagnostics are markup: <c>{|PERSONA001:index.FindNearest(user)|}</c>.</summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource, string equivalenceKey, int iterations = 1) =>
        new Test(source, fixedSource)
        {
            CodeActionEquivalenceKey = equivalenceKey,
            NumberOfIncrementalIterations = iterations,
            NumberOfFixAllIterations = 1,
        }.RunAsync();

    /// <summary>The snippet compiled against a real vector store API (<see cref="PersonaAnalyzers.Tests.VectorDataReferences"/>).</summary>
    public static async Task VerifyWithVectorDataAsync(string source, string fixedSource, string equivalenceKey) =>
        await new Test(source, fixedSource)
        {
            ReferenceAssemblies = await PersonaAnalyzers.Tests.VectorDataReferences.Net80Async(),
            CodeActionEquivalenceKey = equivalenceKey,
            NumberOfFixAllIterations = 1,
        }.RunAsync();

    /// <summary>Several documents, so that Fix All in project and solution has more than one to fix.</summary>
    public static Task VerifyAsync(string[] sources, string[] fixedSources, string equivalenceKey, int iterations)
    {
        var test = new Test(sources[0], fixedSources[0])
        {
            CodeActionEquivalenceKey = equivalenceKey,
            NumberOfIncrementalIterations = iterations,
            // Fix All in document runs once per document; in project and in solution once for all of them.
            NumberOfFixAllInDocumentIterations = sources.Length,
            NumberOfFixAllIterations = 1,
        };
        foreach (var source in sources.Skip(1))
            test.TestState.Sources.Add(source);
        foreach (var source in fixedSources.Skip(1))
            test.FixedState.Sources.Add(source);
        return test.RunAsync();
    }

    /// <summary>The fix with <paramref name="equivalenceKey"/> is not offered for the diagnostics in the markup.</summary>
    public static Task VerifyNotOfferedAsync(string source, string equivalenceKey) =>
        new Test(source, source)
        {
            CodeActionEquivalenceKey = equivalenceKey,
        }.RunAsync();

    private sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test(string source, string fixedSource)
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            TestState.Sources.Add(source);
            TestState.Sources.Add(("Prelude.cs", Prelude.Source));
            TestState.Sources.Add(("ReaderGuard.g.cs", Prelude.GeneratedGuard.Value));
            TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(PersonaProfileAttribute).Assembly.Location));
            FixedState.Sources.Add(fixedSource);
            FixedState.Sources.Add(("Prelude.cs", Prelude.Source));
            FixedState.Sources.Add(("ReaderGuard.g.cs", Prelude.GeneratedGuard.Value));
        }

        protected override CompilationOptions CreateCompilationOptions() =>
            ((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)base.CreateCompilationOptions())
            .WithNullableContextOptions(NullableContextOptions.Enable);
    }
}
