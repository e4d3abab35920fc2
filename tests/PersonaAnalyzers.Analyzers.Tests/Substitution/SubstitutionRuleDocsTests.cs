using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PersonaAnalyzers.Diagnostics;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>Every PERSONA0xx descriptor has its page, its help link and its release-tracking line, and every
/// analyzer's rules are among them.</summary>
public sealed class SubstitutionRuleDocsTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = typeof(SubstitutionDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Every_substitution_rule_is_documented_tracked_and_linked()
    {
        Assert.Equal(4, Descriptors.Length);
        var root = Robustness.AnalyzerHarness.RepositoryRoot();
        var releases = File.ReadAllText(Path.Combine(root, "src", "PersonaAnalyzers.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in Descriptors)
        {
            var page = Path.Combine(root, "docs", "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), "missing " + page);
            var text = File.ReadAllText(page);
            Assert.Contains("Default severity | " + descriptor.DefaultSeverity, text);
            foreach (var section in new[] { "## What it finds", "## Why", "## Bad", "## Good", "## Configure" })
                Assert.Contains(section, text);
            Assert.Equal(RuleHelp.Link(descriptor.Id), descriptor.HelpLinkUri);
            Assert.Equal(RuleCategories.Substitution, descriptor.Category);
            Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.Contains($"{descriptor.Id} | {RuleCategories.Substitution} | {descriptor.DefaultSeverity} |", releases);
        }
    }

    [Fact]
    public void Every_analyzer_reports_only_documented_rules()
    {
        var analyzers = typeof(SubstitutionDescriptors).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(SubstitutionDescriptors).Namespace && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();
        Assert.Equal(4, analyzers.Count);
        var ids = Descriptors.Select(d => d.Id).ToHashSet();
        foreach (var analyzer in analyzers)
            Assert.All(analyzer.SupportedDiagnostics, d => Assert.Contains(d.Id, ids));
    }
}
