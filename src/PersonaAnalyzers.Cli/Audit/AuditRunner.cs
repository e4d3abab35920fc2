using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using PersonaAnalyzers.Cli.Input;

namespace PersonaAnalyzers.Cli.Audit;

/// <summary>Loads a project or solution with MSBuildWorkspace and runs the PersonaAnalyzers substitution rules over it,
/// as they would run once the package is installed.</summary>
internal static class AuditRunner
{
    public static async Task<IReadOnlyList<AuditFinding>> RunAsync(string path, IReadOnlyList<string> personaTypePatterns, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var fullPath = ResolvePath(path);
        MsBuildRegistration.EnsureRegistered();
        return await AnalyzeAsync(fullPath, personaTypePatterns, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A project file, a solution file, or a folder holding exactly one of either.</summary>
    private static string ResolvePath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new CliInputException("audit: give a project (.csproj), a solution (.sln, .slnx) or a folder holding one.");
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var ext = Path.GetExtension(full).ToLowerInvariant();
            if (ext is ".csproj" or ".sln" or ".slnx") return full;
            throw new CliInputException($"{path}: not a C# project or solution (expected .csproj, .sln or .slnx).");
        }
        if (!Directory.Exists(full))
            throw new CliInputException($"{path}: no such file or folder.");
        var candidates = Directory.GetFiles(full, "*.sln").Concat(Directory.GetFiles(full, "*.slnx")).ToArray();
        if (candidates.Length == 0) candidates = Directory.GetFiles(full, "*.csproj");
        return candidates.Length switch
        {
            1 => candidates[0],
            0 => throw new CliInputException($"{path}: the folder holds no .sln, .slnx or .csproj."),
            _ => throw new CliInputException($"{path}: the folder holds {candidates.Length} projects or solutions; name one."),
        };
    }

    // Kept apart from RunAsync so that no MSBuildWorkspace type is loaded before the locator has registered MSBuild.
    private static async Task<IReadOnlyList<AuditFinding>> AnalyzeAsync(string fullPath, IReadOnlyList<string> patterns, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        using var workspace = MSBuildWorkspace.Create();
        var loadFailures = new List<string>();
        workspace.WorkspaceFailed += (_, e) =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure) loadFailures.Add(e.Diagnostic.Message);
        };

        IEnumerable<Project> projects;
        try
        {
            progress?.Report($"Loading {Path.GetFileName(fullPath)}");
            projects = fullPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
                ? new[] { await workspace.OpenProjectAsync(fullPath, cancellationToken: cancellationToken).ConfigureAwait(false) }
                : (await workspace.OpenSolutionAsync(fullPath, cancellationToken: cancellationToken).ConfigureAwait(false)).Projects;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException)
        {
            throw new CliInputException($"{fullPath}: the project does not load: {FirstLine(e.Message)}", e);
        }

        var csharp = projects.Where(p => p.Language == LanguageNames.CSharp).ToList();
        if (csharp.Count == 0)
            throw new CliInputException(loadFailures.Count > 0
                ? $"{fullPath}: the project does not load: {FirstLine(loadFailures[0])}"
                : $"{fullPath}: no C# project was loaded.");
        var broken = csharp.Where(p => !p.Documents.Any()).ToList();
        if (broken.Count == csharp.Count && loadFailures.Count > 0)
            throw new CliInputException($"{fullPath}: the project does not load: {FirstLine(loadFailures[0])}");

        var analyzers = SubstitutionAnalyzers();
        var findings = new List<AuditFinding>();
        foreach (var project in csharp)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"Analyzing {project.Name}");
            var prepared = await PrepareAsync(project, patterns, cancellationToken).ConfigureAwait(false);
            var compilation = await prepared.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null) continue;
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                prepared.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var d in diagnostics.Where(d => d.Id.StartsWith("PERSONA0", StringComparison.Ordinal) || d.Id == "AD0001"))
            {
                var span = d.Location.GetMappedLineSpan();
                findings.Add(new AuditFinding(d.Id, d.Severity, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), project.Name,
                    d.Location.IsInSource ? span.Path : null, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
                    d.Descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Descriptor.HelpLinkUri));
            }
        }
        return findings
            .GroupBy(f => (f.Id, f.FilePath, f.Line, f.Column)).Select(g => g.First()) // multi-targeted projects report twice
            .OrderBy(f => f.FilePath, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ToList();
    }

    /// <summary>Adds the runtime (so the attributes resolve) unless the project already has it, and marks the types
    /// that look like persona profiles.</summary>
    private static async Task<Project> PrepareAsync(Project project, IReadOnlyList<string> patterns, CancellationToken cancellationToken)
    {
        var runtimePath = typeof(PersonaProfileAttribute).Assembly.Location;
        var hasRuntime = project.MetadataReferences.OfType<PortableExecutableReference>()
            .Any(r => string.Equals(Path.GetFileName(r.FilePath), Path.GetFileName(runtimePath), StringComparison.OrdinalIgnoreCase));
        if (!hasRuntime)
            project = project.AddMetadataReference(MetadataReference.CreateFromFile(runtimePath));
        var marker = new PersonaTypeMarker(patterns);
        foreach (var id in project.DocumentIds.ToList())
        {
            var document = project.GetDocument(id)!;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null) continue;
            var marked = marker.Visit(root);
            if (!ReferenceEquals(marked, root)) project = document.WithSyntaxRoot(marked!).Project;
        }
        return project;
    }

    /// <summary>Every analyzer the package ships for the substitution rules (PERSONA0xx), found by reflection over
    /// the analyzer assembly so that a new rule is audited without touching this file.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> SubstitutionAnalyzers()
    {
        var assembly = typeof(PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer).Assembly;
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .Where(a => a.SupportedDiagnostics.Any(d => d.Id.StartsWith("PERSONA0", StringComparison.Ordinal)))
            .ToImmutableArray();
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? message : message.Substring(0, end);
    }
}
