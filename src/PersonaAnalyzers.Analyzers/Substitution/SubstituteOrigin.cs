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
}

/// <summary>How a substitute's value is tracked: as a profile, a collection of profiles, an enumerator over one
/// (a lowered <c>foreach</c>), a tuple that holds one next to its score, or a delegate each call of which obtains
/// one (a source's method group).</summary>
internal enum TaintKind
{
    Element,
    Collection,
    Enumerator,
    Tuple,
    Delegate,
}

/// <summary>A value that carries a substitute.</summary>
internal readonly struct Taint : System.IEquatable<Taint>
{
    public Taint(SubstituteOrigin origin, TaintKind kind)
    {
        Origin = origin;
        Kind = kind;
    }

    public SubstituteOrigin Origin { get; }

    public TaintKind Kind { get; }

    public bool Equals(Taint other) => ReferenceEquals(Origin, other.Origin) && Kind == other.Kind;

    public override bool Equals(object? obj) => obj is Taint other && Equals(other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Origin) * 3 + (int)Kind;
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
