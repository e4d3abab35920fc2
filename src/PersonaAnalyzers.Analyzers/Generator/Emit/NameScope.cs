using System.Collections.Generic;
using System.Globalization;

namespace PersonaAnalyzers.Generator.Emit;

/// <summary>The names one generated method or constructor body declares or uses. Every local or parameter named after a
/// user's member is declared through here, so that it can clash neither with another, nor with the body's own
/// parameters and locals (<c>a</c>, <c>accumulator</c>), nor with a name the body calls (<c>Include</c>,
/// <c>nameof</c>): whatever its members are called, a persona type gets code that compiles.</summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken = new(System.StringComparer.Ordinal);

    /// <param name="reserved">The names the body already declares or uses, as written (an <c>@</c> is ignored).</param>
    public NameScope(IEnumerable<string> reserved)
    {
        foreach (var name in reserved)
            _taken.Add(name.TrimStart('@'));
    }

    /// <summary>One camelCase name per member name, in order. A name that is free is kept as it is (<c>topics</c>,
    /// <c>@event</c>); the others, and all but the first of names that differ only in case, get the first free number
    /// (<c>a2</c>, <c>topics2</c>) once every free name has been given out, so that adding a member never takes another's
    /// plain name.</summary>
    public IReadOnlyList<string> Declare(IReadOnlyList<string> memberNames)
    {
        var wanted = new string[memberNames.Count];
        var names = new string?[memberNames.Count];
        for (var i = 0; i < wanted.Length; i++)
        {
            wanted[i] = Literals.Camel(memberNames[i]);
            if (_taken.Add(wanted[i].TrimStart('@')))
                names[i] = wanted[i];
        }
        for (var i = 0; i < wanted.Length; i++)
        {
            if (names[i] is not null) continue;
            var bare = wanted[i].TrimStart('@');
            var number = 2;
            while (!_taken.Add(bare + number.ToString(CultureInfo.InvariantCulture)))
                number++;
            names[i] = bare + number.ToString(CultureInfo.InvariantCulture);
        }
        return names!;
    }
}
