using System;

namespace PersonaAnalyzers;

/// <summary>Marks a member that returns a profile belonging to <em>someone else</em>: a nearest neighbour, a lookalike,
/// a cluster centroid, a fallback persona.</summary>
/// <remarks>Callers must vet the value with a <see cref="SimilarityBandCheckAttribute">band check</see> before its data
/// shapes a result for the target user (rule PERSONA001). A member carrying this attribute may itself return a
/// substitute unchecked: the responsibility moves to its callers. Implementations and overrides of a marked
/// interface or base member are substitutes too.</remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Delegate,
    AllowMultiple = false, Inherited = true)]
public sealed class ProfileSubstituteAttribute : Attribute
{
}
