namespace Dateline.Storage.Tests;

/// <summary>Creates a fresh, empty store for one test; one implementation per back end.</summary>
public interface IStoreFixture
{
    Task<IArticleStore> CreateEmptyStoreAsync();
}
