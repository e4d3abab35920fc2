using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Verify = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.UncheckedSubstituteCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA001 on a substitute stored into a slot that already holds null for no substitute (an out parameter,
/// a field, a dictionary's slot): null for an unsafe one too, checked in place before the store.</summary>
public class AssignedSubstituteTests
{
    private const string Key = "PERSONA001.Guard";

    /// <summary>A lookup assigned to a local declared earlier, where every later read allows for a missing one: an unsafe
    /// one is made missing, as the same lookup declared with <c>var</c> is — in a block, an <c>else</c> without braces
    /// (a block is made for the two), a <c>try</c> whose reads come after it, and a <c>switch</c> section (probe 13b,
    /// repro 01). Standing the user's own profile in would take the code's answer for no substitute away.</summary>
    [Fact]
    public Task Lookup_assigned_to_an_earlier_local_read_only_where_missing_is_allowed_is_made_missing() =>
        Verify.VerifyAsync(InClass("""
                public (string, bool) Assigned(Reader user)
                {
                    Reader? n = null;
                    n = {|PERSONA001:index.FindNearest(user)|};
                    return (n?.Summary ?? user.Summary, n is not null);
                }

                public string InElse(Reader user, bool fresh)
                {
                    Reader? n;
                    if (fresh)
                        n = null;
                    else
                        n = {|PERSONA001:index.FindNearest(user)|};
                    return n is null ? "no recommendation" : n.Summary;
                }

                public string? InTry(Reader user)
                {
                    Reader? n = null;
                    try
                    {
                        n = {|PERSONA001:index.FindNearest(user)|};
                    }
                    catch (System.TimeoutException)
                    {
                        return "offline";
                    }
                    return n?.Summary;
                }

                public string InSwitch(Reader user, int mode)
                {
                    Reader? n = null;
                    switch (mode)
                    {
                        case 1:
                            n = {|PERSONA001:index.FindNearest(user)|};
                            break;
                    }
                    return n?.Summary ?? user.Summary;
                }
            """), InClass("""
                public (string, bool) Assigned(Reader user)
                {
                    Reader? n = null;
                    n = index.FindNearest(user);
                    if (n is not null && !ReaderGuard.TrySubstitute(user, n, out _))
                        n = null;
                    return (n?.Summary ?? user.Summary, n is not null);
                }

                public string InElse(Reader user, bool fresh)
                {
                    Reader? n;
                    if (fresh)
                        n = null;
                    else
                    {
                        n = index.FindNearest(user);
                        if (n is not null && !ReaderGuard.TrySubstitute(user, n, out _))
                            n = null;
                    }
                    return n is null ? "no recommendation" : n.Summary;
                }

                public string? InTry(Reader user)
                {
                    Reader? n = null;
                    try
                    {
                        n = index.FindNearest(user);
                        if (n is not null && !ReaderGuard.TrySubstitute(user, n, out _))
                            n = null;
                    }
                    catch (System.TimeoutException)
                    {
                        return "offline";
                    }
                    return n?.Summary;
                }

                public string InSwitch(Reader user, int mode)
                {
                    Reader? n = null;
                    switch (mode)
                    {
                        case 1:
                            n = index.FindNearest(user);
                            if (n is not null && !ReaderGuard.TrySubstitute(user, n, out _))
                                n = null;
                            break;
                    }
                    return n?.Summary ?? user.Summary;
                }
            """), Key, iterations: 4);

    /// <summary>A later read that needs the substitute (<c>n.Summary</c> with no presence test), or a handler that
    /// reads it (an exception from the check itself would reach it unchecked): the made-missing guard does not apply,
    /// and the own profile stands in.</summary>
    [Fact]
    public Task Lookup_assigned_to_an_earlier_local_read_unconditionally_gets_the_own_profile() =>
        Verify.VerifyAsync(InClass("""
                public string Assigned(Reader user)
                {
                    Reader? n = null;
                    n = {|PERSONA001:index.FindNearest(user)|};
                    return n!.Summary;
                }

                public string? ReadInHandler(Reader user)
                {
                    Reader? n = null;
                    try
                    {
                        n = {|PERSONA001:index.FindNearest(user)|};
                    }
                    catch (System.TimeoutException)
                    {
                        return n?.Summary;
                    }
                    return n?.Summary;
                }
            """), InClass("""
                public string Assigned(Reader user)
                {
                    Reader? n = null;
                    var substitute = index.FindNearest(user);
                    if (substitute is null || !ReaderGuard.TrySubstitute(user, substitute, out _))
                        substitute = user;
                    n = substitute;
                    return n!.Summary;
                }

                public string? ReadInHandler(Reader user)
                {
                    Reader? n = null;
                    try
                    {
                        var substitute = index.FindNearest(user);
                        if (substitute is null || !ReaderGuard.TrySubstitute(user, substitute, out _))
                            return null;
                        n = substitute;
                    }
                    catch (System.TimeoutException)
                    {
                        return n?.Summary;
                    }
                    return n?.Summary;
                }
            """), Key, iterations: 2);

    /// <summary>Past the guard's null test the compiler knows the substitute is there: a <c>!</c> on a later read said
    /// only what the guard now tests and is dropped (probe 13b, repro 06) — kept inside a lambda, which may run when
    /// the local is null again, and where the local is written after the guard.</summary>
    [Fact]
    public Task Suppressions_the_guard_makes_dead_are_dropped() =>
        Verify.VerifyAsync(InClass("""
                public List<string> Lines(List<Reader> readers)
                {
                    var output = new List<string>();
                    foreach (var r in readers)
                    {
                        var lookalike = {|PERSONA001:index.FindNearest(r)|};
                        output.Add(lookalike!.Summary);
                        output.Add(lookalike!.Id);
                    }
                    return output;
                }

                public List<string> InLambda(List<Reader> readers)
                {
                    var output = new List<string>();
                    foreach (var r in readers)
                    {
                        var lookalike = {|PERSONA001:index.FindNearest(r)|};
                        output.Add(lookalike!.Summary);
                        System.Func<string> later = () => lookalike!.Id;
                        output.Add(later());
                    }
                    return output;
                }
            """), InClass("""
                public List<string> Lines(List<Reader> readers)
                {
                    var output = new List<string>();
                    foreach (var r in readers)
                    {
                        var lookalike = index.FindNearest(r);
                        if (lookalike is null || !ReaderGuard.TrySubstitute(r, lookalike, out _))
                            continue;
                        output.Add(lookalike.Summary);
                        output.Add(lookalike.Id);
                    }
                    return output;
                }

                public List<string> InLambda(List<Reader> readers)
                {
                    var output = new List<string>();
                    foreach (var r in readers)
                    {
                        var lookalike = index.FindNearest(r);
                        if (lookalike is null || !ReaderGuard.TrySubstitute(r, lookalike, out _))
                            continue;
                        output.Add(lookalike!.Summary);
                        System.Func<string> later = () => lookalike!.Id;
                        output.Add(later());
                    }
                    return output;
                }
            """), Key, iterations: 2);

    [Fact]
    public Task Out_parameter_that_may_be_null_gets_null_for_an_unsafe_substitute() =>
        Verify.VerifyAsync(InClass("""
                public bool TryPickDonor(Reader user, out Reader? donor)
                {
                    donor = {|PERSONA001:index.FindNearest(user)|};
                    return donor != null;
                }
            """), InClass("""
                public bool TryPickDonor(Reader user, out Reader? donor)
                {
                    donor = index.FindNearest(user) is { } substitute && ReaderGuard.TrySubstitute(user, substitute, out _) ? substitute : null;
                    return donor != null;
                }
            """), Key);

    [Fact]
    public Task Out_parameter_outside_nullable_annotations_gets_null_for_an_unsafe_substitute() =>
        Verify.VerifyAsync(InClass("""
                public bool TryPickDonor(Reader user, out Reader donor)
                {
                    donor = {|PERSONA001:index.FindNearest(user)|};
                    return donor != null;
                }
            """, "#nullable disable\n"), InClass("""
                public bool TryPickDonor(Reader user, out Reader donor)
                {
                    donor = index.FindNearest(user) is { } substitute && ReaderGuard.TrySubstitute(user, substitute, out _) ? substitute : null;
                    return donor != null;
                }
            """, "#nullable disable\n"), Key);

    [Fact]
    public Task Out_parameter_given_a_value_never_null_keeps_the_guard() =>
        Verify.VerifyAsync(InClass("""
                public bool TryPickDonor(Reader user, out Reader? donor)
                {
                    donor = {|PERSONA001:index.Lookalike(user)|};
                    return donor != null;
                }
            """), InClass("""
                public bool TryPickDonor(Reader user, out Reader? donor)
                {
                    var substitute = index.Lookalike(user);
                    if (!ReaderGuard.TrySubstitute(user, substitute, out _))
                        substitute = user;
                    donor = substitute;
                    return donor != null;
                }
            """), Key);

    [Fact]
    public Task Out_parameter_that_cannot_be_null_keeps_the_guard() =>
        Verify.VerifyAsync(InClass("""
                public bool TryPickDonor(Reader user, out Reader donor)
                {
                    donor = {|PERSONA001:index.FindNearest(user)|};
                    return donor != null;
                }
            """), InClass("""
                public bool TryPickDonor(Reader user, out Reader donor)
                {
                    var substitute = index.FindNearest(user);
                    if (substitute is null || !ReaderGuard.TrySubstitute(user, substitute, out _))
                        substitute = user;
                    donor = substitute;
                    return donor != null;
                }
            """), Key);

    [Fact]
    public Task Dictionary_slot_that_may_be_null_gets_null_for_an_unsafe_substitute() =>
        Verify.VerifyAsync(InClass("""
                private readonly object gate = new();
                private readonly Dictionary<string, Reader?> donors = new();

                public void Refresh(Reader user)
                {
                    lock (gate)
                    {
                        donors[user.Id] = {|PERSONA001:index.FindNearest(user)|};
                    }
                }
            """), InClass("""
                private readonly object gate = new();
                private readonly Dictionary<string, Reader?> donors = new();

                public void Refresh(Reader user)
                {
                    lock (gate)
                    {
                        donors[user.Id] = index.FindNearest(user) is { } substitute && ReaderGuard.TrySubstitute(user, substitute, out _) ? substitute : null;
                    }
                }
            """), Key);

    [Fact]
    public Task Nullable_field_and_array_element_get_null_for_an_unsafe_substitute() =>
        Verify.VerifyAsync(InClass("""
                public void Refresh(Reader user, Reader?[] slots)
                {
                    cached = {|PERSONA001:index.FindNearest(user)|};
                    slots[0] = {|PERSONA001:index.FindNearest(user)|};
                }
            """), InClass("""
                public void Refresh(Reader user, Reader?[] slots)
                {
                    cached = index.FindNearest(user) is { } substitute && ReaderGuard.TrySubstitute(user, substitute, out _) ? substitute : null;
                    slots[0] = index.FindNearest(user) is { } substitute2 && ReaderGuard.TrySubstitute(user, substitute2, out _) ? substitute2 : null;
                }
            """), Key, iterations: 2);

    [Fact]
    public Task Local_assigned_a_substitute_keeps_the_guard() =>
        Verify.VerifyAsync(InClass("""
                public void Refresh(Reader user)
                {
                    Reader? donor;
                    donor = {|PERSONA001:index.FindNearest(user)|};
                    cached = donor;
                }
            """), InClass("""
                public void Refresh(Reader user)
                {
                    Reader? donor;
                    var substitute = index.FindNearest(user);
                    if (substitute is null || !ReaderGuard.TrySubstitute(user, substitute, out _))
                        return;
                    donor = substitute;
                    cached = donor;
                }
            """), Key);

    [Fact]
    public Task Nullable_property_in_an_object_initializer_gets_null_for_an_unsafe_substitute() =>
        Verify.VerifyAsync(InClass("""
                public Report Build(Reader user) => new Report { Owner = user, Reference = {|PERSONA001:index.FindNearest(user)|} };

                public sealed class Report
                {
                    public Reader? Owner { get; init; }
                    public Reader? Reference { get; init; }
                }
            """), InClass("""
                public Report Build(Reader user) => new Report { Owner = user, Reference = index.FindNearest(user) is { } substitute && ReaderGuard.TrySubstitute(user, substitute, out _) ? substitute : null };

                public sealed class Report
                {
                    public Reader? Owner { get; init; }
                    public Reader? Reference { get; init; }
                }
            """), Key);
}
