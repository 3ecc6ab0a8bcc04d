namespace Dateline.Cli;

/// <summary>A value the parser accepted but the command cannot use (e.g. a date that is not a date).</summary>
internal sealed class UsageException(string message) : Exception(message);
