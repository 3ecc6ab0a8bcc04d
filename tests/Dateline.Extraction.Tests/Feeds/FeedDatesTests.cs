using Dateline.Extraction.Feeds;

namespace Dateline.Extraction.Tests.Feeds;

public sealed class FeedDatesTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Thu, 08 Jul 1999 07:00:00 GMT", "1999-07-08T07:00:00Z")]
    [InlineData("Sat, 7 Jan 2017 09:30:00 -0500", "2017-01-07T09:30:00-05:00")]
    [InlineData("7 Jun 23", "2023-06-07")]
    [InlineData("7 Jun 99", "1999-06-07")]
    [InlineData("08 Jul 1999 07:00:00 GMT", "1999-07-08T07:00:00Z")]
    [InlineData("Tue, 10 Jun 2025 08:30:00 EST", "2025-06-10T08:30:00-05:00")]
    [InlineData("Tue, 10 Jun 2025 08:30:00 EDT", "2025-06-10T08:30:00-04:00")]
    [InlineData("Tue, 10 Jun 2025 08:30:00 PDT", "2025-06-10T08:30:00-07:00")]
    [InlineData("Tue, 10 Jun 2025 08:30 +0900", "2025-06-10T08:30:00+09:00")]
    [InlineData("Tue, 10 Jun 2025 08:30:00 +09:00", "2025-06-10T08:30:00+09:00")]
    [InlineData("Tue, 10 Jun 2025 08:30:00GMT", "2025-06-10T08:30:00Z")]
    [InlineData("Tue, 10 Jun 2025 08:30:00 GMT+0530", "2025-06-10T08:30:00+05:30")]
    [InlineData("Tuesday, 10 June 2025 08:30:00 UT", "2025-06-10T08:30:00Z")]
    [InlineData("Tue, 10 Jun 2025 08:30:00 -0000 (UTC)", "2025-06-10T08:30:00Z")]
    [InlineData("Jun 10, 2025 8:30 PM +0100", "2025-06-10T20:30:00+01:00")]
    [InlineData("Mon, 10 Jun 2025 08:30:00 GMT", "2025-06-10T08:30:00Z")]
    [InlineData("2025-06-10T08:30:00+09:00", "2025-06-10T08:30:00+09:00")]
    [InlineData("2025-06-10T08:30:00.123Z", "2025-06-10T08:30:00Z")]
    [InlineData("2025-06-10", "2025-06-10")]
    [InlineData("2025-06-10 08:30:00", "2025-06-10T08:30:00Z")]
    public void Reads_feed_dates(string text, string expected)
    {
        var date = FeedDates.Parse(text, Now, out _);

        Assert.Equal(expected, date?.ToString());
    }

    [Theory]
    [InlineData("Thu, 05 Jun 2025 09:00:00 XYZ", "2025-06-05", "unknown time zone")]
    [InlineData("Thu, 05 Jun 2025 09:00:00", "2025-06-05", "no time zone")]
    [InlineData("Thu, 05 Jun 2025 25:30:00 GMT", "2025-06-05", "unreadable time")]
    public void Keeps_only_the_calendar_date_when_the_time_or_zone_is_unknown(string text, string expected, string warning)
    {
        var date = FeedDates.Parse(text, Now, out var why);

        Assert.Equal(expected, date?.ToString());
        Assert.Contains(warning, why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("14/03/2026 6:45am")]
    [InlineData("yesterday")]
    [InlineData("31 Feb 2025")]
    [InlineData("Tue, 10 Foo 2025 08:30:00 GMT")]
    [InlineData("2031-01-01T00:00:00Z")]
    public void Rejects_what_is_not_a_date_or_lies_in_the_future_with_a_reason(string text)
    {
        var date = FeedDates.Parse(text, Now, out var why);

        Assert.Null(date);
        Assert.False(string.IsNullOrEmpty(why));
    }
}
