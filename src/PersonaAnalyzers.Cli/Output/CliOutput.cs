using System.IO;

namespace PersonaAnalyzers.Cli.Output;

/// <summary>Where commands write machine-readable output (JSON) and one-line errors. Tables and progress go to the
/// injected <see cref="Spectre.Console.IAnsiConsole"/>; JSON goes here unwrapped, so it stays valid at any width.</summary>
internal sealed class CliOutput
{
    public CliOutput(TextWriter @out, TextWriter error)
    {
        Out = @out;
        Error = error;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }
}
