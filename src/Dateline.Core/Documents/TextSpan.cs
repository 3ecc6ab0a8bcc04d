namespace Dateline.Core.Documents;

/// <summary>Half-open range [Start, End) of UTF-16 offsets into <see cref="Document.Text"/>.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    public override string ToString() => $"[{Start}, {End})";
}
