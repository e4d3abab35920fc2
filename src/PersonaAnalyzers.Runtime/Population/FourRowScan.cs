#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PersonaAnalyzers;

/// <summary>The scan loop every store shares on .NET 8+: four rows per step, pre-filtered by the band with two vector
/// comparisons, the rest one row at a time.</summary>
/// <remarks>Four rows per step because the query is then loaded once for four rows and the four horizontal sums share
/// their shuffles; one pair of comparisons against <see cref="RiskRanker.LowerDot"/>/<see cref="RiskRanker.UpperDot"/>
/// rejects four near-match or distant rows at once, so the double-precision band test and the risk curve run only for
/// rows that can be candidates.</remarks>
internal static class FourRowScan
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<TDots>(in TDots dots, int start, int end, int skipRow, RiskRanker ranker, TopRanked top)
        where TDots : struct, IRowDots
    {
        var row = start;
        if (dots.CanBatch)
        {
            var lower = Vector128.Create(ranker.LowerDot);
            var upper = Vector128.Create(ranker.UpperDot);
            for (; row + 4 <= end; row += 4)
            {
                var four = dots.Dot4(row);
                var inBand = Vector128.ExtractMostSignificantBits(Vector128.GreaterThan(four, lower) & Vector128.LessThan(four, upper));
                for (; inBand != 0; inBand &= inBand - 1)
                {
                    var candidate = row + BitOperations.TrailingZeroCount(inBand);
                    if (candidate != skipRow && ranker.TryRank(four.GetElement(candidate - row), out var risk))
                        top.Offer(risk, candidate);
                }
            }
        }
        for (; row < end; row++)
        {
            if (row == skipRow || !ranker.TryRank(dots.Dot(row), out var risk)) continue;
            top.Offer(risk, row);
        }
    }
}
#endif
