namespace Dateline.Storage.Tests;

/// <summary>The store contract, run against a real PostgreSQL server (see TestPostgres).</summary>
public sealed class PostgresArticleStoreTests(PostgresFixture f) : ArticleStoreContract(f), IClassFixture<PostgresFixture>;
