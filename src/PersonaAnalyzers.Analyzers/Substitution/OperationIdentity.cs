using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.Substitution;

/// <summary>Operations compared by reference, as the default comparer does, but hashed by where their syntax sits
/// and their kind instead of by <see cref="System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(object)"/>.</summary>
/// <remarks>Every operation of a control flow graph is a new object, and the first identity hash of an object takes
/// the runtime's slow path (it writes the hash into the object's header): in a sampling profile of PERSONA001 that slow
/// path was a sixth of the rule's time, for dictionaries that look up most of a graph's operations once
/// (docs/performance.md, tenth round). The syntax position and width are two field reads; operations that share a
/// syntax node (an implicit conversion and its operand) differ by kind or fall into one bucket, where the
/// reference comparison tells them apart.</remarks>
internal sealed class OperationIdentity<T> : IEqualityComparer<T>
    where T : class, IOperation
{
    public static readonly OperationIdentity<T> Comparer = new();

    private OperationIdentity()
    {
    }

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T operation)
    {
        var span = operation.Syntax.FullSpan;
        return (span.Start * 31 + span.Length) * 37 + (int)operation.Kind;
    }
}
