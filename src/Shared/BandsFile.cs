// Shared, as source, by the runtime (SimilarityBands.Load) and the generator/analyzers (which cannot load the
// runtime assembly and must not depend on System.Text.Json). One reader, so the two never disagree on the format.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PersonaAnalyzers.Internal;

/// <summary>One pair of band thresholds read from a <c>persona-bands.json</c> file, with optional bootstrap intervals.</summary>
internal readonly struct BandsEntry : IEquatable<BandsEntry>
{
    public BandsEntry(double nearMatch, double distant, double[]? nearMatchInterval = null, double[]? distantInterval = null)
    {
        NearMatch = nearMatch;
        Distant = distant;
        NearMatchInterval = nearMatchInterval;
        DistantInterval = distantInterval;
    }

    public double NearMatch { get; }
    public double Distant { get; }
    public double[]? NearMatchInterval { get; }
    public double[]? DistantInterval { get; }

    public bool Equals(BandsEntry other) => NearMatch.Equals(other.NearMatch) && Distant.Equals(other.Distant);
    public override bool Equals(object? obj) => obj is BandsEntry other && Equals(other);
    public override int GetHashCode() => NearMatch.GetHashCode() * 397 ^ Distant.GetHashCode();
}

/// <summary>The parsed content of a <c>persona-bands.json</c> file.</summary>
/// <remarks>Format:
/// <code>
/// {
///   "nearMatch": 0.86, "distant": 0.41,                       // global (optional when "types" is given)
///   "nearMatchInterval": [0.83, 0.89], "distantInterval": [0.35, 0.47],   // optional
///   "types": { "Contoso.ReaderProfile": { "nearMatch": 0.9, "distant": 0.4 } }   // optional, by full type name
/// }
/// </code>
/// Unknown top-level members (provenance written by <c>persona calibrate</c>, for instance) are ignored.</remarks>
internal sealed class BandsFile
{
    private BandsFile(BandsEntry? global, Dictionary<string, BandsEntry> types)
    {
        Global = global;
        Types = types;
    }

    public BandsEntry? Global { get; }

    public IReadOnlyDictionary<string, BandsEntry> Types { get; }

    /// <summary>The bands for a type (full name without <c>global::</c>), falling back to the global entry.</summary>
    public BandsEntry? For(string fullTypeName) => Types.TryGetValue(fullTypeName, out var entry) ? entry : Global;

    /// <summary>Parses and validates a bands file.</summary>
    /// <exception cref="FormatException">The text is not valid JSON or not a valid bands file; the message names
    /// <paramref name="source"/>, the line and the offending value.</exception>
    public static BandsFile Parse(string text, string source)
    {
        var reader = new JsonReader(text, source);
        var root = reader.ReadDocument();
        if (root.Value is not Dictionary<string, JsonNode> members)
            throw reader.Error(root, "the top level must be a JSON object");

        var global = ReadEntry(reader, root, members, "the file", optional: true);
        var types = new Dictionary<string, BandsEntry>(StringComparer.Ordinal);
        if (members.TryGetValue("types", out var typesNode))
        {
            if (typesNode.Value is not Dictionary<string, JsonNode> typeMembers)
                throw reader.Error(typesNode, "'types' must be an object mapping full type names to bands");
            foreach (var pair in typeMembers)
            {
                if (pair.Value.Value is not Dictionary<string, JsonNode> typeEntry)
                    throw reader.Error(pair.Value, $"'types.{pair.Key}' must be an object with 'nearMatch' and 'distant'");
                types[pair.Key] = ReadEntry(reader, pair.Value, typeEntry, $"'types.{pair.Key}'", optional: false)!.Value;
            }
        }

        if (global is null && types.Count == 0)
            throw reader.Error(root, "expected 'nearMatch' and 'distant' (or a 'types' object); found neither");
        return new BandsFile(global, types);
    }

