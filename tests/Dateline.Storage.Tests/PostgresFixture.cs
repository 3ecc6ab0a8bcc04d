using Dateline.Storage.Postgres;
using Dateline.Testing;

namespace Dateline.Storage.Tests;

/// <summary>A new PostgreSQL database per store on the test server, all dropped with the fixture.</summary>
public sealed class PostgresFixture : IStoreFixture, IAsyncLifetime
{
    private readonly List<string> _databases = [];
    private readonly Dictionary<IArticleStore, string> _urls = [];
    private readonly Lock _lock = new();

    public async Task<IArticleStore> CreateEmptyStoreAsync()
    {
        var url = TestPostgres.NewDatabaseUrl();
        lock (_lock)
        {
            _databases.Add(url);
        }

        var store = await PostgresArticleStore.OpenAsync(url);
        lock (_lock)
        {
            _urls[store] = url;
        }

        return store;
    }

    public async Task<IArticleStore> OpenAgainAsync(IArticleStore store)
    {
        string url;
        lock (_lock)
        {
            url = _urls[store];
        }

        return await PostgresArticleStore.OpenAsync(url);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var url in _databases)
        {
            await TestPostgres.DropAsync(url);
        }
    }
}
