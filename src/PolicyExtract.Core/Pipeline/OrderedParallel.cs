namespace PolicyExtract.Pipeline;

/// <summary>
/// Maps a list in parallel and hands the results back in list order, as they become available, while holding at most
/// <c>window</c> results beyond the one the consumer is handling: memory stays flat however long the list, and what the consumer sees
/// (file collisions, JSON lines) never depends on which worker finished first.
/// </summary>
public static class OrderedParallel
{
    /// <param name="map">
    /// Should not throw: the caller turns its own failures into results. If it does, claiming stops and the exception is
    /// rethrown to the consumer at that item.
    /// </param>
    /// <param name="workers">Worker threads; 1 runs everything on one worker, still off the consumer's thread.</param>
    /// <param name="window">Items claimed but not yet consumed, at most; at least <paramref name="workers"/>.</param>
    /// <param name="cancel">Stops claiming new items; results already claimed are still handed back, then the sequence ends.</param>
    public static IEnumerable<TOut> Map<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map, int workers, int window, CancellationToken cancel)
        where TOut : class
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        window = Math.Max(window, workers);

        var slots = new TOut?[items.Count];
        var gate = new object();
        var claimed = 0;
        var stopped = false;
        Exception? failure = null;
        using var room = new SemaphoreSlim(window);

        void Work()
        {
            while (true)
            {
                room.Wait();
                int index;
                lock (gate)
                {
                    if (stopped || cancel.IsCancellationRequested || claimed == items.Count)
                    {
                        stopped = true;
                        Monitor.PulseAll(gate);
                        room.Release();
                        return;
                    }

                    index = claimed++;
                }

                TOut result;
                try
                {
                    result = map(items[index]);
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        failure ??= e;
                        stopped = true;
                        Monitor.PulseAll(gate);
                    }

                    room.Release();
                    return;
                }

                lock (gate)
                {
                    slots[index] = result;
                    Monitor.PulseAll(gate);
                }
            }
        }

        var threads = Enumerable.Range(0, Math.Min(workers, Math.Max(items.Count, 1)))
            .Select(i => new Thread(Work) { IsBackground = true, Name = $"policyextract-worker-{i}" })
            .ToList();
        threads.ForEach(t => t.Start());
        try
        {
            for (var next = 0; next < items.Count; next++)
            {
                TOut? result;
                lock (gate)
                {
                    // Items are claimed in order, so once claiming has stopped, an unclaimed item never comes.
                    while ((result = slots[next]) is null && failure is null && !(stopped && next >= claimed))
                    {
                        Monitor.Wait(gate);
                    }

                    slots[next] = null;
                    if (result is null && failure is not null)
                    {
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
                    }
                }

                if (result is null)
                {
                    yield break;
                }

                room.Release();
                yield return result;
            }
        }
        finally
        {
            // A consumer that stops early (break, exception) stops the workers too, and waits for them, so no worker
            // outlives the semaphore or writes into a run that has ended.
            lock (gate)
            {
                stopped = true;
            }

            room.Release(threads.Count);
            threads.ForEach(t => t.Join());
        }
    }
}
