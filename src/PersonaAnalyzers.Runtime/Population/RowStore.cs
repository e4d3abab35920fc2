using System;

namespace PersonaAnalyzers;

/// <summary>Contiguous storage of unit-length feature rows, one subclass per <see cref="PopulationStorage"/>. Rows are
/// dense and packed: removing a row moves the last one into its place, so a scan never meets a hole.</summary>
/// <remarks>Not thread-safe on its own; <see cref="PopulationIndex{TKey}"/> serialises writers against readers.</remarks>
internal abstract class RowStore
{
    protected RowStore(int dimension) => Dimension = dimension;

    public int Dimension { get; }

    public int Count { get; protected set; }

    /// <summary>Bytes a scan reads per row.</summary>
    public abstract int BytesPerRow { get; }

    /// <summary>Appends a unit row (or a zero row: a profile with no direction, similar to nobody).</summary>
    public abstract void Append(ReadOnlySpan<float> unitRow);

    public abstract void Overwrite(int row, ReadOnlySpan<float> unitRow);

    /// <summary>Moves the last row into <paramref name="row"/> and drops the last slot.</summary>
    public abstract void RemoveBySwap(int row);

    /// <summary>The stored row as floats (dequantised for compact storage).</summary>
    public abstract void CopyRow(int row, Span<float> destination);

    /// <summary>Dot product of a unit query with a stored row: the cosine similarity, before clamping.</summary>
    public abstract float Dot(float[] query, int row);

    public static RowStore Create(PopulationStorage storage, int dimension, int capacity) => storage switch
    {
        PopulationStorage.Float32 => new Float32RowStore(dimension, capacity),
        PopulationStorage.Int8 => new Int8RowStore(dimension, capacity),
#if NET8_0_OR_GREATER
        PopulationStorage.Float16 => new Float16RowStore(dimension, capacity),
#else
        PopulationStorage.Float16 => throw new ArgumentException(
            "storage is Float16, which needs .NET 8 or later (System.Half); use Int8 or Float32 on this platform.", nameof(storage)),
#endif
        _ => throw new ArgumentException($"storage is {(int)storage}, not a defined PopulationStorage.", nameof(storage)),
    };

    /// <summary>The next capacity for an array holding <paramref name="needed"/> rows: doubling, and refusing sizes a
    /// single .NET array cannot hold with a message that says what to do instead.</summary>
    protected int Grow(int capacity, int needed)
    {
        const long maxElements = 0x7FFFFFC7; // Array.MaxLength
        long next = Math.Max(needed, Math.Max(16L, capacity * 2L));
        if (next * Dimension > maxElements) next = maxElements / Dimension;
        if (next < needed)
            throw new InvalidOperationException(
                $"A population of {needed:N0} rows × {Dimension} features exceeds one in-process array; shard it across several indexes or serve it from a vector engine (see docs/scale.md).");
        return (int)next;
    }
}
