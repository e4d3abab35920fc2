using System;
using System.IO;
using PersonaAnalyzers.Cli.Commands;
using PersonaAnalyzers.Cli.Input;
using PersonaAnalyzers.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PersonaAnalyzers.Cli;

/// <summary>Builds the <c>persona</c> command app. Tests build it with a test console and string writers and run it
/// in-process.</summary>
internal static class PersonaApp
{
    /// <summary>Exit code for bad input: a missing or malformed file, a bad option value, an unknown option.</summary>
    public const int BadInput = 2;

    public static CommandApp Create(IAnsiConsole console, TextWriter @out, TextWriter error)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("persona");
            config.ConfigureConsole(console);
            config.Settings.Registrar.RegisterInstance<IAnsiConsole>(console);
            config.Settings.Registrar.RegisterInstance(new CliOutput(@out, error));
            config.UseStrictParsing();
            config.UseAssemblyInformationalVersion();
            config.SetExceptionHandler((exception, _) => Report(exception, error));

            config.AddCommand<SimulateCommand>("simulate")
                .WithDescription("Run the simulated persuasion forum: error by similarity rank, with and without the guard.")
                .WithExample("simulate", "--users", "120", "--seed", "1", "--plot", "forum.svg");
            config.AddCommand<CalibrateCommand>("calibrate")
                .WithDescription("Calibrate similarity bands and a risk curve from observations (CSV: similarity,error[[,kind]]).")
                .WithExample("calibrate", "observations.csv", "--out", "persona-bands.json");
            config.AddCommand<AuditCommand>("audit")
                .WithDescription("Run the substitution rules over a project or solution that has not taken the package yet.")
                .WithExample("audit", "src/Recommender/Recommender.csproj", "--sarif", "persona.sarif");
        });
        return app;
    }

    /// <summary>One line on the error writer and exit code 2 for anything the user can fix; other exceptions are bugs
    /// and are reported with their type so they can be filed.</summary>
    private static int Report(Exception exception, TextWriter error)
    {
        var inner = exception is CommandRuntimeException { InnerException: { } wrapped } ? wrapped : exception;
        switch (inner)
        {
            case CliInputException input:
                error.WriteLine($"persona: {input.Message}");
                return BadInput;
            case CommandParseException or CommandRuntimeException:
                error.WriteLine($"persona: {FirstLine(inner.Message)}");
                return BadInput;
            case ArgumentException or FormatException:
                // Spectre's type converters reject an option value this way ("many is not a valid value for Int32").
                error.WriteLine($"persona: invalid option value: {FirstLine(inner.Message.Split(" (Parameter")[0])}");
                return BadInput;
            default:
                error.WriteLine($"persona: internal error ({inner.GetType().Name}): {FirstLine(inner.Message)}");
                return 1;
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? message : message.Substring(0, end);
    }
}
