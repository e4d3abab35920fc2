using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.Substitution;

/// <summary>An expression that obtains another user's profile (or a collection of them): where PERSONA001 is
/// reported.</summary>
internal sealed class SubstituteOrigin
{
    public SubstituteOrigin(IOperation operation, INamedTypeSymbol? persona, bool isCollection, string construct, Location location)
    {
        Operation = operation;
        Persona = persona;
        IsCollection = isCollection;
        Construct = construct;
        Location = location;
    }

    public IOperation Operation { get; }

    /// <summary>The persona type, null when a <c>[ProfileSubstitute]</c> member returns some other type.</summary>
    public INamedTypeSymbol? Persona { get; }

    public bool IsCollection { get; }

    /// <summary>How the substitute is obtained; see <see cref="SubstitutionDescriptors"/>.</summary>
    public string Construct { get; }

    public Location Location { get; }

    /// <summary>For a tuple (or a collection of tuples) that pairs the substitute with other values: the position of the
    /// substitute in it — <c>(User: u, Twin: index.FindNearest(u))</c> holds it at 1, and <c>User</c> is the user's own
    /// profile. -1 when every profile in the tuple is the substitute (a source's <c>(Reader Match, double Score)</c>).</summary>
    public int TupleElement { get; init; } = -1;

    /// <summary>For a tuple (or a collection of tuples) that pairs the substitute with its own check's answer —
    /// <c>(n, verdict: Guard.Assess(user, n))</c>, <c>new { n, band = Guard.Classify(user, n) }</c> — the position of that
    /// answer: reading it there is the check deciding (see <see cref="Taint.VerdictAt"/>). -1 when there is none.</summary>
    public int VerdictElement { get; init; } = -1;

    /// <summary>Other users' ids rather than their profiles (<see cref="SubstituteSources.TryGetDirect"/> with <c>orKeys</c>): tracked like a
    /// substitute, never reported itself — a lookup that turns one into a profile obtains the substitute.</summary>
    public bool IsKey { get; init; }

    /// <summary>A lookup started and not waited for where it is called: a task whose result is the substitute (or, with
    /// <see cref="IsKey"/>, the ids). Its only
    /// uses are being returned or stored — the code that waits for it later gets the substitute unchecked — while the
    /// <c>await</c> of a local it was started into obtains the substitute itself (<see cref="SubstituteSources.TryGetDirect"/>).</summary>
    public bool IsTask { get; init; }

    /// <summary>For an element (an indexer, <c>First()</c>, a <c>foreach</c> variable): the collection origin it was taken
    /// from in the same graph.</summary>
    public SubstituteOrigin? TakenFrom { get; init; }
}

/// <summary>How a substitute's value is tracked: as a profile, a collection of profiles, an enumerator over one
/// (a lowered <c>foreach</c>), a tuple that holds one next to its score, a delegate each call of which obtains
/// one (a source's method group), or a task that will give one (a lookup started, not yet awaited).</summary>
internal enum TaintKind
{
    Element,
    Collection,
    Enumerator,
    Tuple,
    Delegate,
    Task,
}

/// <summary>A value that carries a substitute.</summary>
internal readonly struct Taint : System.IEquatable<Taint>
{
    /// <param name="element">For a tuple, or a collection of tuples, the position of the substitute in it (see
    /// <see cref="SubstituteOrigin.TupleElement"/>); by default the origin's own.</param>
    /// <param name="verdictAt">For the same, the position of the substitute's own check's answer beside it (see
    /// <see cref="SubstituteOrigin.VerdictElement"/>); by default the origin's own.</param>
    public Taint(SubstituteOrigin origin, TaintKind kind, int? element = null, int? verdictAt = null)
    {
        Origin = origin;
        Kind = kind;
        var paired = kind is TaintKind.Tuple or TaintKind.Collection or TaintKind.Enumerator;
        Element = paired ? element ?? origin.TupleElement : -1;
        VerdictAt = paired ? verdictAt ?? origin.VerdictElement : -1;
    }

    public SubstituteOrigin Origin { get; }

    public TaintKind Kind { get; }

    /// <summary>For a tuple taint (or a collection of tuples, or an enumerator over one: <c>users.Zip(twins)</c> holds them at 1), the position of the
    /// substitute; -1 for every profile in it (and for other kinds).</summary>
    public int Element { get; }

    /// <summary>Whether the tuple's element at <paramref name="position"/> (-1: unknown) is the substitute.</summary>
    public bool HoldsAt(int position) => Element < 0 || position < 0 || position == Element;

    /// <summary>For a tuple taint (or a collection of tuples, or an enumerator over one), the position of the answer of a
    /// check given the substitute beside it: <c>pairs.Where(p =&gt; p.verdict.IsSafe)</c> keeps the checked ones, and a
    /// branch on <c>pair.Verdict.IsSafe</c> decides. -1 when the tuple carries none.</summary>
    public int VerdictAt { get; }

    public bool Equals(Taint other) => ReferenceEquals(Origin, other.Origin) && Kind == other.Kind && Element == other.Element && VerdictAt == other.VerdictAt;

    public override bool Equals(object? obj) => obj is Taint other && Equals(other);

    public override int GetHashCode() => ((System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Origin) * 3 + (int)Kind) * 17 + Element) * 7 + VerdictAt;
}

/// <summary>What the target user's result gets from a substitute: the uses PERSONA001 requires a check before.</summary>
internal enum UseKind
{
    None,
    Return,
    Store,
    Argument,
    CollectionAdd,
    Capture,
    MemberRead,
}
