using ApimAiGateway.Harness.Gateway;
using static ApimAiGateway.Harness.Tests.Execution.Limits.LimitGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Limits;

/// <summary>rate-limit: a sliding window of calls per subscription (apim-reference §4.19, rate-limit page).</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Calls_over_the_limit_get_429_with_retry_after_and_never_reach_the_backend()
    {
        var gateway = Create().WithProductPolicy("gold", Policy("""<rate-limit calls="2" renewal-period="10" />""")).Build();

        var first = await gateway.SendAsync(Call());
        var second = await gateway.SendAsync(Call());
        var third = await gateway.SendAsync(Call());

        Assert.Equal([200, 200], [first.StatusCode, second.StatusCode]);
        Assert.Equal(429, third.StatusCode);
        Assert.Equal("10", third.Header("Retry-After"));
        Assert.Equal("Rate limit is exceeded. Try again in 10 seconds.", (string?)third.BodyJson!["message"]);
        Assert.Equal(429, (int)third.BodyJson!["statusCode"]!);
        Assert.Empty(third.BackendCalls);
        Assert.Equal("rate-limit", third.LastError!.Source);
        Assert.Equal("RateLimitExceeded", third.LastError.Reason);
    }

    [Fact]
    public async Task The_window_slides_a_call_is_admitted_exactly_when_the_oldest_one_leaves_it()
    {
        var gateway = Create().WithProductPolicy("gold", Policy("""<rate-limit calls="1" renewal-period="10" />""")).Build();
        await gateway.SendAsync(Call());

        gateway.VirtualClock!.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        var early = await gateway.SendAsync(Call());
        gateway.VirtualClock.Advance(TimeSpan.FromMilliseconds(1));
        var onTime = await gateway.SendAsync(Call());

        Assert.Equal(429, early.StatusCode);
        Assert.Equal("1", early.Header("Retry-After")); // 1 ms to wait, rounded up to whole seconds
        Assert.Equal(200, onTime.StatusCode);
    }

    [Fact]
    public async Task Each_subscription_has_its_own_counter()
    {
        var gateway = Create().WithProductPolicy("gold", Policy("""<rate-limit calls="1" renewal-period="60" />""")).Build();

        await gateway.SendAsync(Call(key: "key-1"));
        var sameSubscription = await gateway.SendAsync(Call(key: "key-1"));
        var otherSubscription = await gateway.SendAsync(Call(key: "key-2"));

        Assert.Equal(429, sameSubscription.StatusCode);
        Assert.Equal(200, otherSubscription.StatusCode);
    }

    [Fact]
    public async Task Calls_without_a_subscription_are_not_limited()
    {
        var gateway = Create()
            .WithApi("open", "open", $"https://{Backend}/open", subscriptionRequired: false)
            .WithApiPolicy("open", Policy("""<rate-limit calls="1" renewal-period="60" />""")).Build();

        var first = await gateway.SendAsync(GatewayCall.Get("/open/x"));
        var second = await gateway.SendAsync(GatewayCall.Get("/open/x"));

        Assert.Equal([200, 200], [first.StatusCode, second.StatusCode]);
        Assert.Contains(second.Trace, e => e.Policy == "rate-limit" && e.Message.Contains("no subscription", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_nested_api_limit_applies_only_to_its_api_and_a_refused_call_counts_against_no_limit()
    {
        var gateway = Create().WithProductPolicy("gold", Policy("""
            <rate-limit calls="10" renewal-period="60" remaining-calls-variable-name="left">
              <api name="chat" calls="1" renewal-period="60" />
            </rate-limit>
            """)).Build();

        await gateway.SendAsync(Call("/chat/a"));
        var chatAgain = await gateway.SendAsync(Call("/chat/a"));
        var embed = await gateway.SendAsync(Call("/embed/a"));

        Assert.Equal(429, chatAgain.StatusCode);
        Assert.Equal(200, embed.StatusCode);
        Assert.Equal(8, embed.Variables["left"]); // chat's first call and this one; the refused call is not counted
    }

    [Fact]
    public async Task Nested_operation_limits_match_by_id_and_an_id_wins_over_a_name()
    {
        var gateway = Create()
            .WithApi(new ApiDefinition("items", "items", new Uri($"https://{Backend}/items"),
                [new OperationDefinition("get-item", "GET", "/{id}"), new OperationDefinition("list", "GET", "/")]))
            .WithProduct("silver", "items")
            .WithSubscription("sub-3", "key-3", "silver")
            .WithProductPolicy("silver", Policy("""
                <rate-limit calls="10" renewal-period="60">
                  <api name="chat" id="items" calls="10" renewal-period="60">
                    <operation id="get-item" calls="1" renewal-period="60" />
                  </api>
                </rate-limit>
                """)).Build();

        await gateway.SendAsync(Call("/items/1", "key-3"));
        var getAgain = await gateway.SendAsync(Call("/items/2", "key-3"));
        var list = await gateway.SendAsync(Call("/items/", "key-3"));

        Assert.Equal(429, getAgain.StatusCode);
        Assert.Equal(200, list.StatusCode);
    }

    [Fact]
    public async Task Configured_header_and_variable_names_carry_the_wait_the_remaining_and_the_total_calls()
    {
        var gateway = Create().WithProductPolicy("gold", Policy("""
            <rate-limit calls="2" renewal-period="30" retry-after-header-name="x-retry" retry-after-variable-name="retry"
                        remaining-calls-header-name="x-remaining" remaining-calls-variable-name="remaining" total-calls-header-name="x-total" />
            """)).Build();

        var first = await gateway.SendAsync(Call());
        await gateway.SendAsync(Call());
        var refused = await gateway.SendAsync(Call());

        Assert.Equal("1", first.Header("x-remaining"));
        Assert.Equal("2", first.Header("x-total"));
        Assert.Equal(1, first.Variables["remaining"]);
        Assert.Equal(429, refused.StatusCode);
        Assert.Equal("30", refused.Header("x-retry"));
        Assert.Null(refused.Header("Retry-After"));
        Assert.Equal(30, refused.Variables["retry"]);
        Assert.Equal("0", refused.Header("x-remaining"));
        Assert.Equal(0, refused.Variables["remaining"]);
    }
}