    private static BandsEntry? ReadEntry(JsonReader reader, JsonNode owner, Dictionary<string, JsonNode> members, string where, bool optional)
    {
        var hasNear = members.TryGetValue("nearMatch", out var nearNode);
        var hasDistant = members.TryGetValue("distant", out var distantNode);
        if (!hasNear && !hasDistant && optional)
            return null;
        if (!hasNear)
            throw reader.Error(owner, $"{where} has 'distant' but no 'nearMatch'");
        if (!hasDistant)
            throw reader.Error(owner, $"{where} has 'nearMatch' but no 'distant'");

        var near = Threshold(reader, nearNode!, "nearMatch");
        var distant = Threshold(reader, distantNode!, "distant");
        if (!(distant < near))
            throw reader.Error(nearNode!, $"'nearMatch' ({Format(near)}) must be greater than 'distant' ({Format(distant)}): the bands are out of order");

        return new BandsEntry(near, distant, Interval(reader, members, "nearMatchInterval"), Interval(reader, members, "distantInterval"));
    }

    private static double Threshold(JsonReader reader, JsonNode node, string name)
    {
        if (node.Value is not double value)
            throw reader.Error(node, $"'{name}' must be a number in [0, 1]");
        if (value < 0 || value > 1)
            throw reader.Error(node, $"'{name}' is {Format(value)}; it must lie in [0, 1]");
        return value;
    }

    private static double[]? Interval(JsonReader reader, Dictionary<string, JsonNode> members, string name)
    {
        if (!members.TryGetValue(name, out var node))
            return null;
        if (node.Value is not List<JsonNode> { Count: 2 } items || items[0].Value is not double lo || items[1].Value is not double hi)
            throw reader.Error(node, $"'{name}' must be an array of two numbers [low, high]");
        if (lo > hi)
            throw reader.Error(node, $"'{name}' is [{Format(lo)}, {Format(hi)}]; its low end is above its high end");
        // An interval for a threshold bounds a similarity, so it lies in [0, 1] like the threshold itself.
        if (lo < 0 || hi > 1)
            throw reader.Error(node, $"'{name}' is [{Format(lo)}, {Format(hi)}]; it must lie in [0, 1]");
        return new[] { lo, hi };
    }

    /// <summary>Writes a bands file in the format <see cref="Parse"/> reads.</summary>
    public static string Write(BandsEntry global, IEnumerable<KeyValuePair<string, BandsEntry>>? types = null, IEnumerable<KeyValuePair<string, string>>? provenance = null)
    {
        var sb = new StringBuilder();
        sb.Append("{\n");
        WriteEntry(sb, global, "  ");
        if (types is not null)
        {
            var first = true;
            foreach (var pair in types)
            {
                sb.Append(first ? ",\n  \"types\": {\n" : ",\n");
                first = false;
                sb.Append("    \"").Append(Escape(pair.Key)).Append("\": {\n");
                WriteEntry(sb, pair.Value, "      ");
                sb.Append("\n    }");
            }
            if (!first) sb.Append("\n  }");
        }
        if (provenance is not null)
        {
            foreach (var pair in provenance)
                sb.Append(",\n  \"").Append(Escape(pair.Key)).Append("\": \"").Append(Escape(pair.Value)).Append('"');
        }
        sb.Append("\n}\n");
        return sb.ToString();
    }

