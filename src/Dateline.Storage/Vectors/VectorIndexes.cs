namespace Dateline.Storage.Vectors;

/// <summary>
/// A store's in-memory vector indexes, one per model, kept up to date with what the store holds: when the store's
/// change version moved, the rows written since the last read are added (a replaced vector gets a new row id), and if
/// the count then differs from the store's (vectors dropped when their article changed) the index is read again whole.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never asked for holds nothing to dispose")]
internal sealed class VectorIndexes
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, VectorIndex> _indexes = new(StringComparer.Ordinal);

    public async Task<NearestResults> NearestAsync(NearestRequest request, IVectorSource source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Limit < 0 || request.Offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "limit and offset must not be negative");
        }

        var allowed = request.Filter == ArticleFilter.All ? null : await source.FilterAsync(request.Filter, ct);
        await _gate.WaitAsync(ct);
        try
        {
            var index = await RefreshAsync(request.Model, source, ct);
            var (hits, compared) = index.Top(request.Query, request.Offset + request.Limit, allowed, request.Exclude);
            return new NearestResults(hits.Skip(request.Offset).ToList(), compared);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<VectorIndex> RefreshAsync(string model, IVectorSource source, CancellationToken ct)
    {
        var version = await source.ChangeVersionAsync(ct);
        if (_indexes.TryGetValue(model, out var index) && index.Version == version)
        {
            return index;
        }

        if (index is not null)
        {
            await foreach (var row in source.ReadSinceAsync(model, index.LastRowId, ct))
            {
                index.Put(row);
            }
        }

        var count = await source.CountAsync(model, ct);
        if (index is null || index.Count != count)
        {
            // Read whole (first use, or vectors were dropped): sized for the count, so the table is never copied to grow.
            // The cap keeps rows × dimensions within one array (2^31 floats holds 2 M rows of 1,024 dimensions).
            index = new VectorIndex((int)Math.Min(count + 1024, int.MaxValue / 1024));
            await foreach (var row in source.ReadSinceAsync(model, 0, ct))
            {
                index.Put(row);
            }
        }

        index.Version = version;
        _indexes[model] = index;
        return index;
    }
}

/// <summary>What a back end gives <see cref="VectorIndexes"/>.</summary>
internal interface IVectorSource
{
    Task<long> ChangeVersionAsync(CancellationToken ct);

    /// <summary>The model's vectors with a row id above <paramref name="afterRowId"/>, in row id order.</summary>
    IAsyncEnumerable<VectorRow> ReadSinceAsync(string model, long afterRowId, CancellationToken ct);

    Task<long> CountAsync(string model, CancellationToken ct);

    /// <summary>The rows (seq) of the articles the filter keeps.</summary>
    Task<IReadOnlySet<long>> FilterAsync(ArticleFilter filter, CancellationToken ct);
}
