using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;
using static ApimAiGateway.Harness.Tests.Execution.Limits.LimitGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Limits;

/// <summary>quota: fixed windows per subscription aligned to its start (apim-reference §4.21, quota page).</summary>
public sealed class QuotaTests
{
    [Fact]
    public async Task A_used_up_call_quota_answers_403_with_retry_after_and_apims_message()
    {
        var gateway = Create().WithProductPolicy("gold", Policy("""<quota calls="2" renewal-period="3600" />""")).Build();

        await gateway.SendAsync(Call());
        await gateway.SendAsync(Call());
        var refused = await gateway.SendAsync(Call());
        var otherSubscription = await gateway.SendAsync(Call(key: "key-2"));

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal("3600", refused.Header("Retry-After"));
        Assert.Equal("Out of call volume quota. Quota will be replenished in 01:00:00.", (string?)refused.BodyJson!["message"]);
        Assert.Equal("quota", refused.LastError!.Source);
        Assert.Equal("QuotaExceeded", refused.LastError.Reason);
        Assert.Empty(refused.BackendCalls);
        Assert.Equal(200, otherSubscription.StatusCode);
    }

    [Fact]
    public async Task Periods_are_aligned_to_the_subscriptions_created_date_and_roll_over_exactly_at_the_boundary()
    {
        var gateway = Create()
            .WithSubscription(new SubscriptionDefinition("sub-3", "key-3", "gold") { CreatedDate = new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero) })
            .WithProductPolicy("gold", Policy("""<quota calls="1" renewal-period="3600" />""")).Build();
        await gateway.SendAsync(Call(key: "key-3"));

        var refused = await gateway.SendAsync(Call(key: "key-3"));
        gateway.VirtualClock!.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromMilliseconds(1));
        var justBefore = await gateway.SendAsync(Call(key: "key-3"));
        gateway.VirtualClock.Advance(TimeSpan.FromMilliseconds(1));
        var nextPeriod = await gateway.SendAsync(Call(key: "key-3"));

        Assert.Equal("1800", refused.Header("Retry-After")); // the period runs 23:30 to 00:30
        Assert.Equal("Out of call volume quota. Quota will be replenished in 00:30:00.", (string?)refused.BodyJson!["message"]);
        Assert.Equal(403, justBefore.StatusCode);
        Assert.Equal("1", justBefore.Header("Retry-After"));
        Assert.Equal(200, nextPeriod.StatusCode);
    }

    [Fact]
    public async Task Without_a_created_date_periods_are_aligned_to_the_gateways_start()
    {
        var gateway = Create().WithProductPolicy("gold", Policy("""<quota calls="1" renewal-period="3600" />""")).Build();
        gateway.VirtualClock!.Advance(TimeSpan.FromMinutes(10));

        await gateway.SendAsync(Call());
        var refused = await gateway.SendAsync(Call());

        Assert.Equal("3000", refused.Header("Retry-After"));
    }

    [Fact]
    public async Task A_renewal_period_of_zero_never_renews()
    {
        var gateway = Create().WithProductPolicy("gold", Policy("""<quota calls="1" renewal-period="0" />""")).Build();
        await gateway.SendAsync(Call());

        gateway.VirtualClock!.Advance(TimeSpan.FromDays(400));
        var refused = await gateway.SendAsync(Call());

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal("Out of call volume quota.", (string?)refused.BodyJson!["message"]);
        Assert.Null(refused.Header("Retry-After"));
    }

    [Fact]
    public async Task Bandwidth_counts_the_bodies_in_kilobytes_once_the_response_is_in()
    {
        var gateway = Create(_ => ServiceResponse.Text(new string('x', 1100)))
            .WithProductPolicy("gold", Policy("""<quota bandwidth="2" renewal-period="86400" />""")).Build();

        var first = await gateway.SendAsync(Call());
        var second = await gateway.SendAsync(Call());
        var third = await gateway.SendAsync(Call());

        Assert.Equal([200, 200], [first.StatusCode, second.StatusCode]); // 1100 bytes, then 2200 of the 2048 allowed
        Assert.Equal(403, third.StatusCode);
        Assert.Equal("Out of bandwidth quota. Quota will be replenished in 1.00:00:00.", (string?)third.BodyJson!["message"]);
    }

    [Fact]
    public async Task Bandwidth_counts_a_relayed_stream_once_it_has_ended()
    {
        var gateway = Create(_ => new ServiceResponse(200, ServiceHeaders.Empty.With("Content-Type", "text/event-stream"),
                new LiveBody([(ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes($"data: {new string('x', 1100)}\n\n")])))
            .WithProductPolicy("gold", """
                <policies><inbound><quota bandwidth="2" renewal-period="86400" /></inbound><backend><forward-request buffer-response="false" /></backend><outbound /><on-error /></policies>
                """).Build();

        var first = await gateway.SendAsync(Call());
        var second = await gateway.SendAsync(Call());
        var relayed = new[] { first.LiveBody is not null, second.LiveBody is not null };
        await first.LiveBody!.ReadToEndAsync();
        await second.LiveBody!.ReadToEndAsync();
        var third = await gateway.SendAsync(Call());

        Assert.Equal([true, true], relayed);
        Assert.Equal(403, third.StatusCode); // two streams of 1108 bytes, 2216 of the 2048 allowed
    }

    [Fact]
    public async Task A_nested_api_quota_applies_only_to_its_api()
    {
        var gateway = Create().WithProductPolicy("gold", Policy("""
            <quota calls="100" renewal-period="3600">
              <api name="embed" calls="1" renewal-period="3600" />
            </quota>
            """)).Build();

        await gateway.SendAsync(Call("/embed/a"));
        var embedAgain = await gateway.SendAsync(Call("/embed/a"));
        var chat = await gateway.SendAsync(Call("/chat/a"));

        Assert.Equal(403, embedAgain.StatusCode);
        Assert.Equal(200, chat.StatusCode);
    }
}
