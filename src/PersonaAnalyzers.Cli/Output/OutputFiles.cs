using System;
using System.IO;
using PersonaAnalyzers.Cli.Input;

namespace PersonaAnalyzers.Cli.Output;

/// <summary>Checks output paths before any work and writes them only once everything has succeeded, so bad input never
/// leaves a half-written result behind.</summary>
internal static class OutputFiles
{
    public static void CheckWritable(string? path, string option, string? requiredExtension = null)
    {
        if (path is null) return;
        if (path.Trim().Length == 0) throw new CliInputException($"{option}: the file name is empty.");
        if (requiredExtension is not null && !path.EndsWith(requiredExtension, StringComparison.OrdinalIgnoreCase))
            throw new CliInputException($"{option} {path}: the file must end in {requiredExtension}.");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
            throw new CliInputException($"{option} {path}: the directory '{directory}' does not exist.");
    }

    public static void Write(string path, string content)
    {
        try { File.WriteAllText(path, content); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{path}: cannot write the file ({e.Message}).", e);
        }
    }
}
