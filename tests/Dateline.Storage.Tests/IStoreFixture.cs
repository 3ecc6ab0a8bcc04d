namespace Dateline.Storage.Tests;

/// <summary>Creates a fresh, empty store for one test; one implementation per back end.</summary>
public interface IStoreFixture
{
    Task<IArticleStore> CreateEmptyStoreAsync();

    /// <summary>A second handle on the same store, as another process would open it.</summary>
    Task<IArticleStore> OpenAgainAsync(IArticleStore store);
}
