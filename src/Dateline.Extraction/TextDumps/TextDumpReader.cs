using Dateline.Core.Articles;
using Dateline.Extraction.Identity;
using Dateline.Extraction.Reading;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.TextDumps;

/// <summary>Reads a crawler text dump (<c>date YYYY-MM-DD  Source</c> + page text) as one article.</summary>
public sealed class TextDumpReader(ExtractionOptions options) : IArticleReader
{
    public InputKind Kind => InputKind.TextDump;

    public IEnumerable<ReadOutcome> Read(InputFile input, CancellationToken cancellationToken)
    {
        var decoded = TextDecoder.Decode(input.ReadAll(options.MaxDocumentBytes));
        var dump = TextDumpParser.Parse(decoded.Text);
        if (dump.Paragraphs.IsEmpty)
        {
            yield return ReadOutcome.Failed(input.Path, null, "text dump has no body text after the headline");
            yield break;
        }

        var warnings = decoded.Warning is null ? dump.Warnings : dump.Warnings.Insert(0, decoded.Warning);
        yield return ReadOutcome.Ok(new Article
        {
            Id = ArticleIdentity.Compute(null, dump.Source, dump.Title, string.Join(Article.BodySeparator, dump.Paragraphs)),
            Origin = new ArticleOrigin(input.Path),
            Source = dump.Source,
            Title = dump.Title,
            Published = dump.Date is { } d ? ArticleDate.FromDate(d) : null,
            PublishedSource = dump.Date is null ? null : DateSources.Header,
            DateReliable = dump.Date is null ? null : true,
            Section = dump.Section,
            Dateline = dump.Dateline,
            Wire = dump.Wire,
            CommentCount = dump.CommentCount,
            Images = dump.Images,
            Paragraphs = dump.Paragraphs,
            Charset = decoded.Encoding,
            CharsetSource = decoded.Source,
            Warnings = warnings,
        });
    }
}
