using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Dateline.Extraction.Html;

/// <summary>
/// First version of main-text extraction: SmartReader's port of Mozilla Readability picks the content element,
/// then <see cref="BlockText"/> turns it into paragraphs. Falls back to the page's &lt;article&gt; or &lt;body&gt;.
/// </summary>
public sealed class ReadabilityMainTextExtractor : IMainTextExtractor
{
    public string Name => "maintext.readability.v1";

    public IReadOnlyList<string> Extract(IHtmlDocument document, string? url)
    {
        var fallbackRoot = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        var fallback = fallbackRoot is null ? [] : BlockText.Paragraphs(fallbackRoot);

        // Readability rewrites the DOM, so it gets its own copy of the page.
        var copy = new HtmlParser().ParseDocument(document.DocumentElement.OuterHtml);
        var reader = new Reader(url ?? "https://localhost/", copy) { ContinueIfNotReadable = true };
        var article = reader.GetArticle();
        if (!article.Completed || string.IsNullOrWhiteSpace(article.Content))
        {
            return fallback;
        }

        var content = new HtmlParser().ParseDocument("<html><body>" + article.Content + "</body></html>");
        var paragraphs = BlockText.Paragraphs(content.Body!);
        return paragraphs.Count > 0 ? paragraphs : fallback;
    }
}
