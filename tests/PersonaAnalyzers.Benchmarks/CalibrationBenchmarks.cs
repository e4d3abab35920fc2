using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics;
using MathNet.Numerics.Random;
using PersonaAnalyzers;
using PersonaAnalyzers.Simulation;

namespace PersonaAnalyzers.Benchmarks;

/// <summary>The cost of a calibration (spline fit, knot selection, 200 bootstrap refits) relative to one plain cubic
/// least-squares fit of the same rows, and of the default forum simulation that feeds it. Target: calibration stays
/// within a small multiple of the plain fit per resample, so `persona calibrate` on the default forum (14 280 rows)
/// and `persona simulate` each take a few seconds at most.</summary>
[MemoryDiagnoser]
public class CalibrationBenchmarks
{
    private List<RiskObservation> _observations = new();
    private double[] _x = Array.Empty<double>();
    private double[] _y = Array.Empty<double>();

    [Params(2000, 14280)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Xoshiro256StarStar(1);
        _observations = new List<RiskObservation>(Rows + 100);
        _x = new double[Rows];
        _y = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            var s = rng.NextDouble();
            _x[i] = s;
            _y[i] = 1 + 6 * (s - 0.3) * (s - 0.8) + 0.3 * (rng.NextDouble() - 0.5);
            _observations.Add(RiskObservation.Substitute(s, _y[i]));
        }
        for (var i = 0; i < 50; i++)
        {
            _observations.Add(RiskObservation.Baseline(1));
            _observations.Add(RiskObservation.Self(0));
        }
    }

    [Benchmark(Baseline = true, Description = "one cubic least-squares fit")]
    public double[] PlainFit() => Fit.Polynomial(_x, _y, 3);

    [Benchmark(Description = "calibration, 200 bootstrap resamples")]
    public SimilarityBands Calibrate() => RiskCalibrator.Calibrate(_observations).Bands;

    [Benchmark(Description = "default forum simulation (120 users)")]
    public double Simulate() => ForumSimulator.Run(new ForumOptions()).Ranks[0].Error;
}
