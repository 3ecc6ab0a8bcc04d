namespace Dateline.Storage;

/// <summary>A paging cursor that this store did not hand out (edited, truncated, or from another list).</summary>
public sealed class InvalidCursorException(string message) : Exception(message);
