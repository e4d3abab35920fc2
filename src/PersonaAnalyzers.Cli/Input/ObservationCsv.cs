using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace PersonaAnalyzers.Cli.Input;

/// <summary>Reads and writes calibration observations as CSV: <c>similarity,error[,kind]</c>, kind one of
/// <c>substitute</c> (default), <c>baseline</c>, <c>self</c>. An optional header line, blank lines and <c>#</c>
/// comments are allowed; a baseline or self row may leave its similarity empty.</summary>
internal static class ObservationCsv
{
    public const string Header = "similarity,error,kind";

    /// <exception cref="CliInputException">The file is missing or a row is malformed; the message names file and line.</exception>
    public static List<RiskObservation> Read(string path)
    {
        if (!File.Exists(path)) throw new CliInputException($"{path}: the file does not exist.");
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{path}: cannot read the file ({e.Message}).", e);
        }
        var result = new List<RiskObservation>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (result.Count == 0 && line.StartsWith("similarity", StringComparison.OrdinalIgnoreCase)) continue; // header
            result.Add(ParseRow(line, $"{path}({i + 1})"));
        }
        if (result.Count == 0) throw new CliInputException($"{path}: the file has no observations.");
        return result;
    }

    private static RiskObservation ParseRow(string line, string where)
    {
        var cells = line.Split(',');
        if (cells.Length is < 2 or > 3)
            throw new CliInputException($"{where}: expected 'similarity,error[,kind]' but found {cells.Length} column{(cells.Length == 1 ? "" : "s")} in \"{line}\".");
        var kind = ObservationKind.Substitute;
        if (cells.Length == 3)
        {
            kind = cells[2].Trim().ToLowerInvariant() switch
            {
                "" or "substitute" => ObservationKind.Substitute,
                "baseline" => ObservationKind.Baseline,
                "self" => ObservationKind.Self,
                _ => throw new CliInputException($"{where}: kind '{cells[2].Trim()}' is not one of substitute, baseline, self."),
            };
        }
        var similarityText = cells[0].Trim();
        double similarity = 0;
        if (similarityText.Length > 0 || kind == ObservationKind.Substitute)
        {
            if (!double.TryParse(similarityText, NumberStyles.Float, CultureInfo.InvariantCulture, out similarity))
                throw new CliInputException($"{where}: similarity '{similarityText}' is not a number.");
            if (double.IsNaN(similarity) || similarity < 0 || similarity > 1)
                throw new CliInputException($"{where}: similarity {similarityText} is outside [0, 1].");
        }
        var errorText = cells[1].Trim();
        if (!double.TryParse(errorText, NumberStyles.Float, CultureInfo.InvariantCulture, out var error) || double.IsNaN(error) || double.IsInfinity(error))
            throw new CliInputException($"{where}: error '{errorText}' is not a finite number.");
        return new RiskObservation(similarity, error, kind);
    }

    public static string Write(IEnumerable<RiskObservation> observations)
    {
        var sb = new StringBuilder();
        sb.Append(Header).Append('\n');
        foreach (var o in observations)
        {
            var kind = o.Kind switch { ObservationKind.Baseline => "baseline", ObservationKind.Self => "self", _ => "substitute" };
            var similarity = o.Kind == ObservationKind.Substitute ? o.Similarity.ToString("R", CultureInfo.InvariantCulture) : "";
            sb.Append(similarity).Append(',').Append(o.Error.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(kind).Append('\n');
        }
        return sb.ToString();
    }
}
