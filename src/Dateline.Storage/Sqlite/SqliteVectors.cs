using Dateline.Core.Articles;
using Dateline.Core.Serialization;
using Dateline.Storage.Vectors;
using Microsoft.Data.Sqlite;

namespace Dateline.Storage.Sqlite;

/// <summary>Article vectors in SQLite (migration 0019): the embedding job's work list, writes, and the rows the in-memory index reads.</summary>
internal sealed class SqliteVectors(SqliteArticleStore store) : IVectorSource
{
    private readonly VectorIndexes _indexes = new();

    public async Task<IReadOnlyList<Article>> ListToEmbedAsync(string model, int limit, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, null, """
            SELECT j.json FROM articles a JOIN article_json j ON j.seq = a.seq
            WHERE NOT EXISTS (SELECT 1 FROM article_vectors v WHERE v.model = $model AND v.seq = a.seq)
            ORDER BY a.seq LIMIT $limit
            """, ("$model", model), ("$limit", limit));
        var articles = new List<Article>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            articles.Add(DatelineJson.Deserialize(r.GetString(0)));
        }

        return articles;
    }

    public async Task SaveAsync(string model, IReadOnlyList<ArticleVector> vectors, CancellationToken ct)
    {
        if (vectors.Count == 0)
        {
            return;
        }

        await using var c = await store.OpenConnectionAsync(ct);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, tx, """
            INSERT OR REPLACE INTO article_vectors (seq, model, vector)
            SELECT seq, $model, $vector FROM articles WHERE id = $id
            """, ("$model", model), ("$vector", Array.Empty<byte>()), ("$id", string.Empty));
        foreach (var v in vectors)
        {
            cmd.Parameters["$vector"].Value = VectorBytes.ToBytes(v.Vector);
            cmd.Parameters["$id"].Value = v.ArticleId;
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    public async Task<float[]?> GetAsync(string articleId, string model, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, null,
            "SELECT v.vector FROM article_vectors v JOIN articles a ON a.seq = v.seq WHERE a.id = $id AND v.model = $model",
            ("$id", articleId), ("$model", model));
        return await cmd.ExecuteScalarAsync(ct) is byte[] bytes ? VectorBytes.FromBytes(bytes) : null;
    }

    public async Task<EmbeddingCounts> CountsAsync(string model, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, null,
            "SELECT (SELECT count(*) FROM article_vectors v JOIN articles a ON a.seq = v.seq WHERE v.model = $model), (SELECT count(*) FROM articles)", ("$model", model));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new EmbeddingCounts(r.GetInt64(0), r.GetInt64(1));
    }

    public async IAsyncEnumerable<StoredVector> ExportAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, null,
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
        await using var cmd = SqliteArticleStore.Command(c, null, """
            SELECT v.id, v.seq, a.id, v.vector FROM article_vectors v JOIN articles a ON a.seq = v.seq
            WHERE v.model = $model AND v.id > $after ORDER BY v.id
            """, ("$model", model), ("$after", afterRowId));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            yield return new VectorRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), (byte[])r.GetValue(3));
        }
    }

    public async Task<long> CountAsync(string model, CancellationToken ct) => (await CountsAsync(model, ct)).Embedded;

    public async Task<IReadOnlySet<long>> FilterAsync(ArticleFilter filter, CancellationToken ct)
    {
        var (where, parameters) = SqliteFilter.Build(filter, "a");
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, null, $"SELECT a.seq FROM articles a WHERE {where}", parameters);
        var seqs = new HashSet<long>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            seqs.Add(r.GetInt64(0));
        }

        return seqs;
    }
}
