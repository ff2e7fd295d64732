using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Core.Tests.Parsing;

public class SourceDatesTests
{
    static readonly DateTimeOffset Fetched = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Mon, 30 Nov 2026 15:00:00 +0900", "UTC", "2026-11-30T06:00:00Z")]
    [InlineData("Mon, 30 Nov 2026 10:00:00 EST", "UTC", "2026-11-30T15:00:00Z")]
    [InlineData("Mon, 30 Nov 2026 10:00:00 GMT", "Asia/Tokyo", "2026-11-30T10:00:00Z")]
    [InlineData("Tue, 30 Nov 2026 10:00:00 +0000", "UTC", "2026-11-30T10:00:00Z")] // wrong weekday
    [InlineData("2026-11-30T09:15:00+08:00", "UTC", "2026-11-30T01:15:00Z")]
    [InlineData("2026-11-30T09:15:00Z", "Asia/Shanghai", "2026-11-30T09:15:00Z")]
    [InlineData("2026-11-30 09:15:00", "Asia/Shanghai", "2026-11-30T01:15:00Z")]
    [InlineData("2022-02-28 19:17:53", "Asia/Seoul", "2022-02-28T10:17:53Z")]
    [InlineData("2026-11-30 09:15", "Asia/Pyongyang", "2026-11-30T00:15:00Z")]
    [InlineData("2026年11月30日 09:15", "Asia/Shanghai", "2026-11-30T01:15:00Z")]
    [InlineData("1764464100", "UTC", "2025-11-30T00:55:00Z")]
    [InlineData("2026-11-30 10:00:00 +08", "Asia/Tokyo", "2026-11-30T02:00:00Z")]
    [InlineData("2026-11-30T10:00:00.123Z", "Asia/Tokyo", "2026-11-30T10:00:00.123Z")]
    [InlineData("Mon, 30 Nov 2026 10:00:00 CST", "Asia/Shanghai", "2026-11-30T02:00:00Z")]
    [InlineData("Mon, 30 Nov 2026 10:00:00 CST", "America/Chicago", "2026-11-30T16:00:00Z")]
    [InlineData("1764464100000", "UTC", "2025-11-30T00:55:00Z")]
    public void Times_without_an_offset_are_read_in_the_source_zone(string text, string zone, string expectedUtc)
    {
        var parsed = SourceDates.Parse(text, Fixture.Zone(zone), Fetched);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc), parsed);
    }

    [Theory]
    [InlineData("11-29", "2026-11-29")]
    [InlineData("11-30", "2026-11-30")]
    [InlineData("12-31", "2025-12-31")] // a December date seen in November is last year's
    [InlineData("03-18", "2026-03-18")]
    [InlineData("3월 18일", "2026-03-18")]
    public void Month_day_dates_take_the_year_that_is_not_in_the_future(string text, string expectedLocalDate)
    {
        var parsed = SourceDates.Parse(text, Fixture.Zone("Asia/Pyongyang"), Fetched)!.Value;
        Assert.Equal(expectedLocalDate, parsed.ToString("yyyy-MM-dd"));
        Assert.Equal(TimeSpan.FromHours(9), parsed.Offset);
    }

    [Fact]
    public void New_year_lookahead_keeps_dates_from_across_midnight_in_this_year()
    {
        var newYearsEve = new DateTimeOffset(2026, 12, 31, 15, 30, 0, TimeSpan.Zero); // 00:30 on 1 Jan in Pyongyang
        var parsed = SourceDates.Parse("01-01", Fixture.Zone("Asia/Pyongyang"), newYearsEve);
        Assert.Equal(2027, parsed!.Value.Year);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("13-45")]
    [InlineData("99999")]
    public void Unreadable_dates_give_null_not_an_error(string text) =>
        Assert.Null(SourceDates.Parse(text, TimeZoneInfo.Utc, Fetched));
}
