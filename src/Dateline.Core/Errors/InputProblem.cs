namespace Dateline.Core.Errors;

/// <summary>
/// One input that could not be read, reported instead of stopping the batch:
/// the file, the record inside it (line or byte offset) when there is one, and a reason a user can act on.
/// </summary>
public sealed record InputProblem(string Path, string? Record, string Reason)
{
    public override string ToString() => Record is null ? $"{Path}: {Reason}" : $"{Path} [{Record}]: {Reason}";
}
