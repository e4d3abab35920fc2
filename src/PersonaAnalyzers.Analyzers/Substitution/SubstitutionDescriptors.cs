using Microsoft.CodeAnalysis;
using PersonaAnalyzers.Diagnostics;

namespace PersonaAnalyzers.Substitution;

/// <summary>The PERSONA0xx descriptors. Each diagnostic carries in <see cref="Diagnostic.Properties"/> what a code fix
/// needs, under the keys of <see cref="SubstitutionProperties"/>:
/// <list type="bullet">
/// <item><c>PersonaType</c>: the persona type's fully qualified metadata name (<c>Ns.Outer+ReaderProfile</c>), empty
/// when the substitute's type is not a <c>[PersonaProfile]</c> type (a <c>[ProfileSubstitute]</c> member may return
/// anything).</item>
/// <item><c>GuardType</c>: the generated guard's fully qualified name (<c>Ns.ReaderProfileGuard</c>), empty when
/// <c>PersonaType</c> is.</item>
/// </list>
/// Per rule:
/// <list type="bullet">
/// <item>PERSONA001: <c>Construct</c> (how the substitute is obtained: <c>Invocation</c>, <c>Property</c>,
/// <c>Field</c>, <c>Await</c>, <c>WhenAll</c>, <c>Element</c>, <c>ForEach</c>, <c>Delegate</c>, <c>MethodGroup</c>, <c>OutArgument</c>, <c>BlockingWait</c>, <c>Lookup</c>, <c>Task</c>), <c>UseKind</c> (the first unchecked
/// use found: <c>Return</c>, <c>Store</c>, <c>Argument</c>, <c>CollectionAdd</c>, <c>Capture</c>,
/// <c>MemberRead</c>), <c>IsCollection</c> (<c>true</c> when the substitute is a collection of profiles). The one
/// additional location is the unchecked use.</item>
/// <item>PERSONA002: <c>Selection</c> (<c>MaxBy</c>, <c>MinBy</c>, <c>OrderByFirst</c>, <c>OrderByFilteredFirst</c>, <c>MaxThenWhere</c>,
/// <c>Loop</c>); <c>TargetLocation</c> / <c>CandidatesLocation</c> are indexes into
/// <see cref="Diagnostic.AdditionalLocations"/> of the user compared against (the similarity call's other argument)
/// and of the population the selection runs over, present only when known.</item>
/// <item>PERSONA003: <c>ScoreOperand</c> (<c>Left</c> or <c>Right</c>: which side of the comparison is the
/// similarity score), <c>IsDistance</c> (<c>true</c> when the score is a distance, so lower means closer),
/// <c>AdmitsWhenHolds</c> (<c>true</c> when the candidate is used where the comparison holds, <c>false</c> where it
/// fails: an upper bar, <c>sim &lt; 0.9 ? other : user</c>, admits where it holds although its operator rejects). The
/// additional locations are the score operand, then the threshold operand.</item>
/// <item>PERSONA004: <c>CheckMethod</c> (the discarded check's name).</item>
/// </list></summary>
internal static class SubstitutionDescriptors
{
    public const string UncheckedSubstituteId = "PERSONA001";
    public const string HighestSimilaritySelectionId = "PERSONA002";
    public const string RawThresholdId = "PERSONA003";
    public const string DiscardedCheckId = "PERSONA004";

    public static readonly DiagnosticDescriptor UncheckedSubstitute = new(
        UncheckedSubstituteId,
        title: "Substituted profile used without a similarity-band check",
        messageFormat: "'{0}' obtains another user's profile that is used ({1}) on some path without a similarity-band check; a near-twin's profile is the most harmful substitute",
        category: RuleCategories.Substitution,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A profile that belongs to someone else (a neighbour, lookalike, fallback persona) must pass a [SimilarityBandCheck] method whose result decides whether it is used, on every path to the use.",
        helpLinkUri: RuleHelp.Link(UncheckedSubstituteId));

    public static readonly DiagnosticDescriptor HighestSimilaritySelection = new(
        HighestSimilaritySelectionId,
        title: "Substitute chosen by highest similarity",
        messageFormat: "The substitute is chosen by {0}; the most similar other user lands in the near-match band, where substitution does the most harm — use the guard's SafestSubstitute",
        category: RuleCategories.Substitution,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Selecting the nearest neighbour as a substitute picks the near-twin whose preferences are applied confidently and wrongly. Choose the candidate with the lowest expected error that beats the non-personalized baseline.",
        helpLinkUri: RuleHelp.Link(HighestSimilaritySelectionId));

    public static readonly DiagnosticDescriptor RawThreshold = new(
        RawThresholdId,
        title: "Substitute accepted by a raw similarity threshold",
        messageFormat: "'{0}' accepts a substitute by a raw similarity threshold; {1} — classify the pair with a similarity-band check",
        category: RuleCategories.Substitution,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A similarity cut-off treats 'more similar' as 'safer', which the research contradicts. Decide with a [SimilarityBandCheck] method (the guard's Classify, Assess or TrySubstitute).",
        helpLinkUri: RuleHelp.Link(RawThresholdId));

    public static readonly DiagnosticDescriptor DiscardedCheck = new(
        DiscardedCheckId,
        title: "Result of a similarity-band check is discarded",
        messageFormat: "The result of '{0}' is discarded, so it checks nothing; branch on it",
        category: RuleCategories.Substitution,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A band check only protects the target user when its result decides whether the substitute is used.",
        helpLinkUri: RuleHelp.Link(DiscardedCheckId));
}
