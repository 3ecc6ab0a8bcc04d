using Dateline.Storage.Sqlite;
using Dateline.Testing;

namespace Dateline.Storage.Tests;

/// <summary>A new SQLite file per store, in a temp folder removed with the fixture.</summary>
public sealed class SqliteFixture : IStoreFixture, IDisposable
{
    private readonly TempFolder _folder = new();

    public async Task<IArticleStore> CreateEmptyStoreAsync() =>
        await SqliteArticleStore.OpenAsync(_folder.File(Guid.NewGuid().ToString("N") + ".db"));

    public async Task<IArticleStore> OpenAgainAsync(IArticleStore store) =>
        await SqliteArticleStore.OpenAsync(((SqliteArticleStore)store).Path);

    public void Dispose() => _folder.Dispose();
}
