using System;

namespace PersonaAnalyzers.Cli.Input;

/// <summary>Bad input to a command (a missing or malformed file, an out-of-range option). The message is the single
/// line the user sees; the exit code is 2.</summary>
internal sealed class CliInputException : Exception
{
    public CliInputException(string message) : base(message) { }

    public CliInputException(string message, Exception inner) : base(message, inner) { }
}
