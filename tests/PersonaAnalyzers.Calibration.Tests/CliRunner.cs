using PersonaAnalyzers.Cli;
using Spectre.Console;

namespace PersonaAnalyzers.Calibration.Tests;

/// <summary>Runs the <c>persona</c> command app in-process and captures what it prints.</summary>
internal sealed class CliRunner
{
    public int ExitCode { get; private set; }
    public string Console { get; private set; } = "";
    public string Out { get; private set; } = "";
    public string Error { get; private set; } = "";

    public static CliRunner Run(params string[] args)
    {
        var console = new StringWriter();
        var @out = new StringWriter();
        var error = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console),
        });
        ansi.Profile.Width = 160;
        var code = PersonaApp.Create(ansi, @out, error).Run(args);
        return new CliRunner { ExitCode = code, Console = console.ToString(), Out = @out.ToString(), Error = error.ToString() };
    }
}
