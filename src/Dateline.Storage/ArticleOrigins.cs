using Dateline.Core.Articles;

namespace Dateline.Storage;

/// <summary>
/// Which origin a stored article keeps when the same article (same content) is read from several places: the earliest in
/// path order (then record offset), whatever order they were read in — so one ingest, a resumed one and several workers
/// sharing a store all record the same origin.
/// </summary>
public static class ArticleOrigins
{
    public static bool IsEarlier(ArticleOrigin candidate, ArticleOrigin stored)
    {
        var byPath = string.CompareOrdinal(candidate.Path, stored.Path);
        return byPath < 0 || byPath == 0 && (candidate.Offset ?? -1) < (stored.Offset ?? -1);
    }
}
