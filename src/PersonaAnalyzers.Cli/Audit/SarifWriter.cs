using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using PersonaAnalyzers.Cli.Output;

namespace PersonaAnalyzers.Cli.Audit;

/// <summary>Writes audit findings as SARIF 2.1.0, the format code-scanning services ingest.</summary>
internal static class SarifWriter
{
    public static string Write(IReadOnlyList<AuditFinding> findings, string toolVersion)
    {
        return JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "PersonaAnalyzers");
            json.WriteString("version", toolVersion);
            json.WriteString("informationUri", "https://github.com/persona-analyzers/PersonaAnalyzers");
            json.WriteStartArray("rules");
            foreach (var rule in findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var first = rule.First();
                json.WriteStartObject();
                json.WriteString("id", rule.Key);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", first.Title);
                json.WriteEndObject();
                if (first.HelpLink is { Length: > 0 } help) json.WriteString("helpUri", help);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject(); // driver
            json.WriteEndObject(); // tool

            json.WriteStartArray("results");
            foreach (var f in findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", f.Id);
                json.WriteString("level", Level(f.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", f.Message);
                json.WriteEndObject();
                if (f.FilePath is not null)
                {
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    json.WriteString("uri", new Uri(f.FilePath).AbsoluteUri);
                    json.WriteEndObject();
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", f.Line);
                    json.WriteNumber("startColumn", f.Column);
                    json.WriteEndObject();
                    json.WriteEndObject(); // physicalLocation
                    json.WriteEndObject();
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteEndObject(); // run
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };
}
