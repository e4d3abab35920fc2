using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PersonaAnalyzers.Substitution;

/// <summary>The symbols the substitution rules need, resolved once per compilation, and the questions asked of
/// them (is this a persona type, a substitute member, a band check). Answers are cached: the same members are asked
/// about from every method body.</summary>
internal sealed class SubstitutionSymbols
{
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _personaTypes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _substituteAttributed = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _checkAttributed = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _keyAttributed = new(SymbolEqualityComparer.Default);

    private SubstitutionSymbols(Compilation compilation, INamedTypeSymbol personaProfile)
    {
        // A compilation-wide lookup searches every reference (hundreds in a .NET project); each type below is looked
        // up in the one assembly that defines it, and only if that lookup fails, everywhere.
        var runtime = personaProfile.ContainingAssembly;
        PersonaProfileAttribute = personaProfile;
        ProfileSubstituteAttribute = Find(compilation, runtime, WellKnownTypeNames.ProfileSubstituteAttribute);
        SimilarityBandCheckAttribute = Find(compilation, runtime, WellKnownTypeNames.SimilarityBandCheckAttribute);
        PersonaKeyAttribute = Find(compilation, runtime, WellKnownTypeNames.PersonaKeyAttribute);
        SimilarityKernels = Find(compilation, runtime, WellKnownTypeNames.SimilarityKernels);
        SimilarityBand = Find(compilation, runtime, WellKnownTypeNames.SimilarityBand);
        SubstitutionVerdict = Find(compilation, runtime, WellKnownTypeNames.SubstitutionVerdict);
        VettedCandidateOfT = Find(compilation, runtime, WellKnownTypeNames.VettedCandidate);
        CandidateVetterOfT = Find(compilation, runtime, WellKnownTypeNames.CandidateVetter);
        EnumerableOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
        var core = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly;
        // In the core library from .NET Core 3.0; Microsoft.Bcl.AsyncInterfaces elsewhere (the fallback finds it).
        AsyncEnumerableOfT = Find(compilation, core, "System.Collections.Generic.IAsyncEnumerable`1");
        ConfiguredAsyncEnumerableOfT = Find(compilation, core, "System.Runtime.CompilerServices.ConfiguredCancelableAsyncEnumerable`1");
        TaskOfT = Find(compilation, core, "System.Threading.Tasks.Task`1");
        ValueTaskOfT = Find(compilation, core, "System.Threading.Tasks.ValueTask`1");
        var mathNet = Referenced(compilation, "MathNet.Numerics");
        MathNetDistance = mathNet?.GetTypeByMetadataName("MathNet.Numerics.Distance");
        MathNetCorrelation = mathNet?.GetTypeByMetadataName("MathNet.Numerics.Statistics.Correlation");
        var vectorData = Referenced(compilation, "Microsoft.Extensions.VectorData.Abstractions");
        VectorSearchResultOfT = vectorData?.GetTypeByMetadataName("Microsoft.Extensions.VectorData.VectorSearchResult`1");
        VectorSearchOptionsOfT = vectorData?.GetTypeByMetadataName("Microsoft.Extensions.VectorData.VectorSearchOptions`1");
        HybridSearchOptionsOfT = vectorData?.GetTypeByMetadataName("Microsoft.Extensions.VectorData.HybridSearchOptions`1");
        VectorStoreKeyAttribute = vectorData?.GetTypeByMetadataName("Microsoft.Extensions.VectorData.VectorStoreKeyAttribute");
    }

    private static INamedTypeSymbol? Find(Compilation compilation, IAssemblySymbol? home, string metadataName) =>
        home?.GetTypeByMetadataName(metadataName) ?? compilation.GetTypeByMetadataName(metadataName);

