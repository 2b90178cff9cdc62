using ApimAiGateway.Harness.Services;
using static ApimAiGateway.Harness.Tests.Execution.Limits.LimitGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Limits;

/// <summary>limit-concurrency: at most max-count requests inside at a time per key (limit-concurrency page).</summary>
public sealed class LimitConcurrencyTests
{
    private const string Limited = """
        <policies><inbound /><backend>
          <limit-concurrency key="backend" max-count="1"><forward-request /></limit-concurrency>
        </backend><outbound /><on-error /></policies>
        """;

    [Fact]
    public async Task A_request_over_max_count_fails_at_once_with_429_and_the_slot_frees_when_the_first_finishes()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = Create()
            .WithApi("slow", "slow", "https://slow.test/")
            .WithProduct("bronze", "slow")
            .WithSubscription("sub-9", "key-9", "bronze")
            .WithApiPolicy("slow", Limited);
        builder.Network.Map("slow.test", new DelegateServiceHandler(async (_, _, _) =>
        {
            entered.TrySetResult();
            await release.Task;
            return ServiceResponse.Json("{}");
        }));
        var gateway = builder.Build();

        var inside = gateway.SendAsync(Call("/slow/a", "key-9"));
        await entered.Task;
        var refused = await gateway.SendAsync(Call("/slow/a", "key-9"));
        release.SetResult();
        var finished = await inside;
        var afterwards = await gateway.SendAsync(Call("/slow/a", "key-9"));

        Assert.Equal(429, refused.StatusCode);
        Assert.Equal("limit-concurrency", refused.LastError!.Source);
        Assert.Equal(200, finished.StatusCode);
        Assert.Equal(200, afterwards.StatusCode);
    }

    [Fact]
    public async Task The_slot_is_released_when_the_enclosed_policies_fail()
    {
        var gateway = Create().WithApiPolicy("chat", """
            <policies><inbound>
              <limit-concurrency key="k" max-count="1"><set-variable name="boom" value="@(int.Parse(&quot;x&quot;))" /></limit-concurrency>
            </inbound><backend><forward-request /></backend><outbound /><on-error /></policies>
            """).Build();

        var first = await gateway.SendAsync(Call());
        var second = await gateway.SendAsync(Call());

        Assert.Equal("ExpressionValueEvaluationFailure", first.LastError!.Reason);
        Assert.Equal("ExpressionValueEvaluationFailure", second.LastError!.Reason);
        Assert.Equal(0, gateway.Services.Concurrency.Inside("k"));
    }
}
