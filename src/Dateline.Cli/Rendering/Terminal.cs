using Spectre.Console;

namespace Dateline.Cli.Rendering;

/// <summary>The two consoles: results on stdout, progress and diagnostics on stderr.</summary>
internal static class Terminal
{
    public static IAnsiConsole Out { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Out),
    });

    public static IAnsiConsole Error { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });

    /// <summary>A live progress bar only makes sense when a person watches stderr.</summary>
    public static bool Interactive => !Console.IsErrorRedirected && Error.Profile.Capabilities.Interactive
                                      && Environment.GetEnvironmentVariable("CI") is null;
}
