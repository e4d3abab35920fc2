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
    public void Present_directive_is_not_added_again() =>
        Assert.Equal("using System.Linq;\nclass C { }\n", Ensure("using System.Linq;\nclass C { }\n", "System.Linq"));
}
