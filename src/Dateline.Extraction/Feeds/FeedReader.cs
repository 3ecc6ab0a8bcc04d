using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Feeds;

/// <summary>
/// Reads an RSS or Atom file: one outcome per item (see <see cref="FeedArticleBuilder"/>), then the XML error that
/// stopped reading, if any. An article's origin offset is the item's index in the feed, not a byte offset: items are
/// found by an XML reader over decoded, repaired text, where byte positions are not known.
/// </summary>
public sealed class FeedReader(ExtractionOptions options, FeedArticleBuilder builder) : IArticleReader
{
    public InputKind Kind => InputKind.Feed;

    public IEnumerable<ReadOutcome> Read(InputFile input, CancellationToken cancellationToken)
    {
        var feed = FeedParser.Parse(input.ReadAll(options.MaxDocumentBytes), maxCharacters: options.MaxDocumentBytes);
        foreach (var item in feed.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return builder.Build(feed, item, input.Path);
        }

        if (feed.Problem is not null)
        {
            yield return ReadOutcome.Failed(input.Path, feed.ProblemLocation, feed.Problem);
        }
    }
}
