using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using PersonaAnalyzers.Configuration;
using PersonaAnalyzers.Diagnostics;

namespace PersonaAnalyzers.Generator.Tests.Configuration;

/// <summary>Every PERSONA1xx descriptor has its page, its help link, its release-tracking line and its category.</summary>
public sealed class ConfigurationRuleDocsTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = typeof(ConfigurationDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        for (var dir = Path.GetDirectoryName(path); dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "PersonaAnalyzers.sln"))) return dir;
        throw new DirectoryNotFoundException("PersonaAnalyzers.sln not found above " + path);
    }

    [Fact]
    public void Every_configuration_rule_is_documented_tracked_and_linked()
    {
        Assert.Equal(8, Descriptors.Length);
        var root = RepositoryRoot();
        var releases = File.ReadAllText(Path.Combine(root, "src", "PersonaAnalyzers.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in Descriptors)
        {
            var page = Path.Combine(root, "docs", "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), "missing " + page);
            Assert.Contains("Default severity | " + descriptor.DefaultSeverity, File.ReadAllText(page));
            Assert.Equal(RuleHelp.Link(descriptor.Id), descriptor.HelpLinkUri);
            Assert.Equal(RuleCategories.Configuration, descriptor.Category);
            Assert.Contains($"{descriptor.Id} | {RuleCategories.Configuration} | {descriptor.DefaultSeverity} |", releases);
        }
    }
}
