using Dateline.Storage.Postgres;
using Dateline.Testing;

namespace Dateline.Storage.Tests;

/// <summary>A new PostgreSQL database per store on the test server, all dropped with the fixture.</summary>
public sealed class PostgresFixture : IStoreFixture, IAsyncLifetime
{
    private readonly List<string> _databases = [];
    private readonly Lock _lock = new();

    public async Task<IArticleStore> CreateEmptyStoreAsync()
    {
        var url = TestPostgres.NewDatabaseUrl();
        lock (_lock)
        {
            _databases.Add(url);
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
