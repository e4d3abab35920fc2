using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PersonaAnalyzers.Substitution;

/// <summary>The names of the members that carry one of the runtime's marker attributes (<c>[ProfileSubstitute]</c>,
/// <c>[SimilarityBandCheck]</c>), for the text gates: a member is reached by its name, so a file that spells none of
/// them cannot reach one. Collected from declarations only, no body bound: source members carrying the attribute, and
/// the members of the runtime and of the referenced assemblies that reference it.</summary>
internal static class AttributedNames
{
    /// <summary>A referenced assembly's names per attribute, kept with the assembly symbol: the compiler server and
    /// the IDE reuse the symbols of unchanged references from one compilation to the next, so each is read once.</summary>
    private static readonly ConditionalWeakTable<IAssemblySymbol, Dictionary<string, MetadataNames>> PerAssembly = new();

    /// <summary>Adds to <paramref name="names"/> every name the attribute marks. Returns true when the text cannot tell
    /// (the gate must stay open): an attributed delegate type is invoked through a variable of any name, an attributed
    /// indexer is read through one, and an alias of the attribute hides it from the syntax scan.</summary>
    public static bool Collect(Compilation compilation, INamedTypeSymbol attribute, HashSet<string> names, CancellationToken cancellation)
    {
        var open = false;
        var shortName = attribute.Name.EndsWith("Attribute", StringComparison.Ordinal)
            ? attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length)
            : attribute.Name;
        // Applying the attribute, aliasing it or declaring an alias used elsewhere all spell its name: files that do
        // not are not parsed into declarations at all.
        var spelled = new[] { shortName };
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (SourceTextGate.Find(tree, CaseInsensitiveWords.None, spelled, cancellation).MayContain)
                open |= CollectSource(tree.GetRoot(cancellation), shortName, names);
        }
        var runtime = attribute.ContainingAssembly;
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly ||
                !(SymbolEqualityComparer.Default.Equals(assembly, runtime) || References(assembly, runtime.Name)))
                continue;
            var found = Metadata(assembly, attribute, cancellation);
            names.UnionWith(found.Names);
            open |= found.Open;
        }
        return open;
    }

    private static bool CollectSource(SyntaxNode root, string shortName, HashSet<string> names)
    {
        var open = false;
        // Attributes sit on declarations: descend through namespaces and types only, never into a body.
        foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            switch (node)
            {
                case UsingDirectiveSyntax { Alias: not null } alias when alias.Name?.ToString().Contains(shortName) == true:
                    open = true;
                    break;
                case DelegateDeclarationSyntax @delegate when HasAttribute(@delegate.AttributeLists, shortName):
                    open = true;
                    break;
                case MethodDeclarationSyntax method when HasAttribute(method.AttributeLists, shortName):
                    names.Add(method.Identifier.ValueText);
                    break;
                case PropertyDeclarationSyntax property when HasAttribute(property.AttributeLists, shortName):
                    names.Add(property.Identifier.ValueText);
                    break;
                // record VisitContext(Reader Visitor, [property: ProfileSubstitute] Reader? StandIn): the attribute on
                // the property the record makes of a positional parameter.
                case ParameterListSyntax { Parent: RecordDeclarationSyntax } positional:
                    foreach (var parameter in positional.Parameters)
                    {
                        if (HasAttribute(parameter.AttributeLists, shortName))
                            names.Add(parameter.Identifier.ValueText);
                    }
                    break;
                // An indexer is reached by brackets on a variable of any name.
                case IndexerDeclarationSyntax indexer when HasAttribute(indexer.AttributeLists, shortName):
                    open = true;
                    break;
                case BaseFieldDeclarationSyntax field when HasAttribute(field.AttributeLists, shortName):
                    foreach (var variable in field.Declaration.Variables)
                        names.Add(variable.Identifier.ValueText);
                    break;
            }
        }
        return open;
    }

    private static bool HasAttribute(SyntaxList<AttributeListSyntax> lists, string shortName)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                var name = attribute.Name switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => string.Empty,
                };
                if (name == shortName || name == shortName + "Attribute")
                    return true;
            }
        }
        return false;
    }

    /// <summary>Keys Microsoft signs the framework with: those assemblies never reference the runtime, and a .NET
    /// project references about two hundred of them, whose reference lists need not be read.</summary>
    private static readonly string[] FrameworkKeys =
        { "b03f5f7f11d50a3a", "cc7b13ffcd2ddd51", "31bf3856ad364e35", "b77a5c561934e089", "adb9793829ddae60", "7cec85d7bea7798e" };

    private static bool References(IAssemblySymbol assembly, string runtime)
    {
        var token = assembly.Identity.PublicKeyToken;
        if (!token.IsDefaultOrEmpty && Array.IndexOf(FrameworkKeys, Hex(token)) >= 0)
            return false;
        foreach (var module in assembly.Modules)
        {
            foreach (var identity in module.ReferencedAssemblies)
            {
                if (identity.Name == runtime)
                    return true;
            }
        }
        return false;
    }

    private static MetadataNames Metadata(IAssemblySymbol assembly, INamedTypeSymbol attribute, CancellationToken cancellation)
    {
        var byAttribute = PerAssembly.GetOrCreateValue(assembly);
        var key = attribute.ToDisplayString();
        lock (byAttribute)
        {
            if (byAttribute.TryGetValue(key, out var known))
                return known;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var open = CollectMetadata(assembly.GlobalNamespace, attribute, names, cancellation);
        var found = new MetadataNames(names, open);
        lock (byAttribute)
            byAttribute[key] = found;
        return found;
    }

    private static bool CollectMetadata(INamespaceOrTypeSymbol container, INamedTypeSymbol attribute, HashSet<string> names,
        CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var open = false;
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceSymbol ns:
                    open |= CollectMetadata(ns, attribute, names, cancellation);
                    break;
                case INamedTypeSymbol { TypeKind: TypeKind.Delegate } @delegate:
                    open |= Carries(@delegate, attribute);
                    break;
                case INamedTypeSymbol type:
                    open |= CollectMetadata(type, attribute, names, cancellation);
                    break;
                case IPropertySymbol { IsIndexer: true } when Carries(member, attribute):
                    open = true;
                    break;
                case IMethodSymbol or IPropertySymbol or IFieldSymbol when Carries(member, attribute):
                    names.Add(member.Name);
                    break;
            }
        }
        return open;
    }

    /// <summary>Compared by name, not by symbol: a reused assembly symbol (see <see cref="PerAssembly"/>) was read in an
    /// earlier compilation, whose attribute symbol may be another instance of the same type.</summary>
    private static bool Carries(ISymbol symbol, INamedTypeSymbol attribute)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (data.AttributeClass is { } found && found.MetadataName == attribute.MetadataName &&
                found.ContainingAssembly?.Name == attribute.ContainingAssembly.Name &&
                found.ContainingNamespace?.ToDisplayString() == attribute.ContainingNamespace.ToDisplayString())
                return true;
        }
        return false;
    }

    private static string Hex(System.Collections.Immutable.ImmutableArray<byte> bytes)
    {
        var text = new System.Text.StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
            text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private sealed class MetadataNames
    {
        public MetadataNames(HashSet<string> names, bool open)
        {
            Names = names;
            Open = open;
        }

        public HashSet<string> Names { get; }

        public bool Open { get; }
    }
}
