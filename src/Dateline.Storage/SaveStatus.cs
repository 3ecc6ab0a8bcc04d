namespace Dateline.Storage;

/// <summary>What <see cref="IArticleStore.SaveAsync"/> did with one article.</summary>
public enum SaveStatus
{
    Inserted,
    Updated,
    Unchanged,
}
