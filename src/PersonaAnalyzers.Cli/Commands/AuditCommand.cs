using System;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PersonaAnalyzers.Cli.Audit;
using PersonaAnalyzers.Cli.Input;
using PersonaAnalyzers.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PersonaAnalyzers.Cli.Commands;

/// <summary><c>persona audit PATH</c>: runs the substitution rules over a codebase that has not taken the package
/// yet. Exit code 1 when there are findings at warning or above, 2 on bad input.</summary>
internal sealed class AuditCommand : Command<AuditCommand.Settings>
{
    public const int Findings = 1;

    private readonly IAnsiConsole _console;
    private readonly CliOutput _output;

    public AuditCommand(IAnsiConsole console, CliOutput output)
    {
        _console = console;
        _output = output;
    }

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("A project (.csproj), a solution (.sln, .slnx), or a folder holding one.")]
        public string Path { get; init; } = "";

        [CommandOption("--sarif <FILE>")]
        [Description("Also write the findings as SARIF 2.1.0.")]
        public string? Sarif { get; init; }

        [CommandOption("--persona-types <PATTERNS>")]
        [Description("Comma-separated name patterns of the types to treat as persona profiles (default *Profile,*Persona). Types already marked [PersonaProfile] always count.")]
        public string? PersonaTypes { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        OutputFiles.CheckWritable(settings.Sarif, "--sarif", ".sarif");
        var patterns = settings.PersonaTypes is null
            ? PersonaTypeMarker.DefaultPatterns
            : settings.PersonaTypes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (patterns.Length == 0)
            throw new CliInputException("--persona-types: give at least one name pattern, e.g. *Profile.");

        var findings = _console.Status().Start("Loading", status =>
            AuditRunner.RunAsync(settings.Path, patterns, new Progress<string>(s => status.Status(Markup.Escape(s))), cancellationToken).GetAwaiter().GetResult());

        var root = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(settings.Path)) ?? "";
        if (findings.Count > 0)
        {
            var table = new Table().AddColumns("Rule", "Severity", "Location", "Message");
            foreach (var f in findings)
                table.AddRow(f.Id, f.Severity.ToString(), Markup.Escape(Location(f, root)), Markup.Escape(f.Message));
            _console.Write(table);
        }
        var byRule = string.Join(", ", findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} × {g.Count()}"));
        _console.MarkupLine(findings.Count == 0
            ? "[green]No unguarded profile substitutions found.[/]"
            : $"[yellow]{findings.Count} finding(s)[/] in {findings.Select(f => f.Project).Distinct().Count()} project(s): {Markup.Escape(byRule)}");

        if (settings.Sarif is not null)
            OutputFiles.Write(settings.Sarif, SarifWriter.Write(findings, typeof(AuditCommand).Assembly.GetName().Version?.ToString() ?? "0.0.0"));
        return findings.Any(f => f.Severity >= DiagnosticSeverity.Warning) ? Findings : 0;
    }

    private static string Location(AuditFinding f, string root) =>
        f.FilePath is null ? f.Project : $"{System.IO.Path.GetRelativePath(root, f.FilePath)}({f.Line},{f.Column})";
}
