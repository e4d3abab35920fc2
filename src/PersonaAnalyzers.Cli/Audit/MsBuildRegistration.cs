using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace PersonaAnalyzers.Cli.Audit;

/// <summary>Registers the .NET SDK's MSBuild once, before any MSBuild or MSBuildWorkspace type is touched (the
/// locator must win the race to load Microsoft.Build).</summary>
internal static class MsBuildRegistration
{
    private static readonly object Gate = new();

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (!MSBuildLocator.IsRegistered)
                MSBuildLocator.RegisterDefaults();
        }
    }
}
