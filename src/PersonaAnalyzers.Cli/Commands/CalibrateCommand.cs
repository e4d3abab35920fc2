using System;
using System.ComponentModel;
using System.IO;
using System.Threading;
using PersonaAnalyzers.Cli.Input;
using PersonaAnalyzers.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PersonaAnalyzers.Cli.Commands;

/// <summary><c>persona calibrate FILE.csv</c>: fits error against similarity, reads off the bands with bootstrap
/// intervals and optionally writes the <c>persona-bands.json</c> the generator reads.</summary>
internal sealed class CalibrateCommand : Command<CalibrateCommand.Settings>
{
    private readonly IAnsiConsole _console;
    private readonly CliOutput _output;

    public CalibrateCommand(IAnsiConsole console, CliOutput output)
    {
        _console = console;
        _output = output;
    }

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("CSV with columns similarity,error[[,kind]]; kind is substitute (default), baseline or self.")]
        public string File { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("table or json.")]
        [DefaultValue(OutputFormat.Table)]
        public OutputFormat Format { get; init; } = OutputFormat.Table;

        [CommandOption("--out <FILE>")]
        [Description("Write the bands file (persona-bands.json) that the generator reads.")]
        public string? Out { get; init; }

        [CommandOption("--plot <FILE>")]
        [Description("Write an SVG plot of the fit, the binned means and the bands.")]
        public string? Plot { get; init; }

        [CommandOption("--bootstrap <N>")]
        [Description("Bootstrap resamples for the intervals (≥ 20).")]
        [DefaultValue(200)]
        public int Bootstrap { get; init; } = 200;

        [CommandOption("--seed <S>")]
        [Description("Seed of the bootstrap.")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        OutputFiles.CheckWritable(settings.Out, "--out", ".json");
        OutputFiles.CheckWritable(settings.Plot, "--plot", ".svg");
        if (settings.Bootstrap < 20)
            throw new CliInputException($"--bootstrap {settings.Bootstrap}: at least 20 resamples are needed for an interval.");
        var observations = ObservationCsv.Read(settings.File);

        RiskCalibration calibration;
        try
        {
            calibration = RiskCalibrator.Calibrate(observations, new RiskCalibratorOptions { BootstrapSamples = settings.Bootstrap, Seed = settings.Seed });
        }
        catch (ArgumentException e)
        {
            // The calibrator's messages describe the data as a whole (too few rows, no baseline): name the file.
            throw new CliInputException($"{settings.File}: {e.Message.Split(" (Parameter")[0]}", e);
        }

        if (settings.Format == OutputFormat.Json) _output.Out.Write(CalibrationReport.Json(calibration));
        else CalibrationReport.Table(_console, calibration, settings.File);
        if (settings.Plot is not null) OutputFiles.Write(settings.Plot, CalibrationReport.Plot(calibration, Path.GetFileName(settings.File)));
        if (settings.Out is not null) OutputFiles.Write(settings.Out, calibration.ToBandsJson(Path.GetFileName(settings.File)));
        return 0;
    }
}
