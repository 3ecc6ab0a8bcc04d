namespace Dateline.Cli;

/// <summary>The documented exit codes of every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Nothing useful could be done: the store cannot be opened, an unexpected error.</summary>
    public const int Fatal = 1;

    /// <summary>The command line is wrong: unknown option, missing argument, bad value, unparsable query.</summary>
    public const int Usage = 2;

    /// <summary>The command finished, but some inputs or records were skipped (listed in the output).</summary>
    public const int PartialSuccess = 3;
}
