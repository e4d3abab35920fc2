using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

internal sealed partial class SubstituteFlowGraph
{
    private sealed partial class OriginFacts
    {
        /// <summary>Which answer of a branch value is the safe one: a band test's (<see cref="SubstituteFlowGraph.SenseOf"/>),
        /// and also where the answer was kept first — in a verdict local, field or auto-property (<c>var ok = Assess(u,
        /// t).IsSafe; if (!ok) …</c>), or a capture (<c>IsSafe switch { false =&gt; twin, … }</c>) — or is compared with a
        /// constant (<c>IsSafe == false</c>, <c>TrySubstitute(…) is false</c>). Without this, a branch on a kept answer
        /// decided whichever way used the substitute: <c>if (!ok) return twin;</c> uses it exactly when it is unsafe.</summary>
        public Sense SenseOf(IOperation? test) => SenseOf(test, depth: 0);

        private Sense SenseOf(IOperation? test, int depth)
        {
            if (test is null)
                return Sense.Unknown;
            var sense = _owner.SenseOf(test);
            // A kept answer kept again (ok = safe; if (!ok)) is followed a few steps, never round a cycle.
            if (sense != Sense.Unknown || depth > 4)
                return sense;
            var value = BandTests.Unnegated(test, out var negated);
            sense = value switch
            {
                ILocalReferenceOperation local when _verdictLocals.Contains(local.Local) => KeptIn(local.Local, depth),
                IMemberReferenceOperation member when OwnStorage(member) is { } storage && _verdictMembers.Contains(storage) => KeptIn(storage, depth),
                IFlowCaptureReferenceOperation capture when _verdictCaptures.Contains(capture.Id) => Captured(capture.Id, depth),
                // IsSafe == false, TrySubstitute(…) is false: the answer's sense, turned round where the test holds on false.
                IBinaryOperation or IIsPatternOperation when BandTests.AnswerTested(value, out var keeps) is { } answer =>
                    keeps ? SenseOf(answer, depth + 1) : Flipped(SenseOf(answer, depth + 1)),
                _ => Sense.Unknown,
            };
            return negated ? Flipped(sense) : sense;
        }

        /// <summary>The sense every verdict a variable is given has; Unknown where they differ or none is known.</summary>
        private Sense KeptIn(ISymbol variable, int depth)
        {
            var kept = Sense.Unknown;
            foreach (var i in _all.PositionsOf(OperationKind.SimpleAssignment))
            {
                var assignment = (ISimpleAssignmentOperation)_all.Operation(i);
                var written = _all.WrittenBy(assignment) switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IMemberReferenceOperation member => OwnStorage(member),
                    _ => null,
                };
                if (!SymbolEqualityComparer.Default.Equals(written, variable) || !IsSet(_deciding, _all.IndexWithin(i, assignment.Value)))
                    continue;
                if (!Agrees(ref kept, SenseOf(assignment.Value, depth + 1)))
                    return Sense.Unknown;
            }
            return kept;
        }

        /// <summary>The sense every value a capture is given has (a switch's value is captured once).</summary>
        private Sense Captured(CaptureId id, int depth)
        {
            var kept = Sense.Unknown;
            for (var i = _all.NextCaptureDefinition(id, -1); i >= 0; i = _all.NextCaptureDefinition(id, i))
            {
                if (!Agrees(ref kept, SenseOf(((IFlowCaptureOperation)_all.Operation(i)).Value, depth + 1)))
                    return Sense.Unknown;
            }
            return kept;
        }

        /// <summary>Takes one more value's sense into the one <paramref name="kept"/> so far: false where it is not known
        /// or differs.</summary>
        private static bool Agrees(ref Sense kept, Sense given)
        {
            if (given is Sense.Unknown || kept != Sense.Unknown && given != kept)
                return false;
            kept = given;
            return true;
        }

        private static Sense Flipped(Sense sense) => sense switch
        {
            Sense.SafeWhenTrue => Sense.SafeWhenFalse,
            Sense.SafeWhenFalse => Sense.SafeWhenTrue,
            _ => sense,
        };
    }
}
