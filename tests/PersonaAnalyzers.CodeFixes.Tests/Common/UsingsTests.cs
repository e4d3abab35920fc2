using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;

namespace PersonaAnalyzers.CodeFixes.Tests.Common;

/// <summary>A directive a fix adds goes where the file's own order puts it.</summary>
public class UsingsTests
{
    private static string Ensure(string source, string ns) =>
        Usings.Ensure((CompilationUnitSyntax)CSharpSyntaxTree.ParseText(source).GetRoot(), ns).ToFullString();

    [Fact]
    public void After_the_system_directives_where_the_file_puts_them_first() =>
        Assert.Equal("using System;\nusing System.Linq;\nusing PersonaAnalyzers;\nusing Shop;\nclass C { }\n",
            Ensure("using System;\nusing System.Linq;\nusing Shop;\nclass C { }\n", "PersonaAnalyzers"));

    [Fact]
    public void System_directive_joins_the_system_ones() =>
        Assert.Equal("using System.Collections.Generic;\nusing System.Linq;\nusing Shop;\nclass C { }\n",
            Ensure("using System.Collections.Generic;\nusing Shop;\nclass C { }\n", "System.Linq"));

    [Fact]
    public void Alphabetical_where_the_file_mixes_system_in() =>
        Assert.Equal("using PersonaAnalyzers;\nusing Shop;\nusing System.Linq;\nclass C { }\n",
            Ensure("using Shop;\nusing System.Linq;\nclass C { }\n", "PersonaAnalyzers"));

    [Fact]
    public void First_place_keeps_the_file_header_first() =>
        Assert.Equal("// Header\nusing Alpha;\nusing Shop;\nusing System.Linq;\nclass C { }\n",
            Ensure("// Header\nusing Shop;\nusing System.Linq;\nclass C { }\n", "Alpha"));

    [Fact]
    public void In_a_file_without_usings_the_header_stays_first() =>
        Assert.Equal("// Copyright (c) Contoso.\n// Licensed under MIT.\nusing PersonaAnalyzers;\n\nnamespace Repro;\nclass C { }\n",
            Ensure("// Copyright (c) Contoso.\n// Licensed under MIT.\nnamespace Repro;\nclass C { }\n", "PersonaAnalyzers"));

    [Fact]
    public void In_a_file_without_usings_a_blank_line_after_the_header_is_kept_once() =>
        Assert.Equal("// Header\nusing PersonaAnalyzers;\n\nnamespace Repro;\n",
            Ensure("// Header\n\nnamespace Repro;\n", "PersonaAnalyzers"));

    [Fact]
    public void A_global_using_elsewhere_in_the_compilation_imports_it_already()
    {
        var file = CSharpSyntaxTree.ParseText("namespace Repro;\nclass C { }\n");
        var globals = CSharpSyntaxTree.ParseText("global using global::PersonaAnalyzers;\n");
        var compilation = CSharpCompilation.Create("Repro", new[] { file, globals });
        Assert.Equal("namespace Repro;\nclass C { }\n",
            Usings.Ensure((CompilationUnitSyntax)file.GetRoot(), "PersonaAnalyzers", compilation).ToFullString());
    }

    [Fact]
    public void Present_directive_is_not_added_again() =>
        Assert.Equal("using System.Linq;\nclass C { }\n", Ensure("using System.Linq;\nclass C { }\n", "System.Linq"));
}
