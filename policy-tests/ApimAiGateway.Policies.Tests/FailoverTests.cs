using ApimAiGateway.Harness.Services;
using ApimAiGateway.Harness.Services.AzureOpenAi;

namespace ApimAiGateway.Policies.Tests;

/// <summary>
/// regional-failover over the caller's residency pool (policies/backends.json: aoai-pool-us = East US then West US,
/// aoai-pool-eu = Sweden Central), retried by status code, with the backends' circuit breakers and retry-after-cap.
/// The breakers do not accept a backend's Retry-After (acceptRetryAfter false), so a region that asks for a day is
/// skipped for the rule's tripDuration (PT1M), and the caller is never told to wait longer than the cap.
/// </summary>
public sealed class FailoverTests
{
    private const string LeakyError = """{"error":{"code":"Failed","message":"Deployment gpt-4o at https://aoai-eastus.openai.azure.com failed: key sk-live-123"}}""";

    private readonly ComposedGateway _gateway = new();

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_throttled_or_unavailable_primary_fails_over_within_the_residency_group(int status)
    {
        _gateway.Regions["eastus"].Faults.FailNext(1, SimulatedFault.Status(status, TimeSpan.FromSeconds(5)));

        var result = await _gateway.Ask("Hello");

        Assert.Equal(200, result.StatusCode);
        Assert.Equal([ComposedGateway.Host("eastus"), ComposedGateway.Host("westus")], ComposedGateway.BackendHosts(result));
        Assert.Equal("West US", ComposedGateway.RegionOf(result));
    }

    [Fact]
    public async Task A_400_is_not_retried_and_reaches_the_caller_in_the_error_shape()
    {
        _gateway.Gateway.Services.Network.Map(ComposedGateway.Host("eastus"), _ => ServiceResponse.Json(
            """{"error":{"code":"content_filter","message":"The prompt was filtered.","param":"prompt","innererror":{"code":"ResponsibleAIPolicyViolation"}}}""", 400));

        var result = await _gateway.Ask("Hello");

        // A refusal of the caller's own request keeps the backend's code and message, which the caller can act on.
        var error = ErrorShape.Assert(result, 400, "content_filter");
        Assert.Equal("The prompt was filtered.", (string?)error["message"]);
        Assert.Equal([ComposedGateway.Host("eastus")], ComposedGateway.BackendHosts(result));
    }

    [Fact]
    public async Task Eu_callers_are_never_failed_over_outside_the_eu()
    {
        _gateway.Regions["swedencentral"].Faults.FailNext(5, SimulatedFault.Status(429, TimeSpan.FromSeconds(5)));

        var result = await _gateway.Ask("Hallo", new Caller("eu-oid", Residency: "eu"));

        // Sweden Central's breaker trips on the first 429, so the retry finds the EU pool empty: APIM's 503.
        ErrorShape.Assert(result, 503, "ServiceUnavailable");
        Assert.Equal([ComposedGateway.Host("swedencentral")], ComposedGateway.BackendHosts(result));
    }

    /// <summary>
    /// The known bug: a region answering 429 with Retry-After: 86400 kept its breaker open, and the caller away, for
    /// a day. Here it is skipped only for the breaker's tripDuration, and the caller never sees 86400.
    /// </summary>
    [Fact]
    public async Task A_region_asking_for_a_day_is_skipped_for_the_trip_duration_only()
    {
        _gateway.Regions["eastus"].Faults.FailNext(1, SimulatedFault.Status(429, TimeSpan.FromDays(1)));

        var failedOver = await _gateway.Ask("Hello");
        var stillSkipped = await _gateway.Ask("Hello 2");
        _gateway.Advance(TimeSpan.FromMinutes(2));
        var back = await _gateway.Ask("Hello 3");

        Assert.Equal(200, failedOver.StatusCode);
        Assert.Equal("West US", ComposedGateway.RegionOf(failedOver));
        Assert.Equal([ComposedGateway.Host("westus")], ComposedGateway.BackendHosts(stillSkipped));
        Assert.Equal([ComposedGateway.Host("eastus")], ComposedGateway.BackendHosts(back));
        Assert.DoesNotContain(new[] { failedOver, stillSkipped, back }, r => r.Header("Retry-After") == "86400");
    }

    [Fact]
    public async Task When_every_region_of_the_group_asks_for_a_day_the_caller_gets_503_and_no_days_wait()
    {
        foreach (var region in new[] { "eastus", "westus" })
        {
            _gateway.Regions[region].Faults.FailNext(5, SimulatedFault.Status(429, TimeSpan.FromDays(1)));
        }

        var result = await _gateway.Ask("Hello");

        ErrorShape.Assert(result, 503, "ServiceUnavailable");
        Assert.Null(result.Header("Retry-After"));
        Assert.Equal([ComposedGateway.Host("eastus"), ComposedGateway.Host("westus")], ComposedGateway.BackendHosts(result));
    }

    /// <summary>Without circuit breakers in the way (no retries), the backend's own 429 reaches the caller with its Retry-After capped.</summary>
    [Fact]
    public async Task A_throttled_answer_that_is_passed_on_carries_the_capped_retry_after()
    {
        var gateway = new ComposedGateway(new Dictionary<string, string> { ["failover-retry-count"] = "0" });
        gateway.Regions["eastus"].Faults.FailNext(1, SimulatedFault.Status(429, TimeSpan.FromDays(1)));

        var result = await gateway.Ask("Hello");

        ErrorShape.Assert(result, 429, "BackendThrottled");
        Assert.Equal(ThisRepository.NamedValue("retry-after-cap-seconds"), result.Header("Retry-After"));
    }

    [Fact]
    public async Task A_backend_that_cannot_be_reached_is_a_generic_500_without_backend_details()
    {
        foreach (var region in new[] { "eastus", "westus" })
        {
            _gateway.Regions[region].Faults.FailNext(5, SimulatedFault.ConnectionFailure());
        }

        var result = await _gateway.Ask("Hello");

        ErrorShape.Assert(result, 500, "InternalServerError");
        ErrorShape.AssertNothingLeaks(result, "connection was reset");
    }

    [Theory]
    [InlineData(500, 500)]
    [InlineData(401, 502)]
    [InlineData(403, 502)]
    public async Task A_backend_failure_keeps_its_status_class_but_none_of_its_body(int backendStatus, int status)
    {
        _gateway.Gateway.Services.Network.Map(ComposedGateway.Host("eastus"), _ =>
            ServiceResponse.Json(LeakyError, backendStatus));

        var result = await _gateway.Ask("Hello");

        ErrorShape.Assert(result, status, "BackendUnavailable");
        ErrorShape.AssertNothingLeaks(result, "sk-live-123", "Deployment gpt-4o");
    }
}
