using Dateline.Nlp.Actors;
using Dateline.Storage;

namespace Dateline.Cli.Commands;

/// <summary>
/// The actor overrides a command over the store applies: those stored through the API, then an actors file given with
/// <c>--actors</c> (its entries win for a name both have) — so `ingest`, `reanalyze` and the API agree.
/// </summary>
internal static class StoreActorOverrides
{
    public static async Task<ActorOverrides?> LoadAsync(IArticleStore store, string? actorsFile, CancellationToken ct)
    {
        var stored = await store.GetActorOverridesAsync(ct);
        IReadOnlyList<ActorOverrides.Entry> fromFile = [];
        if (actorsFile is not null)
        {
            try
            {
                fromFile = ActorOverrides.ParseEntries(File.ReadLines(actorsFile), actorsFile);
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot use the actors file: {ex.Message}");
            }
        }

        if (stored.Count == 0 && fromFile.Count == 0)
        {
            return null;
        }

        return ActorOverrides.FromEntries(stored
            .Select(o => new ActorOverrides.Entry(o.Name, o.Type, o.Code, o.Country, o.Role) { Aliases = o.Aliases })
            .Concat(fromFile));
    }
}
