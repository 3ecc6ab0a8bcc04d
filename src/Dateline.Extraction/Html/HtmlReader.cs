using Dateline.Core.Articles;
using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Html;

/// <summary>Reads a saved HTML page as one article.</summary>
public sealed class HtmlReader(ExtractionOptions options, HtmlArticleBuilder builder) : IArticleReader
{
    public InputKind Kind => InputKind.Html;

    public IEnumerable<ReadOutcome> Read(InputFile input, CancellationToken cancellationToken)
    {
        var bytes = input.ReadAll(options.MaxDocumentBytes);
        var problems = new List<string>();
        var article = builder.Build(bytes, new ArticleOrigin(input.Path), new HtmlArticleBuilder.Known(), problems);
        yield return article is null
            ? ReadOutcome.Failed(input.Path, null, string.Join("; ", problems))
            : ReadOutcome.Ok(article);
    }
}
