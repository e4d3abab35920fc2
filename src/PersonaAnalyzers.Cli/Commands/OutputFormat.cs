namespace PersonaAnalyzers.Cli.Commands;

/// <summary>How a command prints its result.</summary>
internal enum OutputFormat
{
    /// <summary>A Spectre.Console table for people.</summary>
    Table,

    /// <summary>JSON for scripts.</summary>
    Json,
}
