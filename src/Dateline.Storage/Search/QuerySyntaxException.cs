namespace Dateline.Storage.Search;

/// <summary>A query the user typed cannot be parsed; <see cref="Position"/> is the character where it went wrong.</summary>
public sealed class QuerySyntaxException(string message, int position) : Exception($"{message} (at character {position + 1})")
{
    public int Position { get; } = position;

    /// <summary>What is wrong, without the position (<see cref="Exception.Message"/> adds it).</summary>
    public string Reason { get; } = message;
}
