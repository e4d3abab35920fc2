using System.Reflection;
using System.Runtime.Loader;

namespace PersonaAnalyzers.Runtime.Tests;

/// <summary>The netstandard2.0 build of the runtime, loaded into its own load context. Tests bind its kernels to
/// delegates, so the fallback code that .NET Framework and Unity users run is checked by the same references as the
/// net8.0 build. Its dependencies (MathNet, System.Numerics.Tensors, System.Memory) resolve from the default context.</summary>
internal static class NetStandardRuntime
{
    public delegate double FloatSpanKernel(ReadOnlySpan<float> a, ReadOnlySpan<float> b);
    public delegate double DoubleSpanKernel(ReadOnlySpan<double> a, ReadOnlySpan<double> b);
    public delegate double ShrunkSpanKernel<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, double shrinkage);

    public static Assembly Assembly { get; } = new AssemblyLoadContext("PersonaAnalyzers.Runtime (netstandard2.0)")
        .LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "netstandard2.0", "PersonaAnalyzers.Runtime.dll"));

    private static Type Kernels => Assembly.GetType("PersonaAnalyzers.SimilarityKernels", throwOnError: true)!;

    public static TDelegate Kernel<TDelegate>(string name, params Type[] parameters) where TDelegate : Delegate =>
        (Kernels.GetMethod(name, parameters) ?? throw new MissingMethodException(Kernels.FullName, name)).CreateDelegate<TDelegate>();

    /// <summary>A generic kernel (<c>Jaccard&lt;T&gt;</c>, <c>Pearson&lt;TKey&gt;</c>) closed over <paramref name="typeArgument"/>.</summary>
    public static TDelegate GenericKernel<TDelegate>(string name, Type typeArgument, Func<ParameterInfo[], bool> signature) where TDelegate : Delegate =>
        Kernels.GetMethods().Single(m => m.Name == name && m.IsGenericMethodDefinition && signature(m.GetParameters()))
            .MakeGenericMethod(typeArgument).CreateDelegate<TDelegate>();
}
