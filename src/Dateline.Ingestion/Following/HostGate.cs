using System.Collections.Concurrent;

namespace Dateline.Ingestion.Following;

/// <summary>
/// One request at a time per host, and at least a given spacing between the end of one and the start of the next.
/// </summary>
internal sealed class HostGate(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> EnterAsync(string host, TimeSpan spacing, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(host, _ => new Slot());
        await slot.Lock.WaitAsync(cancellationToken);
        try
        {
            if (slot.LastEnded is { } last)
            {
                var wait = last + spacing - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, cancellationToken);
                }
            }
        }
        catch
        {
            slot.Lock.Release();
            throw;
        }

        return new Release(slot, clock);
    }

    private sealed class Slot
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public DateTimeOffset? LastEnded { get; set; }
    }

    private sealed class Release(Slot slot, TimeProvider clock) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                slot.LastEnded = clock.GetUtcNow();
                slot.Lock.Release();
            }
        }
    }
}
