namespace Dateline.Extraction.Html;

/// <summary>How main-text extraction trades precision for recall, and what it keeps besides the article text.</summary>
public sealed record MainTextOptions
{
    public ExtractionFavor Favor { get; init; } = ExtractionFavor.Balanced;

    /// <summary>Append the reader comments below the article (they are page chrome by default).</summary>
    public bool IncludeComments { get; init; }

    /// <summary>Keep table rows inside the article (default: yes; results tables and schedules are often the story).</summary>
    public bool IncludeTables { get; init; } = true;

    /// <summary>Report the links inside the article text in <c>Article.Links</c>.</summary>
    public bool IncludeLinks { get; init; }

    public static MainTextOptions Default { get; } = new();
}
