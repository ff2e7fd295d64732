using BorderAlerts.Core.Polling;

namespace BorderAlerts.Core.Tests.Polling;

/// <summary>
/// What <c>every: auto</c> learns from: dated items' publication times, undated items' first sightings on a listing after
/// the first one this process got, and the times the store kept after a restart (a listed item counted once).
/// </summary>
public class PublishingRhythmTests
{
    static readonly DateTimeOffset Start = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    static DateTimeOffset At(int minutes) => Start.AddMinutes(minutes);

    [Fact]
    public void Undated_items_count_from_the_listing_they_first_appear_in_after_the_first()
    {
        var rhythm = new PublishingRhythm();
        Assert.Empty(rhythm.Listed("f", [], ["a", "b", "c"], At(0)));                       // the backlog
        Assert.Equal([At(10)], rhythm.Listed("f", [], ["a", "b", "c", "d"], At(10)));
        Assert.Equal([At(20), At(10)], rhythm.Listed("f", [], ["b", "c", "d", "e"], At(20))); // a fell off the listing
        Assert.Equal([At(20), At(10)], rhythm.Remembered("f"));
    }

    [Fact]
    public void An_empty_first_listing_leaves_the_next_one_as_the_backlog()
    {
        var rhythm = new PublishingRhythm();
        rhythm.Listed("f", [], [], At(0));
        Assert.Empty(rhythm.Listed("f", [], ["a", "b"], At(10)));
        Assert.Equal([At(20)], rhythm.Listed("f", [], ["a", "b", "c"], At(20)));
    }

    [Fact]
    public void After_a_restart_the_stored_times_join_the_listing_and_a_listed_item_counts_once()
    {
        var rhythm = new PublishingRhythm();
        rhythm.Stored("f", [At(-5), At(-30), At(-30)]); // a sighting and two items published at one time, one of them still listed
        Assert.Equal([At(-5), At(-30), At(-30)], rhythm.Listed("f", [At(-30)], ["seen-before"], At(0)));
        Assert.Equal([At(10), At(-5), At(-30), At(-30)], rhythm.Listed("f", [At(-30)], ["seen-before", "new"], At(10)));
    }

    [Fact]
    public void What_is_remembered_holds_only_while_the_store_has_the_next_poll_this_process_scheduled()
    {
        var rhythm = new PublishingRhythm();
        rhythm.Listed("f", [At(-30)], [], At(0));
        rhythm.Scheduled("f", At(5));
        Assert.Equal([At(-30)], rhythm.Remembered("f", At(5).AddTicks(10))); // the store keeps milliseconds
        Assert.Null(rhythm.Remembered("f", At(7)));                          // another instance polled since
        Assert.Null(rhythm.Stored("f", []));                                  // and the store has nothing: start over
        Assert.Null(rhythm.Remembered("f"));
    }

    static KeyValuePair<string, string>[] Headers(params string[] pairs) =>
        pairs.Select(p => p.Split(": ", 2)).Select(p => KeyValuePair.Create(p[0], p[1])).ToArray();

    [Theory]
    [InlineData(1800, "Cache-Control: public, max-age=1800", "Date: Mon, 07 Dec 2026 12:00:00 GMT", "Expires: Mon, 07 Dec 2026 13:00:00 GMT")]
    [InlineData(3600, "Cache-Control: public", "Date: Mon, 07 Dec 2026 12:00:00 GMT", "Expires: Mon, 07 Dec 2026 13:00:00 GMT")]
    [InlineData(86400, "Date: Mon, 07 Dec 2026 12:00:00 GMT", "expires: Mon, 14 Dec 2026 12:00:00 GMT")]
    [InlineData(null, "Date: Mon, 07 Dec 2026 12:00:00 GMT", "Expires: 0")]
    [InlineData(null, "Date: Mon, 07 Dec 2026 12:00:00 GMT", "Expires: Mon, 07 Dec 2026 11:00:00 GMT")]
    [InlineData(null, "Expires: Mon, 07 Dec 2026 13:00:00 GMT")]
    public void Freshness_is_max_age_else_Expires_after_Date_up_to_a_day(int? seconds, params string[] headers) =>
        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, PublishingRhythm.MaxAge(Headers(headers)));
}
