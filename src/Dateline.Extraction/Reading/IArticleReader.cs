namespace Dateline.Extraction.Reading;

/// <summary>Reads one kind of input into articles, one outcome per record; never throws for bad content.</summary>
public interface IArticleReader
{
    /// <summary>The kind of input this reader understands.</summary>
    InputKind Kind { get; }

    IEnumerable<ReadOutcome> Read(InputFile input, CancellationToken cancellationToken);
}
