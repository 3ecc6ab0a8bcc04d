namespace Dateline.Extraction.Html;

/// <summary>Which error main-text extraction prefers to make.</summary>
public enum ExtractionFavor
{
    /// <summary>The tuned default (best F1 on the dev pages).</summary>
    Balanced,

    /// <summary>Leave out anything doubtful: stricter link density, no loose sibling paragraphs.</summary>
    Precision,

    /// <summary>Keep anything plausible: looser link density, more sibling containers, timestamps kept.</summary>
    Recall,
}
