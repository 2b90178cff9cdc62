using ApimAiGateway.Harness.Stores;
using Microsoft.Extensions.Time.Testing;

namespace ApimAiGateway.Harness.Tests.Stores;

/// <summary>
/// quota / quota-by-key count in fixed windows that restart at the period boundary; once exceeded the caller waits
/// for the window to roll over (403 with Retry-After, "Quota will be replenished in hh:mm:ss", apim-reference §4.21).
/// </summary>
public sealed class InMemoryFixedWindowCounterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Calls_past_the_quota_wait_for_the_anchored_window_to_roll_over()
    {
        var counter = new InMemoryFixedWindowCounter(_clock);
        var hourly = QuotaPeriod.Renewing(TimeSpan.FromHours(1), new DateTimeOffset(2026, 1, 1, 0, 10, 0, TimeSpan.Zero));

        Assert.Equal(new FixedWindowResult(true, 1, 1, TimeSpan.FromMinutes(10)), counter.TryAcquire("sub", 1, 2, hourly));
        Assert.Equal(new FixedWindowResult(true, 2, 0, TimeSpan.FromMinutes(10)), counter.TryAcquire("sub", 1, 2, hourly));
        _clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(new FixedWindowResult(false, 2, 0, TimeSpan.FromMilliseconds(1)), counter.TryAcquire("sub", 1, 2, hourly));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new FixedWindowResult(true, 1, 1, TimeSpan.FromHours(1)), counter.TryAcquire("sub", 1, 2, hourly));
    }

    [Fact]
    public void A_quota_that_never_renews_stays_exhausted_and_has_no_reset_time()
    {
        var counter = new InMemoryFixedWindowCounter(_clock);
        var never = QuotaPeriod.Renewing(TimeSpan.Zero, QuotaPeriod.DefaultFirstPeriodStart);
        counter.TryAcquire("key", 1, 1, never);

        _clock.Advance(TimeSpan.FromDays(400));

        Assert.Equal(new FixedWindowResult(false, 1, 0, null), counter.TryAcquire("key", 1, 1, never));
    }

    [Fact]
    public void A_monthly_token_quota_renews_on_the_first_of_the_next_month()
    {
        var leapFebruary = new FakeTimeProvider(new DateTimeOffset(2024, 2, 28, 23, 0, 0, TimeSpan.Zero));
        var counter = new InMemoryFixedWindowCounter(leapFebruary);
        var monthly = QuotaPeriod.Calendar(CalendarPeriod.Monthly);
        counter.Add("tokens", 10_000, monthly);

        // 2024 is a leap year: February 29th still belongs to February's window.
        leapFebruary.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new FixedWindowResult(false, 10_000, 0, TimeSpan.FromHours(1)), counter.TryAcquire("tokens", 1, 10_000, monthly));

        leapFebruary.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, counter.Peek("tokens", monthly));
    }

    [Fact]
    public void Amounts_above_one_count_whole_and_must_fit()
    {
        var counter = new InMemoryFixedWindowCounter(_clock);
        var daily = QuotaPeriod.Calendar(CalendarPeriod.Daily);

        Assert.True(counter.TryAcquire("kb", 600, 1000, daily).Allowed);
        Assert.Equal(new FixedWindowResult(false, 600, 400, TimeSpan.FromHours(12)), counter.TryAcquire("kb", 401, 1000, daily));
        Assert.Equal(new FixedWindowResult(true, 1000, 0, TimeSpan.FromHours(12)), counter.TryAcquire("kb", 400, 1000, daily));
    }

    [Fact]
    public void Deferred_adds_count_past_the_quota()
    {
        var counter = new InMemoryFixedWindowCounter(_clock);
        var daily = QuotaPeriod.Calendar(CalendarPeriod.Daily);

        Assert.Equal(1500, counter.Add("tokens", 1500, daily));

        Assert.Equal(new FixedWindowResult(false, 1500, 0, TimeSpan.FromHours(12)), counter.TryAcquire("tokens", 0, 1000, daily));
    }

    [Fact]
    public void One_key_under_different_periods_is_counted_separately()
    {
        var counter = new InMemoryFixedWindowCounter(_clock);
        counter.Add("key", 5, QuotaPeriod.Calendar(CalendarPeriod.Hourly));

        Assert.Equal(0, counter.Peek("key", QuotaPeriod.Calendar(CalendarPeriod.Daily)));
        Assert.Equal(5, counter.Peek("key", QuotaPeriod.Calendar(CalendarPeriod.Hourly)));
    }

    [Fact]
    public void Counters_whose_window_has_ended_are_swept_but_never_renewing_ones_stay()
    {
        var counter = new InMemoryFixedWindowCounter(_clock, new StoreOptions { SweepInterval = TimeSpan.FromMinutes(30) });
        counter.Add("hourly", 1, QuotaPeriod.Calendar(CalendarPeriod.Hourly));
        counter.Add("forever", 1, QuotaPeriod.Never);
        _clock.Advance(TimeSpan.FromHours(1));

        counter.Add("another", 1, QuotaPeriod.Calendar(CalendarPeriod.Hourly));

        Assert.Equal(2, counter.TrackedKeyCount);
        Assert.Equal(1, counter.Peek("forever", QuotaPeriod.Never));
    }
}
