using ApimAiGateway.Harness.Services;
using static ApimAiGateway.Harness.Tests.Execution.Limits.LimitGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Limits;

/// <summary>rate-limit-by-key: a sliding window per counter-key value (apim-reference §4.20, rate-limit-by-key page).</summary>
public sealed class RateLimitByKeyTests
{
    [Fact]
    public async Task Two_apis_using_the_same_counter_key_share_one_counter()
    {
        const string limit = """<rate-limit-by-key calls="2" renewal-period="60" counter-key="shared" />""";
        var gateway = Create().WithApiPolicy("chat", Policy(limit)).WithApiPolicy("embed", Policy(limit)).Build();

        var chat = await gateway.SendAsync(Call("/chat/a"));
        var embed = await gateway.SendAsync(Call("/embed/a"));
        var chatAgain = await gateway.SendAsync(Call("/chat/a"));

        Assert.Equal([200, 200, 429], [chat.StatusCode, embed.StatusCode, chatAgain.StatusCode]);
        Assert.Equal("rate-limit-by-key", chatAgain.LastError!.Source);
        Assert.Equal("RateLimitExceeded", chatAgain.LastError.Reason);
        Assert.Equal("Rate limit is exceeded. Try again in 60 seconds.", (string?)chatAgain.BodyJson!["message"]);
    }

    [Fact]
    public async Task Different_key_values_count_apart_and_the_key_never_meets_a_subscription_counter()
    {
        var gateway = Create().WithProductPolicy("gold", Policy("""
            <rate-limit calls="5" renewal-period="60" />
            <rate-limit-by-key calls="1" renewal-period="60" counter-key="@(context.Request.Headers.GetValueOrDefault(&quot;x-client&quot;, &quot;&quot;))" />
            """)).Build();

        var a = await gateway.SendAsync(Call().WithHeader("x-client", "a"));
        var b = await gateway.SendAsync(Call().WithHeader("x-client", "b"));
        var aAgain = await gateway.SendAsync(Call().WithHeader("x-client", "a"));

        Assert.Equal([200, 200, 429], [a.StatusCode, b.StatusCode, aAgain.StatusCode]);
        Assert.Equal("rate-limit-by-key", aAgain.LastError!.Source);
    }

    [Fact]
    public async Task An_increment_condition_expression_is_evaluated_after_outbound_so_it_can_read_the_response()
    {
        var gateway = Create(request => request.Uri.AbsolutePath.EndsWith("/fail", StringComparison.Ordinal)
                ? ServiceResponse.Status(500)
                : ServiceResponse.Json("{}"))
            .WithApiPolicy("chat", Policy("""
                <rate-limit-by-key calls="1" renewal-period="60" counter-key="k"
                                   increment-condition="@(context.Response.StatusCode == 200)" />
                """)).Build();

        var failures = new[] { await gateway.SendAsync(Call("/chat/fail")), await gateway.SendAsync(Call("/chat/fail")) };
        var success = await gateway.SendAsync(Call("/chat/ok"));
        var afterSuccess = await gateway.SendAsync(Call("/chat/ok"));

        Assert.All(failures, failure => Assert.Equal(500, failure.StatusCode));
        Assert.Equal(200, success.StatusCode);
        Assert.Equal(429, afterSuccess.StatusCode);
        Assert.Contains(success.Trace, e => e.Policy == "rate-limit-by-key" && e.Message.StartsWith("counted 1 at the end of outbound", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deferred_increment_puts_the_remaining_calls_after_the_increment_in_the_header()
    {
        var gateway = Create().WithApiPolicy("chat", Policy("""
            <rate-limit-by-key calls="5" renewal-period="60" counter-key="k" increment-count="@(2)"
                               remaining-calls-header-name="x-remaining" remaining-calls-variable-name="remaining" total-calls-header-name="x-total" />
            """)).Build();

        var result = await gateway.SendAsync(Call());

        Assert.Equal("3", result.Header("x-remaining"));
        Assert.Equal("5", result.Header("x-total"));
        Assert.Equal(5, result.Variables["remaining"]); // set in inbound, before the deferred increment
    }

    [Fact]
    public async Task A_literal_increment_count_is_counted_at_once()
    {
        var gateway = Create().WithApiPolicy("chat", Policy("""<rate-limit-by-key calls="3" renewal-period="60" counter-key="k" increment-count="3" />""")).Build();

        var first = await gateway.SendAsync(Call());
        var second = await gateway.SendAsync(Call());

        Assert.Equal([200, 429], [first.StatusCode, second.StatusCode]);
    }

    [Fact]
    public async Task A_false_literal_increment_condition_never_counts()
    {
        var gateway = Create().WithApiPolicy("chat", Policy("""<rate-limit-by-key calls="1" renewal-period="60" counter-key="k" increment-condition="false" />""")).Build();

        var results = new[] { await gateway.SendAsync(Call()), await gateway.SendAsync(Call()), await gateway.SendAsync(Call()) };

        Assert.All(results, result => Assert.Equal(200, result.StatusCode));
    }

    [Fact]
    public async Task Calls_and_renewal_period_may_be_expressions_and_retry_after_rounds_up_to_whole_seconds()
    {
        var gateway = Create().WithApiPolicy("chat", Policy("""<rate-limit-by-key calls="@(1)" renewal-period="@(10)" counter-key="k" retry-after-variable-name="wait" />""")).Build();
        await gateway.SendAsync(Call());

        gateway.VirtualClock!.Advance(TimeSpan.FromSeconds(2.5));
        var refused = await gateway.SendAsync(Call());

        Assert.Equal(429, refused.StatusCode);
        Assert.Equal("8", refused.Header("Retry-After")); // 7.5 s left in the window
        Assert.Equal(8, refused.Variables["wait"]);
    }

    [Fact]
    public async Task Limits_with_different_windows_on_one_key_see_every_counted_call()
    {
        var gateway = Create()
            .WithApiPolicy("chat", Policy("""<rate-limit-by-key calls="10" renewal-period="60" counter-key="k" />"""))
            .WithApiPolicy("embed", Policy("""<rate-limit-by-key calls="2" renewal-period="300" counter-key="k" />""")).Build();

        await gateway.SendAsync(Call("/chat/a"));
        await gateway.SendAsync(Call("/chat/a"));
        var embed = await gateway.SendAsync(Call("/embed/a"));

        Assert.Equal(429, embed.StatusCode);
    }
}
