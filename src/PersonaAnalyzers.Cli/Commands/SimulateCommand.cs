using System;
using System.ComponentModel;
using System.Threading;
using PersonaAnalyzers.Cli.Input;
using PersonaAnalyzers.Cli.Output;
using PersonaAnalyzers.Simulation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PersonaAnalyzers.Cli.Commands;

/// <summary><c>persona simulate</c>: runs the simulated persuasion forum and reports error by similarity rank, with and
/// without the guard.</summary>
internal sealed class SimulateCommand : Command<SimulateCommand.Settings>
{
    private readonly IAnsiConsole _console;
    private readonly CliOutput _output;

    public SimulateCommand(IAnsiConsole console, CliOutput output)
    {
        _console = console;
        _output = output;
    }

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--users <N>")]
        [Description("Users in the pool (≥ 10). Small pools amplify the near-match harm.")]
        [DefaultValue(120)]
        public int Users { get; init; } = 120;

        [CommandOption("--seed <S>")]
        [Description("Seed of the simulation; the same seed gives the same forum.")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--rho <R>")]
        [Description("How much fine persuasion preferences follow the community, in [[0, 1]]. At 1 near-twins stop doing harm.")]
        public double? Rho { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("table or json.")]
        [DefaultValue(OutputFormat.Table)]
        public OutputFormat Format { get; init; } = OutputFormat.Table;

        [CommandOption("--plot <FILE>")]
        [Description("Write an SVG plot of error by similarity rank.")]
        public string? Plot { get; init; }

        [CommandOption("--observations <FILE>")]
        [Description("Write every (similarity, error) observation as CSV for `persona calibrate`.")]
        public string? Observations { get; init; }

        [CommandOption("--bands <FILE>")]
        [Description("Guard with the bands of this persona-bands.json instead of the defaults.")]
        public string? Bands { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new ForumOptions { Users = settings.Users, Seed = settings.Seed };
        if (settings.Rho is { } rho) options.Rho = rho;
        try { options.Validate(); }
        catch (ArgumentException e) { throw new CliInputException($"--{OptionName(e.ParamName)}: {e.Message.Split(" (Parameter")[0]}"); }
        OutputFiles.CheckWritable(settings.Plot, "--plot", ".svg");
        OutputFiles.CheckWritable(settings.Observations, "--observations");
        var policy = settings.Bands is null ? SubstitutionPolicy.Default : SubstitutionPolicy.For(LoadBands(settings.Bands));

        ForumResult result;
        if (settings.Format == OutputFormat.Table && _console.Profile.Capabilities.Interactive)
        {
            ForumResult? done = null;
            _console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"Simulating {options.Users} users");
                done = ForumSimulator.Run(options, policy, new Progress<double>(p => task.Value = p * 100));
                task.Value = 100;
            });
            result = done!;
        }
        else
        {
            result = ForumSimulator.Run(options, policy);
        }

        if (settings.Format == OutputFormat.Json) _output.Out.Write(SimulationReport.Json(result));
        else SimulationReport.Table(_console, result, policy);
        if (settings.Plot is not null) OutputFiles.Write(settings.Plot, SimulationReport.Plot(result));
        if (settings.Observations is not null) OutputFiles.Write(settings.Observations, ObservationCsv.Write(result.Observations));
        return 0;
    }

    private static SimilarityBands LoadBands(string path)
    {
        try { return SimilarityBands.Load(path); }
        catch (System.IO.FileNotFoundException) { throw new CliInputException($"{path}: the file does not exist."); }
        catch (FormatException e) { throw new CliInputException(e.Message); }
        catch (ArgumentException e) { throw new CliInputException($"{path}: {e.Message}"); }
    }

    private static string OptionName(string? parameter) => parameter switch
    {
        nameof(ForumOptions.Users) => "users",
        nameof(ForumOptions.Rho) => "rho",
        _ => parameter?.ToLowerInvariant() ?? "options",
    };
}
