using ApimAiGateway.Harness.Execution.Calls;

namespace ApimAiGateway.Harness.Tests.Execution.Calls;

/// <summary>The retry wait formulas ("retry policy", Retry wait times).</summary>
public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 7)]
    [InlineData(4, 7)]
    public void Interval_alone_is_a_fixed_wait(int retry, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new RetryBackoff(7, null, null, false).Before(retry));

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 5)]
    [InlineData(3, 8)]
    public void Interval_and_delta_grow_linearly(int retry, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new RetryBackoff(2, 3, null, false).Before(retry));

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(4, 80)]
    [InlineData(5, 100)]
    [InlineData(9, 100)]
    public void Interval_delta_and_max_interval_grow_exponentially_to_the_cap(int retry, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new RetryBackoff(10, 10, 100, false).Before(retry));

    [Fact]
    public void Max_interval_without_delta_leaves_the_interval_fixed() =>
        Assert.Equal(TimeSpan.FromSeconds(4), new RetryBackoff(4, null, 100, false).Before(3));

    [Fact]
    public void First_fast_retry_skips_only_the_first_wait()
    {
        var backoff = new RetryBackoff(10, 10, 100, true);

        Assert.Equal(TimeSpan.Zero, backoff.Before(1));
        Assert.Equal(TimeSpan.FromSeconds(20), backoff.Before(2));
    }
}
