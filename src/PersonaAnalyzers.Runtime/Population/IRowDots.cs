#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;

namespace PersonaAnalyzers;

/// <summary>One store's dot kernels bound to one query, for <see cref="FourRowScan"/>. Implemented by readonly structs
/// so the scan is specialised per store and both calls inline into its loop.</summary>
/// <remarks><see cref="Dot4"/> must return, to the bit, what four calls of <see cref="Dot"/> return: the scan decides
/// on a row with the one and the verdict is built from the other.</remarks>
internal interface IRowDots
{
    /// <summary>Whether <see cref="Dot4"/> is vectorised for these rows; if not, the scan calls <see cref="Dot"/> only.</summary>
    bool CanBatch { get; }

    /// <summary>The query's dot with one row (the store's <see cref="RowStore.Dot"/>).</summary>
    float Dot(int row);

    /// <summary>The query's dots with rows <paramref name="row"/> to <paramref name="row"/> + 3, all of which exist.</summary>
    Vector128<float> Dot4(int row);
}
#endif
