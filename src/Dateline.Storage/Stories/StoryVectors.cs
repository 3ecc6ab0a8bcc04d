using Dateline.Core.Articles;

namespace Dateline.Storage.Stories;

/// <summary>
/// The third test of a story, after copies and shared words: two outlets' reports of one event can share few words (the
/// samples' G7 summit reports: TF-IDF cosines 0.09–0.15) while their title-and-lead vectors are close. Two articles
/// published within <see cref="WindowDays"/> days whose vectors have a cosine of at least <see cref="SameStory"/>, both
/// long enough to be compared by words (<see cref="StoryTerms.MinTerms"/> content words: short briefs written on one
/// template are as close in vector space as two reports of one event) and naming someone in common
/// (<see cref="StoryTerms.Names"/>), report one story. The threshold and the length guard were read off Reuters-21578
/// pairs, not the samples the story bar is scored on (docs/QUALITY.md, "Stories").
/// </summary>
public static class StoryVectors
{
    /// <summary>Cosine of the title-and-lead vectors from which two articles report one story.</summary>
    public const double SameStory = 0.85;

    /// <summary>Reports of one event joined by their vectors are published within this many days of each other (different
    /// meetings of one pair of countries a week apart are as close).</summary>
    public const int WindowDays = 2;

    /// <summary>Dated and long enough to compare (the same guard as the word test).</summary>
    public static bool Comparable(Article article) =>
        article.Published is not null && StoryTerms.Count(article.Title, article.BodyStart(StoryShingles.MaxCharacters)).Count >= StoryTerms.MinTerms;

    /// <summary>Both comparable, published within <see cref="WindowDays"/> days, and naming someone in common.</summary>
    public static bool MayJoin(Article a, Article b) =>
        Comparable(a) && Comparable(b) && Math.Abs(a.Published!.Value.Date.DayNumber - b.Published!.Value.Date.DayNumber) <= WindowDays
        && StoryTerms.Names(a.Paragraphs).Overlaps(StoryTerms.Names(b.Paragraphs));
}
