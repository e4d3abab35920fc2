using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.Cli.Audit;

/// <summary>One diagnostic found by <c>persona audit</c>, detached from the workspace that produced it.</summary>
internal sealed record AuditFinding(
    string Id,
    DiagnosticSeverity Severity,
    string Message,
    string Project,
    string? FilePath,
    int Line,
    int Column,
    string Title,
    string? HelpLink);
