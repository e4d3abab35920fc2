using System;
using PersonaAnalyzers.Cli;
using Spectre.Console;

return PersonaApp.Create(AnsiConsole.Console, Console.Out, Console.Error).Run(args);
