using PolicyExtract.Pipeline;

namespace PolicyExtract.Tests.Pipeline;

/// <summary>The engine under extract: results in list order whoever finishes first, never more than the window held.</summary>
public sealed class OrderedParallelTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 8)]
    [InlineData(8, 2)]
    public void Results_come_in_list_order_however_long_each_item_takes(int workers, int window)
    {
        var items = Enumerable.Range(0, 200).ToList();

        var results = OrderedParallel.Map(items, i => { Thread.SpinWait((i * 7919 % 13) * 2000); return i.ToString(System.Globalization.CultureInfo.InvariantCulture); }, workers, window, default).ToList();

        Assert.Equal(items.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), results);
    }

    [Fact]
    public void No_more_than_the_window_is_claimed_beyond_the_item_the_consumer_holds()
    {
        var started = 0;
        var consumed = 0;
        var most = 0;
        var items = Enumerable.Range(0, 300).ToList();

        foreach (var _ in OrderedParallel.Map(items, i => { Interlocked.Increment(ref started); return new object(); }, workers: 4, window: 6, default))
        {
            Thread.Sleep(0);
            most = Math.Max(most, Volatile.Read(ref started) - consumed - 1);
            consumed++;
        }

        Assert.Equal(300, consumed);
        Assert.InRange(most, 1, 6);
    }

    [Fact]
    public void Cancelling_stops_new_items_and_hands_back_the_ones_under_way()
    {
        using var cancel = new CancellationTokenSource();
        var items = Enumerable.Range(0, 1000).ToList();
        var seen = new List<int>();

        foreach (var result in OrderedParallel.Map(items, i => (object)i, workers: 2, window: 4, cancel.Token))
        {
            seen.Add((int)result);
            if (seen.Count == 10)
            {
                cancel.Cancel();
            }
        }

        Assert.Equal(Enumerable.Range(0, seen.Count), seen); // a prefix, no holes
        Assert.InRange(seen.Count, 10, 14);
    }

    [Fact]
    public void A_throwing_map_surfaces_to_the_consumer_and_stopping_early_ends_the_workers()
    {
        var items = Enumerable.Range(0, 100).ToList();
        var error = Assert.Throws<InvalidOperationException>(() =>
            OrderedParallel.Map(items, i => i == 42 ? throw new InvalidOperationException("item 42") : (object)i, 3, 6, default).ToList());
        Assert.Equal("item 42", error.Message);

        var first = OrderedParallel.Map(items, i => (object)i, 3, 6, default).Take(5).ToList();
        Assert.Equal(5, first.Count);
    }

    [Fact]
    public void An_empty_list_gives_nothing()
    {
        Assert.Empty(OrderedParallel.Map(new List<int>(), i => (object)i, 4, 8, default));
    }
}
