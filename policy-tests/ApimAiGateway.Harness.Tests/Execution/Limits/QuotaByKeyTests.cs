using ApimAiGateway.Harness.Services;
using static ApimAiGateway.Harness.Tests.Execution.Limits.LimitGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Limits;

/// <summary>quota-by-key: fixed windows per counter-key value from first-period-start (apim-reference §4.22, quota-by-key page).</summary>
public sealed class QuotaByKeyTests
{
    [Fact]
    public async Task Apis_sharing_a_key_share_the_quota_and_it_renews_at_the_period_boundary()
    {
        const string quota = """<quota-by-key calls="2" renewal-period="300" counter-key="team" first-period-start="2025-12-31T23:58:00Z" />""";
        var gateway = Create().WithApiPolicy("chat", Policy(quota)).WithApiPolicy("embed", Policy(quota)).Build();

        await gateway.SendAsync(Call("/chat/a"));
        await gateway.SendAsync(Call("/embed/a"));
        var refused = await gateway.SendAsync(Call("/chat/a"));
        gateway.VirtualClock!.Advance(TimeSpan.FromMinutes(3));
        var renewed = await gateway.SendAsync(Call("/embed/a"));

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal("180", refused.Header("Retry-After")); // periods of 5 min from 23:58: the next starts at 00:03
        Assert.Equal("quota-by-key", refused.LastError!.Source);
        Assert.Equal("QuotaExceeded", refused.LastError.Reason);
        Assert.Equal(200, renewed.StatusCode);
    }

    [Fact]
    public async Task The_default_first_period_start_aligns_periods_to_year_one()
    {
        var gateway = Create().WithApiPolicy("chat", Policy("""<quota-by-key calls="1" renewal-period="3600" counter-key="k" />""")).Build();
        gateway.VirtualClock!.Advance(TimeSpan.FromMinutes(10));

        await gateway.SendAsync(Call());
        var refused = await gateway.SendAsync(Call());

        Assert.Equal("3000", refused.Header("Retry-After")); // hours counted from 0001-01-01T00:00:00Z start on the hour
    }

    [Fact]
    public async Task A_key_used_by_several_policies_is_counted_once_per_request()
    {
        const string quota = """<quota-by-key calls="2" renewal-period="3600" counter-key="k" />""";
        var gateway = Create()
            .WithProductPolicy("gold", $"<policies><inbound>{quota}</inbound><backend><forward-request /></backend><outbound /><on-error /></policies>")
            .WithApiPolicy("chat", Policy("<base />" + quota)).Build();

        var first = await gateway.SendAsync(Call());
        var second = await gateway.SendAsync(Call());
        var third = await gateway.SendAsync(Call());

        Assert.Equal([200, 200, 403], [first.StatusCode, second.StatusCode, third.StatusCode]);
        Assert.Contains(first.Trace, e => e.Policy == "quota-by-key" && e.Message.Contains("already counted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_increment_condition_on_the_response_is_evaluated_at_the_end_of_outbound()
    {
        var gateway = Create(request => request.Uri.AbsolutePath.EndsWith("/fail", StringComparison.Ordinal)
                ? ServiceResponse.Status(503)
                : ServiceResponse.Json("{}"))
            .WithApiPolicy("chat", Policy("""
                <quota-by-key calls="1" renewal-period="3600" counter-key="@(context.Request.IpAddress)"
                              increment-condition="@(context.Response.StatusCode &gt;= 200 &amp;&amp; context.Response.StatusCode &lt; 400)" />
                """)).Build();

        var failed = await gateway.SendAsync(Call("/chat/fail"));
        var succeeded = await gateway.SendAsync(Call("/chat/ok"));
        var refused = await gateway.SendAsync(Call("/chat/ok"));

        Assert.Equal([503, 200, 403], [failed.StatusCode, succeeded.StatusCode, refused.StatusCode]);
    }
}
