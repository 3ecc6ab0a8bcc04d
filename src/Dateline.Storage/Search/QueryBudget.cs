namespace Dateline.Storage.Search;

/// <summary>The time a search or an attention request may take: cancelled after the budget, or at once when it is zero.</summary>
internal static class QueryBudget
{
    /// <summary>A source linked to <paramref name="cancellationToken"/> (a client that disconnects) that also cancels after <paramref name="budget"/>.</summary>
    public static async Task<CancellationTokenSource> StartAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (budget > TimeSpan.Zero)
        {
            source.CancelAfter(budget);
        }
        else
        {
            await source.CancelAsync();
        }

        return source;
    }
}
