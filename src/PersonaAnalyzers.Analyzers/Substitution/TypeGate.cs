using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PersonaAnalyzers.Substitution;

/// <summary>Registers a rule's body analysis type by type, for the types with a file that may hold what the rule looks
/// for (<see cref="SourceTextGate"/>): the members of every other type are never called back at all.</summary>
/// <remarks>Why not one operation-block action for the whole compilation with the file gate as its first line: most
/// types of a project are not personalization code, yet each of their bodies then costs a callback, and the compiler
/// charges the rule for every one of them. On the 1,000-file benchmark with no persona code the gate-per-body form cost
/// PERSONA002 12–21 ms per round; asked once per type, 6–12 ms, nearly all of it the text search itself
/// (docs/performance.md, tenth round). The driver runs a type's start action before any of its members' actions
/// (top-level statements' <c>Program</c> included), and a nested type gets its own start action: its members do not
/// inherit the containing type's registrations, so no body is analysed twice.</remarks>
internal static class TypeGate
{
    /// <summary>Calls <paramref name="action"/> for the operation blocks of the members of each type one of whose
    /// declaring files passes <paramref name="fileMayHold"/>; of a partial type with parts in other files as well, only
    /// for the blocks in files that pass. The rule's callback need not ask again.</summary>
    public static void RegisterOperationBlockAction(CompilationStartAnalysisContext start,
        Func<SyntaxTree, AnalyzerOptions, CancellationToken, bool> fileMayHold, Action<OperationBlockAnalysisContext> action)
    {
        start.RegisterSymbolStartAction(type =>
        {
            var declarations = type.Symbol.DeclaringSyntaxReferences;
            var passing = 0;
            foreach (var declaration in declarations)
            {
                if (fileMayHold(declaration.SyntaxTree, type.Options, type.CancellationToken))
                    passing++;
            }
            if (passing == 0)
                return;
            type.RegisterOperationBlockAction(passing == declarations.Length ? action : block =>
            {
                if (!block.OperationBlocks.IsEmpty && fileMayHold(block.OperationBlocks[0].Syntax.SyntaxTree, block.Options, block.CancellationToken))
                    action(block);
            });
        }, SymbolKind.NamedType);
    }
}
