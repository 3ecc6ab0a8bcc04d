namespace Dateline.Nlp.Events.Petrarch;

/// <summary>
/// A line of a PETRARCH dictionary that could not be read. The loaders skip such a line, record the problem and go on:
/// one bad line never stops a dictionary from loading.
/// </summary>
public sealed record DictionaryProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>A dictionary set that cannot be used at all (no such folder, no dictionary files, an unreadable file).</summary>
public sealed class DictionaryLoadException(string message, Exception? inner = null) : Exception(message, inner);
