using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PersonaAnalyzers.Substitution;

/// <summary>The gate in front of PERSONA001: every direct substitute source is a member reached by its name (a
/// name-pattern match, or a <c>[ProfileSubstitute]</c> member), so a file whose text holds no such name, and a body
/// with none in its span, obtains no substitute and its operation tree is not walked (<see cref="SourceTextGate"/>).
/// The attributed names are collected once per compilation from declarations only (no body is bound): source members
/// carrying the attribute, and the members of referenced assemblies that reference the runtime.</summary>
internal sealed class SubstituteNames
{
    private const string AttributeName = "ProfileSubstitute";

    private static readonly string[] AttributeNameOnly = { AttributeName };

    private readonly HashSet<string> _attributed;

    /// <summary>Per file: where its text holds a pattern's literal or an attributed name.</summary>
    private readonly PerTree<WordPositions> _files;

    /// <summary>An attributed delegate type is invoked through a variable of any name; an alias of the attribute
    /// hides it from the syntax scan. Either turns the gate off.</summary>
    private readonly bool _open;

    private SubstituteNames(Compilation compilation, HashSet<string> attributed, bool open)
    {
        _files = new PerTree<WordPositions>(compilation);
        _attributed = attributed;
        _open = open;
    }

    public static SubstituteNames Collect(Compilation compilation, SubstitutionSymbols symbols, CancellationToken cancellation)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var open = false;
        if (symbols.ProfileSubstituteAttribute is { } attribute)
        {
            // Applying the attribute, aliasing it or declaring an alias used elsewhere all spell its name: files
            // that do not are not parsed into declarations at all.
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (SourceTextGate.Find(tree, Array.Empty<string>(), AttributeNameOnly, cancellation).MayContain)
                    open |= CollectSource(tree.GetRoot(cancellation), names);
            }
            var runtime = attribute.ContainingAssembly.Name;
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && References(assembly, runtime))
                    open |= CollectMetadata(assembly.GlobalNamespace, attribute, names, cancellation);
            }
        }
        return new SubstituteNames(compilation, names, open);
    }

    /// <summary>Some identifier in the file may name a substitute source: the first, cheapest question, asked before
    /// the options or the blocks of a body are looked at. Answered once per file.</summary>
    public bool MayObtainIn(SyntaxTree tree, AnalyzerOptions analyzerOptions, CancellationToken cancellation)
    {
        if (_open)
            return true;
        // Asked for every body of every file: the file's options are looked up only the first time.
        return _files.GetOrAdd(tree, (Names: this, Options: analyzerOptions, Cancellation: cancellation),
            static (t, s) => s.Names.Search(t, SubstitutionOptions.For(s.Options, t), s.Cancellation)).MayContain;
    }

    /// <summary>Where in <paramref name="body"/>'s file a name of a substitute source may occur, so that the walk of
    /// the body can pass over the parts with none (<see cref="WordPositions.Unknown"/> where the text cannot tell); null
    /// when no identifier of the body names one.</summary>
    public WordPositions? Occurrences(SyntaxNode body, SubstitutionOptions options, CancellationToken cancellation)
    {
        if (_open)
            return WordPositions.Unknown;
        var positions = Positions(body.SyntaxTree, options, cancellation);
        if (positions.IsKnown)
            return positions.MayContainWithin(body.Span) ? positions : null;
        foreach (var token in body.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && (_attributed.Contains(token.ValueText) || options.NameMatches(token.ValueText)))
                return positions;
        }
        return null;
    }

    private WordPositions Positions(SyntaxTree tree, SubstitutionOptions options, CancellationToken cancellation) =>
        _files.GetOrAdd(tree, (Names: this, Options: options, Cancellation: cancellation), static (t, s) => s.Names.Search(t, s.Options, s.Cancellation));

    // A pattern of wildcards only matches every name: the text cannot narrow anything down.
    private WordPositions Search(SyntaxTree tree, SubstitutionOptions options, CancellationToken cancellation) =>
        options.PatternLiterals is { } literals ? SourceTextGate.Find(tree, literals, _attributed, cancellation) : WordPositions.Unknown;

    private static bool CollectSource(SyntaxNode root, HashSet<string> names)
    {
        var open = false;
        // Attributes sit on declarations: descend through namespaces and types only, never into a body.
        foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            switch (node)
            {
                case UsingDirectiveSyntax { Alias: not null } alias when alias.Name?.ToString().Contains(AttributeName) == true:
                    open = true;
                    break;
                case DelegateDeclarationSyntax @delegate when HasAttribute(@delegate.AttributeLists):
                    open = true;
                    break;
                case MethodDeclarationSyntax method when HasAttribute(method.AttributeLists):
                    names.Add(method.Identifier.ValueText);
                    break;
                case PropertyDeclarationSyntax property when HasAttribute(property.AttributeLists):
                    names.Add(property.Identifier.ValueText);
                    break;
                case BaseFieldDeclarationSyntax field when HasAttribute(field.AttributeLists):
                    foreach (var variable in field.Declaration.Variables)
                        names.Add(variable.Identifier.ValueText);
                    break;
            }
        }
        return open;
    }

    private static bool HasAttribute(SyntaxList<AttributeListSyntax> lists)
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
                if (name is AttributeName or AttributeName + "Attribute")
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
                case IMethodSymbol or IPropertySymbol or IFieldSymbol when Carries(member, attribute):
                    names.Add(member.Name);
                    break;
            }
        }
        return open;
    }

    private static bool Carries(ISymbol symbol, INamedTypeSymbol attribute)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
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
}
