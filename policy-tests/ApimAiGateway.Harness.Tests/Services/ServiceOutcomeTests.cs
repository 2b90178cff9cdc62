using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Tests.Services;

public sealed class ServiceOutcomeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public void A_response_within_the_timeout_reaches_the_caller()
    {
        var outcome = ServiceOutcome.Respond(ServiceResponse.Status(200)).After(TimeSpan.FromSeconds(5));

        Assert.Same(outcome, outcome.Within(Timeout));
    }

    [Fact]
    public void A_response_slower_than_the_timeout_becomes_a_timeout_at_the_timeout()
    {
        var seen = ServiceOutcome.Respond(ServiceResponse.Status(200)).After(TimeSpan.FromMilliseconds(5001)).Within(Timeout);

        Assert.Equal(ServiceOutcomeKind.Timeout, seen.Kind);
        Assert.Null(seen.Response);
        Assert.Equal(Timeout, seen.Latency);
        // forward-request / send-request timeouts report Reason "Timeout" (apim-reference §5.3, "Error handling").
        Assert.Equal("Timeout", seen.ErrorReason);
    }

    [Fact]
    public void A_service_that_never_answers_times_out_whatever_latency_is_added()
    {
        var outcome = ServiceOutcome.NoResponse().After(TimeSpan.FromMilliseconds(1));

        Assert.Equal(System.Threading.Timeout.InfiniteTimeSpan, outcome.Latency);
        Assert.Equal(TimeSpan.FromSeconds(300), outcome.Within(TimeSpan.FromSeconds(300)).Latency);
    }

    [Fact]
    public void A_connection_failure_keeps_its_reason_and_latency_when_in_time()
    {
        var outcome = ServiceOutcome.ConnectionFailure("refused").After(TimeSpan.FromMilliseconds(10)).Within(Timeout);

        Assert.Equal("BackendConnectionFailure", outcome.ErrorReason);
        Assert.Equal("refused", outcome.FailureMessage);
        Assert.Equal(TimeSpan.FromMilliseconds(10), outcome.Latency);
    }

    [Fact]
    public void Error_statuses_are_responses_not_failures()
    {
        ServiceOutcome outcome = ServiceResponse.Status(500);

        Assert.True(outcome.IsResponse);
        Assert.Null(outcome.ErrorReason);
    }
}
