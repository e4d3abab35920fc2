using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace PersonaAnalyzers.Generator.Tests.Infrastructure;

/// <summary>Compares generated text with a checked-in file in <c>Snapshots/</c>. A mismatch fails with a line diff;
/// set <c>PERSONA_UPDATE_SNAPSHOTS=1</c> to rewrite the files after a deliberate change (then review the git diff).</summary>
internal static class Snapshot
{
    public static void Match(string actual, string name, bool allowUpdate = true, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(FindProjectDirectory(callerPath), "Snapshots");
        var path = Path.Combine(directory, name);
        actual = actual.Replace("\r\n", "\n");
        if (allowUpdate && Environment.GetEnvironmentVariable("PERSONA_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No snapshot {path}. Run the tests with PERSONA_UPDATE_SNAPSHOTS=1 to create it, then review it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual) return;
        Assert.Fail($"The generated code differs from {name} (- expected, + actual):\n" + Diff(expected, actual));
    }

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var text = new StringBuilder();
        var lineNumber = 0;
        foreach (var line in diff.Lines)
        {
            if (line.Type != ChangeType.Inserted) lineNumber++;
            var prefix = line.Type switch { ChangeType.Inserted => "+ ", ChangeType.Deleted => "- ", _ => null };
            if (prefix is not null) text.Append(lineNumber.ToString().PadLeft(4)).Append(' ').Append(prefix).AppendLine(line.Text);
        }
        return text.ToString();
    }

    private static string FindProjectDirectory(string callerPath)
    {
        for (var dir = Path.GetDirectoryName(callerPath); dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "PersonaAnalyzers.Generator.Tests.csproj"))) return dir;
        throw new InvalidOperationException($"Cannot find the test project above {callerPath}.");
    }
}
