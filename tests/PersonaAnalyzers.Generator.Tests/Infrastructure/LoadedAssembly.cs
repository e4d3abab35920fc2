using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.Generator.Tests.Infrastructure;

/// <summary>Emits a compilation and loads it, so that tests can call the generated guards. The runtime assembly is
/// resolved from the test's own context, so values cross the boundary as the test's types.</summary>
internal static class LoadedAssembly
{
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        // Cleanliness is asserted separately (GeneratorRun.AssertCompilesCleanly); the test sources carry no doc comments.
        var result = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default)).Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
        stream.Position = 0;
        return new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>Calls a public static method <c>{type}.{method}</c> of the loaded assembly.</summary>
    public static T Call<T>(this Assembly assembly, string type, string method, params object?[] arguments)
    {
        var target = assembly.GetType(type, throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
            ?? throw new MissingMethodException(type, method);
        try
        {
            return (T)target.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
