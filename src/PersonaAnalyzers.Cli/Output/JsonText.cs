using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace PersonaAnalyzers.Cli.Output;

/// <summary>The one way the CLI writes a JSON document: indented UTF-8, ending with a newline.</summary>
internal static class JsonText
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            write(json);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
