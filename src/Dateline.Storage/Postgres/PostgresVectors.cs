using Dateline.Core.Articles;
using Dateline.Core.Serialization;
using Dateline.Storage.Vectors;
using Npgsql;

namespace Dateline.Storage.Postgres;

/// <summary>Article vectors in PostgreSQL (migration 0004), as <c>Sqlite/SqliteVectors</c>: bytea rows, scored in the application.</summary>
internal sealed class PostgresVectors(PostgresArticleStore store) : IVectorSource
{
    private readonly VectorIndexes _indexes = new();

    public Task<IReadOnlyList<Article>> ListToEmbedAsync(string model, int limit, CancellationToken ct) => Pg.RetryAsync<IReadOnlyList<Article>>(async () =>
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = Pg.Command(c, null, """
            SELECT a.json FROM articles a
            WHERE NOT EXISTS (SELECT 1 FROM article_vectors v WHERE v.model = @model AND v.seq = a.seq)
            ORDER BY a.seq LIMIT @limit
            """, ("@model", model), ("@limit", limit));
        var articles = new List<Article>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            articles.Add(DatelineJson.Deserialize(r.GetString(0)));
        }

        return articles;
    }, ct);

    public Task SaveAsync(string model, IReadOnlyList<ArticleVector> vectors, CancellationToken ct) => Pg.RetryAsync(async () =>
    {
        if (vectors.Count == 0)
        {
            return;
        }

        await using var c = await store.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        foreach (var v in vectors)
        {
            // Delete and insert rather than update: a replaced vector must get a new (higher) row id, which is how the
            // in-memory indexes of other processes see the change.
            await Pg.ExecAsync(c, tx, ct, "DELETE FROM article_vectors WHERE model = @model AND seq = (SELECT seq FROM articles WHERE id = @id)",
                ("@model", model), ("@id", v.ArticleId));
            await Pg.ExecAsync(c, tx, ct, "INSERT INTO article_vectors (seq, model, vector) SELECT seq, @model, @vector FROM articles WHERE id = @id",
                ("@model", model), ("@vector", VectorBytes.ToBytes(v.Vector)), ("@id", v.ArticleId));
        }

        await tx.CommitAsync(ct);
    }, ct);

    public Task<float[]?> GetAsync(string articleId, string model, CancellationToken ct) => Pg.RetryAsync(async () =>
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = Pg.Command(c, null,
            "SELECT v.vector FROM article_vectors v JOIN articles a ON a.seq = v.seq WHERE a.id = @id AND v.model = @model",
            ("@id", articleId), ("@model", model));
        return await cmd.ExecuteScalarAsync(ct) is byte[] bytes ? VectorBytes.FromBytes(bytes) : null;
    }, ct);

    public Task<EmbeddingCounts> CountsAsync(string model, CancellationToken ct) => Pg.RetryAsync(async () =>
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = Pg.Command(c, null, """
            SELECT (SELECT count(*) FROM article_vectors v JOIN articles a ON a.seq = v.seq WHERE v.model = @model),
                   (SELECT count(*) FROM articles)
            """, ("@model", model));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new EmbeddingCounts(r.GetInt64(0), r.GetInt64(1));
    }, ct);

    public async IAsyncEnumerable<StoredVector> ExportAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = Pg.Command(c, null,
            "SELECT v.model, a.id, v.vector FROM article_vectors v JOIN articles a ON a.seq = v.seq ORDER BY v.model, v.seq");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            yield return new StoredVector(r.GetString(0), r.GetString(1), VectorBytes.FromBytes((byte[])r.GetValue(2)));
        }
    }

    public Task<NearestResults> NearestAsync(NearestRequest request, CancellationToken ct) => _indexes.NearestAsync(request, this, ct);

    public Task<long> ChangeVersionAsync(CancellationToken ct) => store.GetChangeVersionAsync(ct);

    public async IAsyncEnumerable<VectorRow> ReadSinceAsync(string model, long afterRowId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = Pg.Command(c, null, """
            SELECT v.id, v.seq, a.id, v.vector FROM article_vectors v JOIN articles a ON a.seq = v.seq
            WHERE v.model = @model AND v.id > @after ORDER BY v.id
            """, ("@model", model), ("@after", afterRowId));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            yield return new VectorRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), (byte[])r.GetValue(3));
        }
    }

    public async Task<long> CountAsync(string model, CancellationToken ct) => (await CountsAsync(model, ct)).Embedded;

    public Task<IReadOnlySet<long>> FilterAsync(ArticleFilter filter, CancellationToken ct) => Pg.RetryAsync<IReadOnlySet<long>>(async () =>
    {
        var (where, parameters) = PostgresFilter.Build(filter, "a");
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = Pg.Command(c, null, $"SELECT a.seq FROM articles a WHERE {where}", parameters);
        var seqs = new HashSet<long>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            seqs.Add(r.GetInt64(0));
        }

        return seqs;
    }, ct);
}
