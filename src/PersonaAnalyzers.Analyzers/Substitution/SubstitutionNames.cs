using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PersonaAnalyzers.Substitution;

/// <summary>A syntax-only gate in front of every rule: a body whose identifiers name no substitute member, no check
/// and no similarity cannot be reported, so its operation tree and control flow graph are never built. Most bodies of
/// a real project fail the gate for the cost of one token scan.</summary>
/// <remarks>Attributed member names come from the source assembly and from referenced assemblies that reference the
/// runtime (only those can carry the attributes), collected once per compilation.</remarks>
internal sealed class SubstitutionNames
{
    private static readonly string[] ScoreWords =
    {
        "Similar", "Cosine", "Distance", "Explain", "Correlation", "Pearson", "Jaccard", "Gaussian", "JensenShannon", "Categorical",
    };

    private readonly Lazy<(HashSet<string> Substitutes, HashSet<string> Checks)> _attributed;

    public SubstitutionNames(Compilation compilation, SubstitutionSymbols symbols)
    {
        _attributed = new Lazy<(HashSet<string>, HashSet<string>)>(() => Collect(compilation, symbols));
    }

    /// <summary>The node names a member that may obtain a substitute.</summary>
    public bool MayObtainSubstitute(SyntaxNode node, SubstitutionOptions options)
    {
        var substitutes = _attributed.Value.Substitutes;
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && (options.NameMatches(token.ValueText) || substitutes.Contains(token.ValueText)))
                return true;
        }
        return false;
    }

    /// <summary>The node names something that computes a similarity or distance.</summary>
    public static bool MayScore(SyntaxNode node)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken))
                continue;
            var text = token.ValueText;
            foreach (var word in ScoreWords)
            {
                if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                    return true;
            }
        }
        return false;
    }

    /// <summary>The node names a check method (attributed, or configured).</summary>
    public bool MayCheck(SyntaxNode node, SubstitutionOptions options)
    {
        var checks = _attributed.Value.Checks;
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && (checks.Contains(token.ValueText) || options.IsConfiguredCheckName(token.ValueText)))
                return true;
        }
        return false;
    }

    private static (HashSet<string>, HashSet<string>) Collect(Compilation compilation, SubstitutionSymbols symbols)
    {
        var substitutes = new HashSet<string>(StringComparer.Ordinal);
        var checks = new HashSet<string>(StringComparer.Ordinal);
        var runtime = symbols.PersonaProfileAttribute.ContainingAssembly;
        Visit(compilation.Assembly.GlobalNamespace);
        Visit(runtime.GlobalNamespace);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (SymbolEqualityComparer.Default.Equals(assembly, runtime))
                continue;
            foreach (var module in assembly.Modules)
            {
                foreach (var reference in module.ReferencedAssemblies)
                {
                    if (reference.Name == runtime.Name)
                    {
                        Visit(assembly.GlobalNamespace);
                        break;
                    }
                }
            }
        }
        return (substitutes, checks);

        void Visit(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                switch (member)
                {
                    case INamespaceSymbol ns:
                        Visit(ns);
                        break;
                    case INamedTypeSymbol type:
                        if (type.TypeKind == TypeKind.Delegate && symbols.IsSubstituteAttributed(type.DelegateInvokeMethod ?? (ISymbol)type))
                            substitutes.Add(type.Name);
                        Visit(type);
                        break;
                    case IMethodSymbol method when method.MethodKind is MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation:
                        if (symbols.IsSubstituteAttributed(method))
                            substitutes.Add(method.Name);
                        if (symbols.SimilarityBandCheckAttribute is not null && HasAttribute(method, symbols.SimilarityBandCheckAttribute))
                            checks.Add(method.Name);
                        break;
                    case IPropertySymbol or IFieldSymbol:
                        if (symbols.IsSubstituteAttributed(member))
                            substitutes.Add(member.Name);
                        var memberType = member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member).Type;
                        if (memberType is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke } && symbols.IsSubstituteAttributed(invoke))
                            substitutes.Add(member.Name);
                        break;
                }
            }
        }
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                return true;
        }
        return false;
    }
}