    private static IAssemblySymbol? Referenced(Compilation compilation, string name)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == name)
                return assembly;
        }
        return null;
    }

    public INamedTypeSymbol PersonaProfileAttribute { get; }
    public INamedTypeSymbol? ProfileSubstituteAttribute { get; }
    public INamedTypeSymbol? SimilarityBandCheckAttribute { get; }
    public INamedTypeSymbol? PersonaKeyAttribute { get; }
    public INamedTypeSymbol? SimilarityKernels { get; }

    /// <summary>The runtime's <c>SimilarityBand</c>, the answer of the guard's <c>Classify</c>.</summary>
    public INamedTypeSymbol? SimilarityBand { get; }

    /// <summary>The runtime's <c>SubstitutionVerdict</c>, which the guard's <c>Assess</c> and <c>TrySubstitute</c> give.</summary>
    public INamedTypeSymbol? SubstitutionVerdict { get; }

    /// <summary>The runtime's <c>VettedCandidate&lt;T&gt;</c>: a candidate profile beside the verdict on it.</summary>
    public INamedTypeSymbol? VettedCandidateOfT { get; }

    public INamedTypeSymbol? CandidateVetterOfT { get; }

    /// <summary><c>CandidateVetter&lt;T&gt;.Vet</c> and <c>VetAsync</c>: a check that hands back every candidate with its
    /// verdict, the rejected ones too. What it returns are substitutes beside their verdicts, checked only where the
    /// verdict is read (<see cref="IsVettedVerdict"/>).</summary>
    public bool ReturnsEveryVerdict(ISymbol member) =>
        CandidateVetterOfT is not null && member is IMethodSymbol { Name: "Vet" or "VetAsync" } method &&
        SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, CandidateVetterOfT);

    /// <summary>The guard's <c>SafestSubstitute</c>, and the runtime's (<c>CandidateVetter&lt;T&gt;.SafestSubstitute</c>,
    /// its <c>SafestSubstituteAsync</c>, <c>PopulationSearch.SafestSubstitute</c>): a band check that hands back only a
    /// candidate it found safe for the target, or null — never one it turned down.</summary>
    public bool PicksSafest(IMethodSymbol method) =>
        method.Name is "SafestSubstitute" or "SafestSubstituteAsync" && method.ContainingType is { } type && IsAttributedCheck(method) &&
        (WellKnownTypeNames.IsGuardName(type) ||
         CandidateVetterOfT is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, CandidateVetterOfT) ||
         type is { Name: "PopulationSearch", ContainingNamespace: { Name: WellKnownTypeNames.Namespace, ContainingNamespace.IsGlobalNamespace: true } });

    /// <summary>The <c>Verdict</c> of a <c>VettedCandidate&lt;T&gt;</c>.</summary>
    public bool IsVettedVerdict(IPropertySymbol property) =>
        VettedCandidateOfT is not null && property.Name == "Verdict" &&
        SymbolEqualityComparer.Default.Equals(property.ContainingType.OriginalDefinition, VettedCandidateOfT);

    public bool IsBand(ITypeSymbol? type) => SimilarityBand is not null && SymbolEqualityComparer.Default.Equals(type, SimilarityBand);

    public bool IsVerdict(ITypeSymbol? type) => SubstitutionVerdict is not null && SymbolEqualityComparer.Default.Equals(type, SubstitutionVerdict);
    public INamedTypeSymbol EnumerableOfT { get; }
    public INamedTypeSymbol? AsyncEnumerableOfT { get; }
    public INamedTypeSymbol? ConfiguredAsyncEnumerableOfT { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? MathNetDistance { get; }
    public INamedTypeSymbol? MathNetCorrelation { get; }

    /// <summary>Microsoft.Extensions.VectorData's search hit (<c>Record</c>, <c>Score</c>); null when the compilation
    /// does not reference the abstractions.</summary>
    public INamedTypeSymbol? VectorSearchResultOfT { get; }

    /// <summary>The options of a vector store's search and of its hybrid search, whose <c>ScoreThreshold</c> is a raw
    /// similarity bar the store applies (<see cref="ThresholdPersona"/>); null without the abstractions.</summary>
    public INamedTypeSymbol? VectorSearchOptionsOfT { get; }
    public INamedTypeSymbol? HybridSearchOptionsOfT { get; }

    /// <summary>Marks the key of a vector store's record: for a record that embeds a user, that user's id.</summary>
    private INamedTypeSymbol? VectorStoreKeyAttribute { get; }

    /// <summary>A search hit's <c>Record</c> (of <c>VectorSearchResult&lt;T&gt;</c>).</summary>
    public bool IsHitRecord(IPropertySymbol property) =>
        VectorSearchResultOfT is not null && property.Name == "Record" &&
        SymbolEqualityComparer.Default.Equals(property.ContainingType.OriginalDefinition, VectorSearchResultOfT);

    /// <summary>A record's <c>[VectorStoreKey]</c> property.</summary>
    public bool IsVectorStoreKey(IPropertySymbol property) =>
        VectorStoreKeyAttribute is not null && HasAttribute(property, VectorStoreKeyAttribute);

    /// <summary>What Microsoft.Extensions.VectorData names its similarity searches (<c>VectorStoreCollection</c>,
    /// <c>IVectorSearchable</c>, <c>IKeywordHybridSearchable</c>; <c>SearchEmbeddingAsync</c> in the 9.x releases).</summary>
    public static readonly string[] VectorSearchNames = { "SearchAsync", "HybridSearchAsync", "SearchEmbeddingAsync" };

    /// <summary>Null when the compilation does not reference the runtime: without <c>[PersonaProfile]</c> there is
    /// nothing to substitute.</summary>
    public static SubstitutionSymbols? For(Compilation compilation) =>
        PerCompilation.GetValue(compilation, static c => new StrongBox<SubstitutionSymbols?>(TryCreate(c))).Value;

    /// <summary>One instance per compilation, shared by the four rules: the type lookups search every reference, and
    /// the answers cached here are the same for every rule.</summary>
    private static readonly ConditionalWeakTable<Compilation, StrongBox<SubstitutionSymbols?>> PerCompilation = new();

    private static SubstitutionSymbols? TryCreate(Compilation compilation)
    {
        var personaProfile = Find(compilation, Referenced(compilation, WellKnownTypeNames.RuntimeAssembly), WellKnownTypeNames.PersonaProfileAttribute);
        return personaProfile is null ? null : new SubstitutionSymbols(compilation, personaProfile);
    }

    public bool IsPersonaType(ITypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
            return false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            type = nullable.TypeArguments[0];
        // Looked up before GetOrAdd: its factory lambda captures, so every GetOrAdd call allocates a delegate.
        var definition = type.OriginalDefinition;
        return _personaTypes.TryGetValue(definition, out var known) ? known : AddPersonaType(definition);
    }

    /// <summary>A <c>Nullable&lt;T&gt;</c> of a persona struct or of a tuple holding a profile (<c>(Reader Match, double
    /// Score)?</c>): its <c>Value</c> and <c>GetValueOrDefault()</c> are what it wraps, its <c>HasValue</c> a null test.</summary>
    public bool IsNullablePersona(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable &&
        (IsPersonaType(type) || TupleElementPersona(nullable.TypeArguments[0]) is not null);

    private bool AddPersonaType(ITypeSymbol definition) =>
        _personaTypes.GetOrAdd(definition, t => HasAttribute(t, PersonaProfileAttribute));

    /// <summary>The persona type of a profile or of a collection of profiles (array, <c>IEnumerable&lt;T&gt;</c> or any
    /// type implementing it).</summary>
    public INamedTypeSymbol? PersonaOf(ITypeSymbol? type, out bool isCollection)
    {
        isCollection = false;
        if (type is null)
            return null;
        if (IsPersonaType(type))
            return Unwrap(type);
        var element = ElementType(type);
        if (element is not null && IsPersonaType(element))
        {
            isCollection = true;
            return Unwrap(element);
        }
        return null;
    }

    /// <summary>The persona type of a tuple's element: <c>(Reader Profile, double Similarity)</c>, the usual shape of
    /// a nearest-neighbour search that also returns its score.</summary>
    public INamedTypeSymbol? TupleElementPersona(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            type = nullable.TypeArguments[0]; // (Reader Match, double Score)? from a lookup that may find nothing
        if (type is INamedTypeSymbol { IsAnonymousType: true } anonymous)
            return AnonymousMemberPersona(anonymous);
        if (type is not INamedTypeSymbol { IsTupleType: true } tuple)
            return null;
        foreach (var element in tuple.TupleElements)
        {
            if (IsPersonaType(element.Type))
                return Unwrap(element.Type);
        }
        return null;
    }

    /// <summary><c>new { User = u, Twin = index.FindNearest(u) }</c>, and the object a query's <c>let</c> makes: it
    /// holds profiles beside other values, as a tuple does.</summary>
    private INamedTypeSymbol? AnonymousMemberPersona(INamedTypeSymbol anonymous)
    {
        foreach (var member in anonymous.GetMembers())
        {
            if (member is IPropertySymbol { Type: var type } && IsPersonaType(type))
                return Unwrap(type);
        }
        return null;
    }

    /// <summary>The persona type of a search hit: a type (not a tuple, not a profile) that holds a profile beside its
    /// score — a vector store's <c>VectorSearchResult&lt;Reader&gt;</c> (<c>Record</c>, <c>Score</c>), a
    /// <c>ScoredCandidate</c> record. Null for anything else: a <c>Review</c> whose <c>Author</c> is a profile but whose
    /// <c>Stars</c> are no score is not a hit.</summary>
    public INamedTypeSymbol? HitPersona(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { IsTupleType: false } named || IsPersonaType(named))
            return null;
        // A vetted candidate holds its profile beside a verdict rather than a score.
        if (VettedCandidateOfT is not null && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, VettedCandidateOfT))
            return IsPersonaType(named.TypeArguments[0]) ? Unwrap(named.TypeArguments[0]) : null;
        if (CarriedPersona(named) is not { } persona)
            return null;
        foreach (var member in named.GetMembers())
        {
            if (LinqShapes.IsNumeric(InstanceValueType(member)) &&
                (SimilarityScores.IsPairScoreName(member.Name) || SimilarityScores.IsScoreName(member.Name, out _)) && !SimilarityScores.NamesABar(member.Name))
                return persona;
        }
        return null;
    }

    /// <summary>The type of an instance field or of an instance property that is not an indexer: the values an object
    /// holds. Null for any other member.</summary>
    private static ITypeSymbol? InstanceValueType(ISymbol member) => member switch
    {
        IFieldSymbol { IsStatic: false } f => f.Type,
        IPropertySymbol { IsStatic: false, IsIndexer: false } p => p.Type,
        _ => null,
    };

    /// <summary>The element type of an array or <c>IEnumerable&lt;T&gt;</c> (strings excluded).</summary>
    public ITypeSymbol? ElementType(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
            return array.ElementType;
        if (type.SpecialType == SpecialType.System_String || type is not INamedTypeSymbol named)
            return null;
        return TypeArgumentOf(named, EnumerableOfT);
    }

    /// <summary>The persona type of the elements of an async stream (<c>IAsyncEnumerable&lt;T&gt;</c>, a type
    /// implementing it, or one configured with <c>ConfigureAwait</c>/<c>WithCancellation</c>), read with
    /// <c>await foreach</c> — profiles, or search hits holding one (<see cref="HitPersona"/>); null for anything else. Not an <see cref="ElementType"/>: LINQ and the guard's
    /// <c>SafestSubstitute</c> take <c>IEnumerable&lt;T&gt;</c>, not a stream.</summary>
    public INamedTypeSymbol? StreamedPersona(ITypeSymbol? type) =>
        StreamedElementType(type) is { } element ? IsPersonaType(element) ? Unwrap(element) : HitPersona(element) : null;

    /// <summary>The <c>T</c> of an async stream (<see cref="StreamedPersona"/>), whatever it is; null for anything else.</summary>
    public ITypeSymbol? StreamedElementType(ITypeSymbol? type)
    {
        if (AsyncEnumerableOfT is null || type is not INamedTypeSymbol named)
            return null;
        return SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, ConfiguredAsyncEnumerableOfT)
            ? named.TypeArguments[0]
            : TypeArgumentOf(named, AsyncEnumerableOfT);
    }

    /// <summary>The <c>T</c> of <paramref name="type"/> when it is <paramref name="generic"/>&lt;T&gt; or implements
    /// it.</summary>
    private static ITypeSymbol? TypeArgumentOf(INamedTypeSymbol type, INamedTypeSymbol generic)
    {
        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, generic))
            return type.TypeArguments[0];
        // double, int, decimal, DateTime: no sequence, yet with generic math each implements some thirty interfaces, and
        // scores are asked about everywhere.
        if (type.IsValueType && type.SpecialType != SpecialType.None)
            return null;
        foreach (var @interface in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, generic))
                return @interface.TypeArguments[0];
        }
        return null;
    }

    /// <summary>The <c>T</c> of <c>Task&lt;T&gt;</c> / <c>ValueTask&lt;T&gt;</c>, else null.</summary>
    public ITypeSymbol? AwaitedType(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true } named &&
            (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, TaskOfT) ||
             SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, ValueTaskOfT)))
            return named.TypeArguments[0];
        return null;
    }

    /// <summary>True for a type that is a persona type or carries one (a tuple, a scored-candidate record).</summary>
    public bool IsOrCarriesPersona(ITypeSymbol? type) => CarriedPersona(type) is not null;

    /// <summary>The persona type of a profile, or of the first profile a tuple or a scored-candidate record (or a
    /// <c>Nullable&lt;T&gt;</c> of one) holds in an instance field or property; null for anything else.</summary>
    public INamedTypeSymbol? CarriedPersona(ITypeSymbol? type)
    {
        if (type is null)
            return null;
        if (IsPersonaType(type))
            return Unwrap(type);
        if (type is not INamedTypeSymbol named || named.SpecialType != SpecialType.None || named.TypeKind == TypeKind.Error)
            return null;
        // (Reader Profile, double Similarity)?: a lookup that may find no pair carries the pair's profile.
        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            return named.TypeArguments[0] is INamedTypeSymbol { SpecialType: SpecialType.None } inner ? CarriedPersona(inner) : null;
        foreach (var member in named.GetMembers())
        {
            if (InstanceValueType(member) is { } memberType && IsPersonaType(memberType))
                return Unwrap(memberType);
        }
        // A query's range variables after a join or a second from: let sim = … makes new { <>h__TransparentIdentifier0 =
        // new { c, h }, sim }, the profile one anonymous type further in.
        if (named.IsAnonymousType)
        {
            foreach (var member in named.GetMembers())
            {
                if (InstanceValueType(member) is INamedTypeSymbol { IsAnonymousType: true } inner && CarriedPersona(inner) is { } persona)
                    return persona;
            }
        }
        return null;
    }

    /// <summary>Whether a value of the type can hold a profile: a profile, a collection, dictionary, grouping or task of
    /// them, a tuple or record carrying one.</summary>
    public bool CanHoldPersona(ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                return false;
            case IArrayTypeSymbol array:
                return CanHoldPersona(array.ElementType);
            case INamedTypeSymbol named when !IsOrCarriesPersona(named):
                foreach (var argument in named.TypeArguments)
                {
                    if (CanHoldPersona(argument))
                        return true;
                }
                return false;
            default:
                return IsOrCarriesPersona(type);
        }
    }

    public bool IsPersonaKey(ISymbol member) =>
        PersonaKeyAttribute is not null && (member is IPropertySymbol or IFieldSymbol) && HasAttributeInHierarchy(member, PersonaKeyAttribute, _keyAttributed);

    /// <summary>A member that carries <c>[ProfileSubstitute]</c> itself or on a member it overrides or implements; a
    /// delegate's <c>Invoke</c> when the delegate type carries it.</summary>
    public bool IsSubstituteAttributed(ISymbol member)
    {
        if (ProfileSubstituteAttribute is null)
            return false;
        if (member is IMethodSymbol { MethodKind: MethodKind.DelegateInvoke } invoke)
            return HasAttribute(invoke.ContainingType, ProfileSubstituteAttribute);
        if (member is IMethodSymbol { MethodKind: MethodKind.PropertyGet } getter && getter.AssociatedSymbol is { } property)
            member = property;
        return HasAttributeInHierarchy(member.OriginalDefinition, ProfileSubstituteAttribute, _substituteAttributed);
    }

    /// <summary>A vector store's similarity search: a method named as Microsoft.Extensions.VectorData names its searches
    /// (<see cref="VectorSearchNames"/>) whose results are its hits, <c>VectorSearchResult&lt;T&gt;</c> — streamed, or
    /// in an awaited collection. The hits are the records nearest the query: lookalikes, when the records are profiles
    /// (whether they are is the caller's question, as for a name-pattern match). A store's collection and any wrapper
    /// named the same are recognised without configuration; a user's own <c>SearchAsync</c> that returns profiles, not
    /// hits, is not.</summary>
    public bool IsVectorSearch(ISymbol member)
    {
        if (VectorSearchResultOfT is null || member is not IMethodSymbol method || Array.IndexOf(VectorSearchNames, method.Name) < 0)
            return false;
        var results = AwaitedType(method.ReturnType) ?? method.ReturnType;
        var hit = (results is INamedTypeSymbol named && AsyncEnumerableOfT is not null ? TypeArgumentOf(named, AsyncEnumerableOfT) : null) ??
            ElementType(results);
        return hit is not null && SymbolEqualityComparer.Default.Equals(hit.OriginalDefinition, VectorSearchResultOfT);
    }

    /// <summary>The persona type whose search a vector store's <c>ScoreThreshold</c> bars: the property of
    /// <c>VectorSearchOptions&lt;Reader&gt;</c> or <c>HybridSearchOptions&lt;Reader&gt;</c>, for a persona type
    /// <c>Reader</c>. Null for any other property, or options for other records.</summary>
    public INamedTypeSymbol? ThresholdPersona(ISymbol member)
    {
        if (VectorSearchOptionsOfT is null || member is not IPropertySymbol { Name: "ScoreThreshold", ContainingType: { IsGenericType: true } options } ||
            !(SymbolEqualityComparer.Default.Equals(options.OriginalDefinition, VectorSearchOptionsOfT) ||
              SymbolEqualityComparer.Default.Equals(options.OriginalDefinition, HybridSearchOptionsOfT)))
            return null;
        return IsPersonaType(options.TypeArguments[0]) ? Unwrap(options.TypeArguments[0]) : null;
    }

    /// <summary>A <c>[SimilarityBandCheck]</c> method (own attribute, or one on a member it overrides or implements),
    /// or one named in <c>persona_analyzers.check_methods</c>.</summary>
    public bool IsCheckMethod(IMethodSymbol method, SubstitutionOptions options) =>
        IsAttributedCheck(method) || IsConfiguredCheck(method, options);

    /// <summary>A <c>[SimilarityBandCheck]</c> method: own attribute, or one on a member it overrides or implements.
    /// Needs no options, so a rule that knows no file configures a check need not read them.</summary>
    public bool IsAttributedCheck(IMethodSymbol method) =>
        SimilarityBandCheckAttribute is not null && HasAttributeInHierarchy((method.ReducedFrom ?? method).OriginalDefinition, SimilarityBandCheckAttribute, _checkAttributed);

    /// <summary>A method named in <c>persona_analyzers.check_methods</c>.</summary>
    public static bool IsConfiguredCheck(IMethodSymbol method, SubstitutionOptions options)
    {
        if (options.CheckMethods.Count == 0 && options.CheckMethodPatterns.Length == 0)
            return false;
        method = method.ReducedFrom ?? method;
        var type = method.ContainingType.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));
        return options.IsConfiguredCheck(type, method.Name);
    }

    // The key pairs member and attribute implicitly: each cache serves exactly one attribute. Looked up before
    // GetOrAdd, whose capturing factory would allocate a closure and a delegate on every call.
    private static bool HasAttributeInHierarchy(ISymbol member, INamedTypeSymbol attribute, ConcurrentDictionary<ISymbol, bool> cache) =>
        cache.TryGetValue(member, out var known) ? known : AddHierarchy(member, attribute, cache);

    private static bool AddHierarchy(ISymbol member, INamedTypeSymbol attribute, ConcurrentDictionary<ISymbol, bool> cache)
    {
        return cache.GetOrAdd(member, m =>
        {
            for (var current = m; current is not null; current = Overridden(current))
            {
                if (HasAttribute(current, attribute))
                    return true;
                foreach (var implemented in ImplementedInterfaceMembers(current))
                {
                    if (HasAttribute(implemented, attribute))
                        return true;
                }
            }
            return false;
        });
    }

    private static ISymbol? Overridden(ISymbol member) => member switch
    {
        IMethodSymbol m => m.OverriddenMethod,
        IPropertySymbol p => p.OverriddenProperty,
        _ => null,
    };

    private static ImmutableArray<ISymbol> ImplementedInterfaceMembers(ISymbol member)
    {
        // A static member may implement a static abstract or virtual one (`static abstract Reader? Pick(…)` on a strategy
        // interface, called as `FirstOther.Pick(…)` as well as `T.Pick(…)`).
        if (member.ContainingType is not { } type || type.AllInterfaces.IsEmpty)
            return ImmutableArray<ISymbol>.Empty;
        var explicitImplementations = member switch
        {
            IMethodSymbol m => ImmutableArray<ISymbol>.CastUp(m.ExplicitInterfaceImplementations),
            IPropertySymbol p => ImmutableArray<ISymbol>.CastUp(p.ExplicitInterfaceImplementations),
            _ => ImmutableArray<ISymbol>.Empty,
        };
        if (!explicitImplementations.IsEmpty)
            return explicitImplementations;
        var builder = ImmutableArray.CreateBuilder<ISymbol>();
        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var candidate in @interface.GetMembers(member.Name))
            {
                if (candidate.IsStatic == member.IsStatic &&
                    SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), member))
                    builder.Add(candidate);
            }
        }
        return builder.ToImmutable();
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                return true;
        }
        return false;
    }

    private static INamedTypeSymbol? Unwrap(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0] as INamedTypeSymbol
            : type as INamedTypeSymbol;

    /// <summary><c>Ns.Outer+Profile</c>: what <c>Compilation.GetTypeByMetadataName</c> takes back.</summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            name = outer.MetadataName + "+" + name;
        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }

    /// <summary>The generated guard's full name: same namespace as the persona type, <c>{T}Guard</c> (a nested type's
    /// guard is prefixed with its containers' names, as the generator names it).</summary>
    public static string GuardName(INamedTypeSymbol persona)
    {
        var ns = persona.ContainingNamespace;
        var name = WellKnownTypeNames.GuardName(persona);
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }
}
