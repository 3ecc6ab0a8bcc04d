namespace Dateline.Storage.Stories;

/// <summary>How many stored articles a new one is compared with when it looks for its story, the same on every back end.</summary>
internal static class StoryCandidates
{
    /// <summary>Candidates are looked for among articles published this many days either side (undated: any).</summary>
    public const int WindowDays = 7;

    /// <summary>At most this many candidates (most shared band keys first) are compared on their text.</summary>
    public const int MaxCandidates = 5;

    /// <summary>The most recently stored articles read per band key.</summary>
    public const int PerBand = 8;

    /// <summary>How many of a story's articles (the most recent) an article joining it is compared with.</summary>
    public const int StoryMembers = 30;
}
