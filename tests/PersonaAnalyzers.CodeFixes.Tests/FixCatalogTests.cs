using Microsoft.CodeAnalysis.CodeFixes;
using PersonaAnalyzers.CodeFixes.Common;

namespace PersonaAnalyzers.CodeFixes.Tests;

/// <summary>Every shipped provider: exported, Fix All in document, project and solution, equivalence keys unique
/// across all fixes (Fix All and command-line tools group by them).</summary>
public class FixCatalogTests
{
    private static readonly PersonaCodeFixProvider[] Providers = typeof(PersonaCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(PersonaCodeFixProvider).IsAssignableFrom(t))
        .Select(t => (PersonaCodeFixProvider)Activator.CreateInstance(t)!)
        .ToArray();

    [Fact]
    public void Every_rule_with_a_fix_has_its_provider()
    {
        var ids = Providers.SelectMany(p => p.FixableDiagnosticIds).OrderBy(id => id).ToArray();
        Assert.Equal(new[] { "PERSONA001", "PERSONA002", "PERSONA003", "PERSONA004", "PERSONA103", "PERSONA104", "PERSONA106" }, ids);
    }

    [Fact]
    public void Equivalence_keys_are_unique_and_name_their_rule()
    {
        var keys = Providers.SelectMany(p => p.AllFixes).Select(f => f.EquivalenceKey).ToArray();
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, key => Assert.Matches(@"^PERSONA\d{3}\.[A-Za-z]+$", key));
    }

    [Fact]
    public void Every_provider_is_exported_and_fixes_all_in_every_scope()
    {
        Assert.All(Providers, provider =>
        {
            Assert.NotNull(provider.GetType().GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).SingleOrDefault());
            Assert.Equal(new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution },
                provider.GetFixAllProvider().GetSupportedFixAllScopes());
        });
    }
}
