using Dateline.Core.Articles;
using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Html;

/// <summary>Reads a saved HTML page as one article.</summary>
public sealed class HtmlReader(ExtractionOptions options, HtmlArticleBuilder builder) : IArticleReader
{
    public InputKind Kind => InputKind.Html;

    public IEnumerable<ReadOutcome> Read(InputFile input, CancellationToken cancellationToken)
    {
        // An oversized page is cut at the cap and kept, marked truncated (a page's text is near its start).
        var truncated = input.Length > options.MaxDocumentBytes;
        var bytes = truncated ? ReadHead(input, options.MaxDocumentBytes) : input.ReadAll(options.MaxDocumentBytes);
        var problems = new List<string>();
        var article = builder.Build(bytes, new ArticleOrigin(input.Path), new HtmlArticleBuilder.Known(), problems);
        if (article is not null && truncated)
        {
            article = article with
            {
                Truncated = true,
                Warnings = article.Warnings.Add($"the page is {Sizes.Format(input.Length)}; only its first {Sizes.Format(options.MaxDocumentBytes)} were read"),
            };
        }

        yield return article is null
            ? ReadOutcome.Failed(input.Path, null, string.Join("; ", problems))
            : ReadOutcome.Ok(article);
    }

    private static byte[] ReadHead(InputFile input, long max)
    {
        var buffer = new byte[max];
        using var s = input.Open();
        var n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return n == buffer.Length ? buffer : buffer[..n];
    }
}
