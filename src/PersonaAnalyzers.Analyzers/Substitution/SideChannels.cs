using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>Calls whose arguments go to logs, traces and metrics rather than into what the target user gets. A
/// substitute (or a similarity) that only reaches these is not used.</summary>
internal static class SideChannels
{
    public static bool IsSideChannel(IMethodSymbol method)
    {
        // Whole camel-case words, not prefixes: Logit, Login, Logistic and a type named LogitModel are
        // ordinary domain names, and a substitute passed to them is used.
        var name = method.Name;
        if (CamelWords.StartsWithWord(name, "Log") || CamelWords.StartsWithWord(name, "Trace") || CamelWords.StartsWithWord(name, "Track") ||
            name is "Record" or "Increment" or "Decrement" or "Observe" or "ThrowIfNull" or "Assert" or "nameof")
            return true;
        if (IsLoggerMessage(method))
            return true;
        var type = method.ContainingType;
        if (type is null)
            return false;
        var typeName = type.Name;
        if (CamelWords.ContainsWord(typeName, "Logger") || CamelWords.ContainsWord(typeName, "Log") || CamelWords.ContainsWord(typeName, "Logging") ||
            CamelWords.ContainsWord(typeName, "Metric") || CamelWords.ContainsWord(typeName, "Metrics") || CamelWords.ContainsWord(typeName, "Telemetry") ||
            typeName is "Debug" or "Trace" or "Activity" or "Counter" or "Histogram" or "Meter" ||
            // A test's assertions (Assert, CollectionAssert, ClassicAssert): the tests of personalization code read the
            // substitutes they look up to check them, not to serve them.
            typeName.EndsWith("Assert", System.StringComparison.Ordinal))
            return true;
        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        foreach (var prefix in SideChannelNamespaces)
        {
            if (ns.StartsWith(prefix, System.StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>A <c>[LoggerMessage]</c> method: the source-generated logging .NET recommends, declared in the
    /// caller's own class and named for the event (<c>NearestFound(region)</c>), so neither name tells.</summary>
    private static bool IsLoggerMessage(IMethodSymbol method)
    {
        if (!method.IsPartialDefinition && method.PartialDefinitionPart is null)
            return false;
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "LoggerMessageAttribute", ContainingNamespace: var ns } && ns.ToDisplayString() == "Microsoft.Extensions.Logging")
                return true;
        }
        return false;
    }

    private static readonly string[] SideChannelNamespaces =
    {
        "Microsoft.Extensions.Logging", "System.Diagnostics", "Serilog", "NLog", "log4net", "OpenTelemetry",
        // Assertion libraries: value.Should().Be(…), value.ShouldBe(…), Assert.That(value, …).
        "Xunit", "NUnit.Framework", "Microsoft.VisualStudio.TestTools", "FluentAssertions", "Shouldly",
    };

    /// <summary>True when <paramref name="operation"/> sits inside a side-channel call's arguments. The receiver of
    /// such a call is not inside it: <c>ModelOf(neighbour).Record(click)</c> acts on the substitute's data.</summary>
    /// <param name="model">The body's semantic model, for an operation of a control flow graph (whose operations
    /// carry none): <c>Debug.WriteLine($"{twin?.Name}")</c> is only seen through the syntax.</param>
    public static bool IsInside(IOperation operation, SemanticModel? model = null)
    {
        for (IOperation? child = operation, current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current is IInvocationOperation invocation && child is IArgumentOperation && IsSideChannel(invocation.TargetMethod))
                return true;
            if (current is IObjectCreationOperation { Constructor: { } constructor } && IsException(constructor.ContainingType))
                return true;
        }
        return IsInsideSyntax(operation, operation.SemanticModel ?? model);
    }

    /// <summary>A control flow graph lowers <c>a?.B</c>, <c>??</c> and <c>?:</c> into separate blocks, cutting the
    /// operation's parent chain; the syntax still shows the call or <c>throw</c> it ends up in.</summary>
    private static bool IsInsideSyntax(IOperation operation, SemanticModel? model)
    {
        for (SyntaxNode? child = null, node = operation.Syntax; node is not null; child = node, node = node.Parent)
        {
            switch (node)
            {
                case ThrowStatementSyntax or ThrowExpressionSyntax:
                    return true;
                case InvocationExpressionSyntax invocation when model is not null && child is not null && child == invocation.ArgumentList:
                    if (model.GetSymbolInfo(invocation).Symbol is IMethodSymbol method && IsSideChannel(method))
                        return true;
                    break;
                case StatementSyntax or AnonymousFunctionExpressionSyntax or ArrowExpressionClauseSyntax:
                    return false;
            }
        }
        return false;
    }

    private static bool IsException(INamedTypeSymbol type) => type.Name.EndsWith("Exception", System.StringComparison.Ordinal);
}