    private static void WriteEntry(StringBuilder sb, BandsEntry entry, string indent)
    {
        sb.Append(indent).Append("\"nearMatch\": ").Append(Format(entry.NearMatch)).Append(",\n");
        sb.Append(indent).Append("\"distant\": ").Append(Format(entry.Distant));
        if (entry.NearMatchInterval is { } ni)
            sb.Append(",\n").Append(indent).Append("\"nearMatchInterval\": [").Append(Format(ni[0])).Append(", ").Append(Format(ni[1])).Append(']');
        if (entry.DistantInterval is { } di)
            sb.Append(",\n").Append(indent).Append("\"distantInterval\": [").Append(Format(di[0])).Append(", ").Append(Format(di[1])).Append(']');
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");

    /// <summary>A parsed JSON value with the line it started on: an object (<see cref="Dictionary{TKey,TValue}"/>),
    /// array (<see cref="List{T}"/>), number (<see cref="double"/>), string, bool or null.</summary>
    private readonly struct JsonNode
    {
        public JsonNode(object? value, int line, int column)
        {
            Value = value;
            Line = line;
            Column = column;
        }

        public object? Value { get; }
        public int Line { get; }
        public int Column { get; }
    }

    /// <summary>A strict, small JSON reader (RFC 8259 without surrogate-pair validation): enough for a bands file,
    /// with error messages that say where the problem is.</summary>
    private sealed class JsonReader
    {
        private readonly string _text;
        private readonly string _source;
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        public JsonReader(string text, string source)
        {
            _text = text;
            _source = source;
        }

        public FormatException Error(JsonNode at, string message) =>
            new($"{_source}({at.Line},{at.Column}): {message}.");

        private FormatException ErrorHere(string message) =>
            new($"{_source}({_line},{_pos - _lineStart + 1}): {message}.");

        public JsonNode ReadDocument()
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
                throw ErrorHere("the file is empty; expected a JSON object");
            var node = ReadValue(0);
            SkipWhitespace();
            if (_pos < _text.Length)
                throw ErrorHere($"unexpected '{_text[_pos]}' after the end of the JSON value");
            return node;
        }

        private JsonNode ReadValue(int depth)
        {
            if (depth > 64)
                throw ErrorHere("JSON nested more than 64 levels deep");
            SkipWhitespace();
            if (_pos >= _text.Length)
                throw ErrorHere("unexpected end of file; expected a value");
            int line = _line, column = _pos - _lineStart + 1;
            var c = _text[_pos];
            object? value = c switch
            {
                '{' => ReadObject(depth),
                '[' => ReadArray(depth),
                '"' => ReadString(),
                't' => ReadLiteral("true", true),
                'f' => ReadLiteral("false", false),
                'n' => ReadLiteral("null", null),
                _ when c == '-' || (c >= '0' && c <= '9') => ReadNumber(),
                _ => throw ErrorHere($"unexpected '{c}'; expected a value"),
            };
            return new JsonNode(value, line, column);
        }

        private Dictionary<string, JsonNode> ReadObject(int depth)
        {
            var result = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
            _pos++; // {
            SkipWhitespace();
            if (Peek() == '}') { _pos++; return result; }
            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                    throw ErrorHere("expected a property name in double quotes");
                var name = ReadString();
                SkipWhitespace();
                if (Peek() != ':')
                    throw ErrorHere($"expected ':' after \"{name}\"");
                _pos++;
                if (result.ContainsKey(name))
                    throw ErrorHere($"\"{name}\" appears twice in the same object");
                result[name] = ReadValue(depth + 1);
                SkipWhitespace();
                var next = Peek();
                _pos++;
                if (next == '}') return result;
                if (next != ',')
                    { _pos--; throw ErrorHere("expected ',' or '}' in an object"); }
            }
        }

        private List<JsonNode> ReadArray(int depth)
        {
            var result = new List<JsonNode>();
            _pos++; // [
            SkipWhitespace();
            if (Peek() == ']') { _pos++; return result; }
            while (true)
            {
                result.Add(ReadValue(depth + 1));
                SkipWhitespace();
                var next = Peek();
                _pos++;
                if (next == ']') return result;
                if (next != ',')
                    { _pos--; throw ErrorHere("expected ',' or ']' in an array"); }
            }
        }

        private string ReadString()
        {
            var sb = new StringBuilder();
            _pos++; // opening quote
            while (true)
            {
                if (_pos >= _text.Length || _text[_pos] == '\n')
                    throw ErrorHere("unterminated string");
                var c = _text[_pos++];
                if (c == '"') return sb.ToString();
                if (c != '\\') { sb.Append(c); continue; }
                if (_pos >= _text.Length) throw ErrorHere("unterminated string");
                var e = _text[_pos++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                            throw ErrorHere("invalid \\u escape");
                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default: throw ErrorHere($"invalid escape '\\{e}'");
                }
            }
        }

        private object? ReadLiteral(string literal, object? value)
        {
            if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
                throw ErrorHere($"unexpected '{_text[_pos]}'; expected a value");
            _pos += literal.Length;
            return value;
        }

        private double ReadNumber()
        {
            var start = _pos;
            while (_pos < _text.Length && "+-0123456789.eE".IndexOf(_text[_pos]) >= 0)
                _pos++;
            var token = _text.Substring(start, _pos - start);
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value))
            {
                _pos = start;
                throw ErrorHere($"'{token}' is not a valid number");
            }
            return value;
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c == '\n') { _line++; _pos++; _lineStart = _pos; }
                else if (c == ' ' || c == '\t' || c == '\r') _pos++;
                else break;
            }
        }
    }
}
