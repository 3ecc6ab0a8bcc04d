namespace Dateline.Core.Errors;

/// <summary>Raised by a reader when one input (or one record of it) cannot be turned into an article.</summary>
public sealed class InputException(string path, string? record, string reason, Exception? inner = null)
    : Exception(record is null ? $"{path}: {reason}" : $"{path} [{record}]: {reason}", inner)
{
    public string Path { get; } = path;
    public string? Record { get; } = record;
    public string Reason { get; } = reason;

    public InputProblem ToProblem() => new(Path, Record, Reason);
}
