using System;

namespace PersonaAnalyzers;

/// <summary>Marks the member that identifies the profile's owner.</summary>
/// <remarks><b>Self is decided by identity, never by similarity.</b> Two different users with identical features
/// are the most dangerous near-match, not the same user: treating them as Self would apply one user's preferences
/// to the other with full confidence. Without a key, Self means the same instance.</remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class PersonaKeyAttribute : Attribute
{
}
