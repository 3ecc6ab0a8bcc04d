using Dateline.Extraction.Html.Dom;

namespace Dateline.Extraction.Html;

/// <summary>Finds the article's main text in a parsed page. The one seam for better extractors.</summary>
public interface IMainTextExtractor
{
    /// <summary>A versioned name (<c>maintext.strategy.vN</c>), stored as provenance.</summary>
    string Name { get; }

    /// <summary>The body paragraphs in reading order (and links, when the extractor's options ask for them).</summary>
    MainText Extract(HtmlDocument document, string? url);
}
