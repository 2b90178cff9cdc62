using ApimAiGateway.Harness.Stores;
using Microsoft.Extensions.Time.Testing;

namespace ApimAiGateway.Harness.Tests.Stores;

/// <summary>
/// rate-limit / rate-limit-by-key renewal-period is a sliding window (apim-reference §4.19/§4.20): a counted call
/// frees its slot exactly one window after it was made, not at a fixed boundary and not before.
/// </summary>
public sealed class InMemorySlidingWindowCounterTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_slot_frees_when_the_window_has_slid_past_it_and_not_a_millisecond_before()
    {
        var counter = new InMemorySlidingWindowCounter(_clock);
        Assert.True(counter.TryAcquire("caller", 1, 1, Minute).Allowed);

        _clock.Advance(Minute - TimeSpan.FromMilliseconds(1));
        var blocked = counter.TryAcquire("caller", 1, 1, Minute);
        Assert.Equal(new SlidingWindowResult(false, 1, 0, TimeSpan.FromMilliseconds(1)), blocked);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new SlidingWindowResult(true, 1, 0, TimeSpan.Zero), counter.TryAcquire("caller", 1, 1, Minute));
    }

    [Fact]
    public void Slots_free_one_at_a_time_as_each_counted_call_leaves_the_window()
    {
        var counter = new InMemorySlidingWindowCounter(_clock);
        Assert.Equal(new SlidingWindowResult(true, 1, 1, TimeSpan.Zero), counter.TryAcquire("k", 1, 2, Minute));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(new SlidingWindowResult(true, 2, 0, TimeSpan.Zero), counter.TryAcquire("k", 1, 2, Minute));

        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(TimeSpan.FromSeconds(15), counter.TryAcquire("k", 1, 2, Minute).RetryAfter);

        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(1, counter.Peek("k", Minute));
        Assert.True(counter.TryAcquire("k", 1, 2, Minute).Allowed);
        var next = counter.TryAcquire("k", 1, 2, Minute);
        Assert.False(next.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(30), next.RetryAfter);
    }

    [Fact]
    public void Retry_after_for_a_large_request_waits_until_enough_amounts_have_left()
    {
        var counter = new InMemorySlidingWindowCounter(_clock);
        counter.Add("tokens", 40, Minute);
        _clock.Advance(TimeSpan.FromSeconds(10));
        counter.Add("tokens", 30, Minute);
        _clock.Advance(TimeSpan.FromSeconds(10));
        counter.Add("tokens", 20, Minute);
        _clock.Advance(TimeSpan.FromSeconds(10));

        // 90 of 100 used; 50 more fit only once the 40 counted at t0 has left, at t0+60s.
        var result = counter.TryAcquire("tokens", 50, 100, Minute);

        Assert.Equal(new SlidingWindowResult(false, 90, 10, TimeSpan.FromSeconds(30)), result);
    }

    [Fact]
    public void A_request_larger_than_the_limit_is_never_admitted_and_waits_a_whole_window()
    {
        var counter = new InMemorySlidingWindowCounter(_clock);

        var result = counter.TryAcquire("tokens", 101, 100, Minute);

        Assert.Equal(new SlidingWindowResult(false, 0, 100, Minute), result);
        Assert.Equal(0, counter.Peek("tokens", Minute));
    }

    [Fact]
    public void Deferred_adds_count_beyond_the_limit_and_block_until_they_slide_out()
    {
        var counter = new InMemorySlidingWindowCounter(_clock);
        Assert.True(counter.TryAcquire("k", 1, 3, Minute).Allowed);

        Assert.Equal(5, counter.Add("k", 4, Minute));

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(new SlidingWindowResult(false, 5, 0, TimeSpan.FromSeconds(1)), counter.TryAcquire("k", 1, 3, Minute));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, counter.Peek("k", Minute));
    }

    [Fact]
    public void Once_reported_usage_reaches_the_limit_even_an_unestimated_request_is_blocked()
    {
        // llm-token-limit with estimate-prompt-tokens="false": over-limit usage detected in the response blocks
        // succeeding requests until the limit frees up (llm-token-limit page, estimate-prompt-tokens).
        var counter = new InMemorySlidingWindowCounter(_clock);
        Assert.True(counter.TryAcquire("tpm", 0, 1000, Minute).Allowed);
        counter.Add("tpm", 1000, Minute);

        var blocked = counter.TryAcquire("tpm", 0, 1000, Minute);

        Assert.Equal(new SlidingWindowResult(false, 1000, 0, Minute), blocked);
    }

    [Fact]
    public void Limits_with_different_windows_on_one_key_see_the_same_counted_amounts()
    {
        var counter = new InMemorySlidingWindowCounter(_clock);
        counter.TryAcquire("shared", 1, 10, Minute);
        _clock.Advance(TimeSpan.FromSeconds(20));
        counter.TryAcquire("shared", 1, 10, TimeSpan.FromSeconds(10));

        Assert.Equal(1, counter.Peek("shared", TimeSpan.FromSeconds(10)));
        Assert.Equal(2, counter.Peek("shared", Minute));
    }

    [Fact]
    public void Keys_count_independently()
    {
        var counter = new InMemorySlidingWindowCounter(_clock);
        counter.TryAcquire("a", 1, 1, Minute);

        Assert.True(counter.TryAcquire("b", 1, 1, Minute).Allowed);
        Assert.False(counter.TryAcquire("a", 1, 1, Minute).Allowed);
    }

    [Fact]
    public void Reading_an_unknown_key_creates_no_state()
    {
        var counter = new InMemorySlidingWindowCounter(_clock);

        Assert.Equal(0, counter.Peek("never-used", Minute));
        Assert.Equal(0, counter.TrackedKeyCount);
    }

    [Fact]
    public void Amounts_counted_at_the_same_instant_share_one_entry()
    {
        var counter = new InMemorySlidingWindowCounter(_clock);
        counter.TryAcquire("k", 1, 10, Minute);
        counter.TryAcquire("k", 1, 10, Minute);
        counter.Add("k", 3, Minute);

        Assert.Equal(1, counter.EntryCount("k"));
        Assert.Equal(5, counter.Peek("k", Minute));
    }

    [Fact]
    public void Past_the_entry_cap_the_oldest_amounts_merge_and_leave_the_window_late_never_early()
    {
        var counter = new InMemorySlidingWindowCounter(_clock, new StoreOptions { MaxEntriesPerKey = 2 });
        counter.Add("k", 1, Minute);
        _clock.Advance(TimeSpan.FromSeconds(1));
        counter.Add("k", 1, Minute);
        _clock.Advance(TimeSpan.FromSeconds(1));
        counter.Add("k", 1, Minute);

        Assert.Equal(2, counter.EntryCount("k"));
        Assert.Equal(3, counter.Peek("k", Minute));

        // Exactly, the first amount left at t0+60s; merged into the t0+1s entry it stays counted until t0+61s.
        _clock.Advance(TimeSpan.FromSeconds(58));
        Assert.Equal(3, counter.Peek("k", Minute));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, counter.Peek("k", Minute));
    }

    [Fact]
    public void Keys_whose_amounts_have_all_left_the_window_are_swept()
    {
        var counter = new InMemorySlidingWindowCounter(_clock, new StoreOptions { SweepInterval = TimeSpan.FromMinutes(1) });
        counter.TryAcquire("gone", 1, 5, Minute);
        counter.TryAcquire("kept", 1, 5, TimeSpan.FromMinutes(5));
        _clock.Advance(TimeSpan.FromMinutes(1));

        counter.TryAcquire("kept", 1, 5, TimeSpan.FromMinutes(5));

        Assert.Equal(1, counter.TrackedKeyCount);
        Assert.Equal(2, counter.Peek("kept", TimeSpan.FromMinutes(5)));
        Assert.Equal(0, counter.Peek("gone", Minute));
    }
}
