using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace PersonaAnalyzers.Generator.Tests.Infrastructure;

/// <summary>User code compiled with its generated guards and loaded, so that tests can build profiles and call the
/// guards the way user code would (through reflection, since the types exist only at run time).</summary>
internal sealed class GeneratedGuards
{
    private readonly Assembly _assembly;

    private GeneratedGuards(GeneratorRun run)
    {
        Run = run;
        _assembly = LoadedAssembly.Load(run.Output);
    }

    public GeneratorRun Run { get; }

    public static GeneratedGuards Compile(string source, IEnumerable<Microsoft.CodeAnalysis.AdditionalText>? additionalTexts = null,
        IReadOnlyDictionary<string, string>? options = null) =>
        new(GeneratorRun.Run(source, additionalTexts, options).AssertCompilesCleanly());

    public System.Type Type(string name) => _assembly.GetType(name, throwOnError: true)!;

    /// <summary>A profile of type <paramref name="typeName"/> with the given member values (properties or fields).</summary>
    public object Profile(string typeName, params (string Member, object? Value)[] values)
    {
        var type = Type(typeName);
        var profile = System.Activator.CreateInstance(type)!;
        foreach (var (member, value) in values)
        {
            if (type.GetProperty(member) is { } property) property.SetValue(profile, value);
            else type.GetField(member)!.SetValue(profile, value);
        }
        return profile;
    }

    /// <summary>Calls a static member of a generated guard; the overload is chosen by the arguments' runtime types.</summary>
    public T Call<T>(string guardName, string method, params object?[] arguments)
    {
        var guard = Type(guardName);
        var candidates = guard.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == method && m.GetParameters().Length == arguments.Length);
        var target = candidates.FirstOrDefault(m => m.GetParameters().Select((p, i) => arguments[i] is null || p.ParameterType.IsInstanceOfType(arguments[i]) || p.ParameterType.IsByRef).All(ok => ok))
            ?? throw new System.MissingMethodException(guardName, method);
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

    public double Similarity(string guardName, object a, object b) => Call<double>(guardName, "Similarity", a, b);

    public T Property<T>(string typeName, object instance, string property) =>
        (T)Type(typeName).GetProperty(property)!.GetValue(instance)!;

    public T Static<T>(string typeName, string property) =>
        (T)Type(typeName).GetProperty(property, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}
