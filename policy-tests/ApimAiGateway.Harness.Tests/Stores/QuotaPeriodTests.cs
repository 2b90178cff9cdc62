using System.Globalization;
using ApimAiGateway.Harness.Stores;

namespace ApimAiGateway.Harness.Tests.Stores;

/// <summary>
/// Fixed quota windows. Anchored periods: quota aligns to the subscription's start, quota-by-key to
/// first-period-start (default 0001-01-01T00:00:00Z), renewal-period 0 never renews (quota / quota-by-key pages).
/// Calendar periods (llm-token-limit token-quota-period): the docs state neither time zone nor week start; the
/// emulator assumes UTC boundaries and weeks from Monday, as Microsoft's policy toolkit emulator does.
/// </summary>
public sealed class QuotaPeriodTests
{
    [Fact]
    public void Anchored_windows_repeat_every_period_from_the_anchor()
    {
        var period = QuotaPeriod.Renewing(TimeSpan.FromHours(1), At("2026-01-01T00:10:00Z"));

        Assert.Equal(Window("2026-03-01T11:10:00Z", "2026-03-01T12:10:00Z"), period.WindowAt(At("2026-03-01T12:00:00Z")));
        Assert.Equal(Window("2026-03-01T12:10:00Z", "2026-03-01T13:10:00Z"), period.WindowAt(At("2026-03-01T12:10:00Z")));
    }

    [Fact]
    public void Windows_before_a_future_anchor_are_aligned_to_it_too()
    {
        var period = QuotaPeriod.Renewing(TimeSpan.FromHours(1), At("2030-01-01T00:10:00Z"));

        Assert.Equal(Window("2026-03-01T11:10:00Z", "2026-03-01T12:10:00Z"), period.WindowAt(At("2026-03-01T12:00:00Z")));
    }

    [Fact]
    public void The_default_first_period_start_aligns_daily_periods_to_utc_midnight()
    {
        Assert.Equal(At("0001-01-01T00:00:00Z"), QuotaPeriod.DefaultFirstPeriodStart);
        var period = QuotaPeriod.Renewing(TimeSpan.FromSeconds(86400), QuotaPeriod.DefaultFirstPeriodStart);

        Assert.Equal(Window("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"), period.WindowAt(At("2026-03-01T17:45:00Z")));
    }

    [Fact]
    public void A_renewal_period_of_zero_never_renews()
    {
        var period = QuotaPeriod.Renewing(TimeSpan.Zero, At("2026-01-01T00:00:00Z"));

        Assert.Equal(QuotaPeriod.Never, period);
        Assert.False(period.Renews);
        Assert.Null(period.WindowAt(At("2026-03-01T12:00:00Z")).End);
        Assert.Equal(period.WindowAt(At("2026-03-01T12:00:00Z")), period.WindowAt(At("2099-12-31T23:59:59Z")));
    }

    [Theory]
    [InlineData(CalendarPeriod.Hourly, "2026-03-01T12:59:59.999Z", "2026-03-01T12:00:00Z", "2026-03-01T13:00:00Z")]
    [InlineData(CalendarPeriod.Hourly, "2026-03-01T13:00:00Z", "2026-03-01T13:00:00Z", "2026-03-01T14:00:00Z")]
    [InlineData(CalendarPeriod.Daily, "2026-03-01T23:59:59.999Z", "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z")]
    [InlineData(CalendarPeriod.Daily, "2026-03-02T00:00:00Z", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")]
    // 2026-03-01 is a Sunday: it ends the week that began on Monday 2026-02-23.
    [InlineData(CalendarPeriod.Weekly, "2026-03-01T23:59:59Z", "2026-02-23T00:00:00Z", "2026-03-02T00:00:00Z")]
    [InlineData(CalendarPeriod.Weekly, "2026-03-02T00:00:00Z", "2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z")]
    [InlineData(CalendarPeriod.Weekly, "2026-01-01T08:00:00Z", "2025-12-29T00:00:00Z", "2026-01-05T00:00:00Z")]
    [InlineData(CalendarPeriod.Monthly, "2026-01-31T23:59:59Z", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z")]
    [InlineData(CalendarPeriod.Monthly, "2026-02-15T00:00:00Z", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z")]
    [InlineData(CalendarPeriod.Monthly, "2024-02-29T12:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z")]
    [InlineData(CalendarPeriod.Monthly, "2026-04-30T23:59:59Z", "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z")]
    [InlineData(CalendarPeriod.Monthly, "2026-12-31T23:59:59Z", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData(CalendarPeriod.Yearly, "2024-12-31T23:59:59.999Z", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z")]
    [InlineData(CalendarPeriod.Yearly, "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z")]
    public void Calendar_periods_start_at_utc_boundaries(CalendarPeriod unit, string now, string start, string end)
    {
        Assert.Equal(Window(start, end), QuotaPeriod.Calendar(unit).WindowAt(At(now)));
    }

    [Theory]
    [InlineData(CalendarPeriod.Monthly, "2024-02-10T00:00:00Z", 29)]
    [InlineData(CalendarPeriod.Monthly, "2025-02-10T00:00:00Z", 28)]
    [InlineData(CalendarPeriod.Monthly, "2026-04-10T00:00:00Z", 30)]
    [InlineData(CalendarPeriod.Monthly, "2026-07-10T00:00:00Z", 31)]
    [InlineData(CalendarPeriod.Yearly, "2024-06-01T00:00:00Z", 366)]
    [InlineData(CalendarPeriod.Yearly, "2025-06-01T00:00:00Z", 365)]
    public void Monthly_and_yearly_windows_follow_month_lengths_and_leap_years(CalendarPeriod unit, string now, int days)
    {
        var window = QuotaPeriod.Calendar(unit).WindowAt(At(now));

        Assert.Equal(TimeSpan.FromDays(days), window.End - window.Start);
    }

    [Fact]
    public void Calendar_boundaries_are_utc_whatever_offset_the_clock_reports()
    {
        // 01:00 at UTC+2 on March 1st is still February 28th in UTC.
        var now = new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal(Window("2026-02-28T00:00:00Z", "2026-03-01T00:00:00Z"), QuotaPeriod.Calendar(CalendarPeriod.Daily).WindowAt(now));
    }

    [Fact]
    public void Calendar_period_names_are_the_attribute_spellings()
    {
        Assert.True(Enum.TryParse<CalendarPeriod>("Weekly", out var weekly));
        Assert.Equal(CalendarPeriod.Weekly, weekly);
        Assert.Equal(["Hourly", "Daily", "Weekly", "Monthly", "Yearly"], Enum.GetNames<CalendarPeriod>());
    }

    private static DateTimeOffset At(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static QuotaWindow Window(string start, string end) => new(At(start), At(end));
}
