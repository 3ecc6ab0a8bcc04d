using System.Globalization;
using Dateline.Core.Articles;

namespace Dateline.Storage.Stories;

/// <summary>What story linking reads from a store, inside the transaction that saves the article.</summary>
internal interface IStoryReader
{
    Task<Article?> LoadAsync(string id, CancellationToken ct);

    /// <summary>The article's stored TF-IDF terms (empty when it has none).</summary>
    Task<Dictionary<string, double>> TermsAsync(string id, CancellationToken ct);

    /// <summary>The ids of <paramref name="story"/>'s most recently stored articles but <paramref name="except"/>, at most <see cref="StoryCandidates.StoryMembers"/>.</summary>
    Task<List<string>> RecentMembersAsync(string story, string except, CancellationToken ct);
}

/// <summary>
/// The decisions of story linking, the same on every back end; the back ends find the candidates (their SQL differs)
/// and read through an <see cref="IStoryReader"/>.
/// </summary>
internal static class StoryLinking
{
    /// <summary>
    /// The story of the first candidate (most shared band keys first) published within <see cref="StoryCandidates.WindowDays"/>
    /// whose text holds enough of the article's shingles: a copy, reprint or update; null when none does.
    /// </summary>
    public static async Task<string?> CopyOfAsync(IStoryReader reader, Article article, HashSet<ulong> shingles,
        IEnumerable<(string Id, string? Story)> candidates, CancellationToken ct)
    {
        // The first candidate that holds enough of the text decides: it is nearly always the best.
        var day = article.Published?.Date;
        foreach (var (id, story) in candidates)
        {
            if (await reader.LoadAsync(id, ct) is not { } other
                || day is { } d && other.Published?.Date is { } od && Math.Abs(d.DayNumber - od.DayNumber) > StoryCandidates.WindowDays)
            {
                continue;
            }

            if (StoryShingles.Containment(shingles, StoryShingles.Of(other.BodyStart(StoryShingles.MaxCharacters))) >= StoryShingles.SameStory)
            {
                return story ?? id;
            }
        }

        return null;
    }

    /// <summary>The story of another outlet's report of the same event: the closest recent candidate by TF-IDF cosine, when close enough.</summary>
    public static async Task<string?> ReportOfAsync(IStoryReader reader, Article article, Dictionary<string, double> terms,
        IEnumerable<(string Id, string? Story, string? Date)> candidates, CancellationToken ct)
    {
        var day = article.Published?.Date;
        var names = StoryTerms.Names(article.Paragraphs);
        (string? Story, double Score) best = (null, 0);
        foreach (var (id, story, date) in candidates)
        {
            // Both dated and close: undated reports cannot be placed in time, so they are not joined on words alone.
            if (day is not { } d || date is null || Math.Abs(d.DayNumber - DateOnly.Parse(date, CultureInfo.InvariantCulture).DayNumber) > StoryTerms.WindowDays)
            {
                continue;
            }

            var score = StoryTerms.Cosine(terms, await reader.TermsAsync(id, ct));
            // Close in words, and about the same someone: the other article names one of this one's names too.
            if (score >= StoryTerms.SameStory && score > best.Score
                && await reader.LoadAsync(id, ct) is { } candidate && StoryTerms.Names(candidate.Paragraphs).Overlaps(names)
                && await CloseToStoryAsync(reader, terms, id, score, story, ct))
            {
                best = (story ?? id, score);
            }
        }

        return best.Story;
    }

    /// <summary>
    /// Joining a story through one of its articles also needs closeness to the story as a whole: the mean cosine over its
    /// articles (the most recent <see cref="StoryCandidates.StoryMembers"/>) at least <see cref="StoryTerms.SameStoryMean"/>.
    /// Without it, each article joins its closest match and stories chain: an exchange's new president joined bond
    /// notices through a shared bank, and unrelated items about one country became one story.
    /// </summary>
    /// <param name="score">The new article's cosine with <paramref name="candidate"/>, the story's article it matched.</param>
    private static async Task<bool> CloseToStoryAsync(IStoryReader reader, Dictionary<string, double> terms, string candidate, double score,
        string? story, CancellationToken ct)
    {
        var members = await reader.RecentMembersAsync(story ?? candidate, candidate, ct);
        if (members.Count == 0)
        {
            return true;
        }

        var total = score;
        foreach (var m in members)
        {
            total += StoryTerms.Cosine(terms, await reader.TermsAsync(m, ct));
        }

        return total / (members.Count + 1) >= StoryTerms.SameStoryMean;
    }
}
