using System;
using System.CodeDom.Compiler;
using System.Globalization;
using System.IO;

namespace PersonaAnalyzers.Generator.Emit;

/// <summary>An <see cref="IndentedTextWriter"/> with <c>\n</c> line ends (the output must not depend on the build
/// machine) and braces that indent what they enclose.</summary>
internal sealed class CodeWriter : IDisposable
{
    private readonly StringWriter _text = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
    private readonly IndentedTextWriter _writer;

    public CodeWriter() => _writer = new IndentedTextWriter(_text, "    ") { NewLine = "\n" };

    public void Line(string text = "")
    {
        if (text.Length == 0)
            _writer.WriteLineNoTabs(string.Empty);
        else
            _writer.WriteLine(text);
    }

    /// <summary>Writes <c>{</c>, indents until the returned scope is disposed, then writes <c>}</c> plus <paramref name="after"/>.</summary>
    public Scope Block(string? header = null, string after = "")
    {
        if (header is not null) Line(header);
        Line("{");
        _writer.Indent++;
        return new Scope(this, after);
    }

    public override string ToString()
    {
        _writer.Flush();
        return _text.ToString();
    }

    public void Dispose() => _writer.Dispose();

    internal readonly struct Scope : IDisposable
    {
        private readonly CodeWriter _owner;
        private readonly string _after;

        public Scope(CodeWriter owner, string after)
        {
            _owner = owner;
            _after = after;
        }

        public void Dispose()
        {
            _owner._writer.Indent--;
            _owner.Line("}" + _after);
        }
    }
}
