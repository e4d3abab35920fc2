using System.Globalization;
using ColdStartRecommender.Evaluation;
using PersonaAnalyzers.Simulation;

// The PersonaAnalyzers sample: a cold-start recommender on the simulated persuasion forum.
// Building it shows the analyzers' warnings on Recommending/RiskyRanker.cs; running it compares that recommender
// with the guarded one (Recommending/GuardedRanker.cs) on readers whose own taste model is not available yet.

var users = ArgOrDefault(args, "--users", 120);
var seed = ArgOrDefault(args, "--seed", 1);
var plotPath = ArgValue(args, "--plot") ?? "cold-start.svg";

Console.WriteLine($"Simulated persuasion forum: {users} readers, seed {seed}. Every reader in turn arrives cold;");
Console.WriteLine("the recommender must rank article pairs for them using some other reader's taste model.");
Console.WriteLine();

var forum = SimulatedForum.Create(new ForumOptions { Users = users, Seed = seed });
var result = ColdStartEvaluation.Run(forum);

Console.WriteLine("  strategy                         held-out log-loss");
Console.WriteLine($"  own profile (not available)      {result.Self,10:0.0000}");
Console.WriteLine($"  no personalization               {result.NoPersonalization,10:0.0000}");
Console.WriteLine($"  nearest-neighbour fallback       {result.Risky,10:0.0000}   (RiskyRanker.cs)");
Console.WriteLine($"  guarded substitute               {result.Guarded,10:0.0000}   (GuardedRanker.cs)");
Console.WriteLine();
var worse = result.Readers.Count(r => r.Risky > r.NoPersonalization);
Console.WriteLine($"The nearest neighbour did worse than no personalization for {worse} of {result.Readers.Count} readers.");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"The guard removed {result.Risky - result.Guarded:0.0000} nats per prediction: {result.ShareOfExcessRemoved:P0} of the fallback's excess error over the own profile."));

File.WriteAllText(plotPath, BarChart.Render(result));
Console.WriteLine($"Plot: {Path.GetFullPath(plotPath)}");

static int ArgOrDefault(string[] args, string name, int fallback)
{
    var value = ArgValue(args, name);
    if (value is null) return fallback;
    if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0) return parsed;
    Console.Error.WriteLine($"{name} {value}: expected a positive integer.");
    Environment.Exit(2);
    return fallback;
}

static string? ArgValue(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
