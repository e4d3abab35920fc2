using System.Globalization;

namespace PersonaAnalyzers.Generator.Emit;

/// <summary>C# spellings of values in generated code.</summary>
internal static class Literals
{
    /// <summary>A double literal that round-trips (<c>2.0</c>, <c>0.85</c>, <c>1E-05</c>).</summary>
    public static string Double(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
    }

    /// <summary>A number for a comment or message (<c>2</c>, <c>0.85</c>).</summary>
    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A camelCase local or parameter name, escaped when it is a keyword.</summary>
    public static string Camel(string identifier)
    {
        var name = identifier.TrimStart('@');
        var camel = name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
        return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(camel) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
            ? "@" + camel
            : camel;
    }

    /// <summary>Text safe inside an XML documentation comment.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
