namespace Dateline.Extraction.Reading;

/// <summary>An input is larger than the configured cap for its kind.</summary>
public sealed class InputTooLargeException(long length, long max)
    : Exception($"{Sizes.Format(length)} is larger than the {Sizes.Format(max)} limit for a single document (see --max-document-size)")
{
    public long Length { get; } = length;
    public long Max { get; } = max;
}
