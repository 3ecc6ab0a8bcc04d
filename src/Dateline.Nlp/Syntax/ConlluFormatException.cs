namespace Dateline.Nlp.Syntax;

/// <summary>A CoNLL-U sentence that cannot be read; <see cref="Line"/> is the 1-based line of the problem.</summary>
public sealed class ConlluFormatException(string source, int line, string reason)
    : FormatException($"{source} [line {line}]: {reason}")
{
    public string File { get; } = source;

    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
