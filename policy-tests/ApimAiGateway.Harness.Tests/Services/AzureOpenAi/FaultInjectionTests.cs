using ApimAiGateway.Harness.Services;
using ApimAiGateway.Harness.Services.AzureOpenAi;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tests.Services.AzureOpenAi;

public sealed class FaultInjectionTests
{
    private static readonly string Hi = AzureOpenAiFixture.UserMessage("hi");

    [Fact]
    public async Task The_next_calls_fail_with_the_scripted_status_then_the_service_recovers()
    {
        var aoai = new AzureOpenAiFixture();
        aoai.Service.Faults.FailNext(2, SimulatedFault.Status(503, retryAfter: TimeSpan.FromSeconds(10)));

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await aoai.ChatResponse(Hi)).StatusCode);
        }

        Assert.Equal([503, 503, 200], statuses);
        Assert.Single(aoai.Service.Calls);
    }

    [Fact]
    public async Task Injected_errors_carry_azures_error_body_and_retry_after()
    {
        var aoai = new AzureOpenAiFixture();
        aoai.Service.Faults.FailNext(1, SimulatedFault.Status(500)).FailNext(1, SimulatedFault.Status(503, TimeSpan.FromSeconds(10)));

        var serverError = await aoai.ChatResponse(Hi);
        var unavailable = await aoai.ChatResponse(Hi);

        Assert.Equal("InternalServerError", (string?)serverError.BodyAs<JObject>()!.SelectToken("error.code"));
        Assert.Null(serverError.Headers.GetValueOrDefault("Retry-After"));
        Assert.Equal("ServiceUnavailable", (string?)unavailable.BodyAs<JObject>()!.SelectToken("error.code"));
        Assert.Equal("10", unavailable.Headers.GetValueOrDefault("Retry-After"));
        Assert.Equal("East US", unavailable.Headers.GetValueOrDefault("x-ms-region"));
    }

    [Fact]
    public async Task A_predicate_fails_the_calls_it_picks_until_cleared()
    {
        var aoai = new AzureOpenAiFixture();
        aoai.Service.Faults.FailWhen(request => request.Uri.AbsolutePath.Contains("/legacy/"), SimulatedFault.ConnectionFailure());

        var legacy = await aoai.Chat(Hi, "legacy");
        var chat = await aoai.Chat(Hi);
        aoai.Service.Faults.Clear();
        var recovered = await aoai.Chat(Hi, "legacy");

        Assert.Equal(ServiceOutcomeKind.ConnectionFailure, legacy.Kind);
        Assert.Equal(200, chat.Response!.StatusCode);
        Assert.Equal(200, recovered.Response!.StatusCode);
    }

    [Fact]
    public async Task A_timeout_never_answers_so_the_caller_gives_up_at_its_own_timeout()
    {
        var aoai = new AzureOpenAiFixture();
        aoai.Service.Faults.FailNext(1, SimulatedFault.Timeout());

        var outcome = (await aoai.Chat(Hi)).Within(TimeSpan.FromSeconds(30));

        Assert.Equal(ServiceOutcomeKind.Timeout, outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), outcome.Latency);
    }

    [Fact]
    public async Task Latency_is_the_configured_base_plus_any_scripted_delay()
    {
        var aoai = new AzureOpenAiFixture(latency: TimeSpan.FromMilliseconds(200));
        aoai.Service.Faults.DelayNext(1, TimeSpan.FromSeconds(5));

        var slow = await aoai.Chat(Hi);
        var normal = await aoai.Chat(Hi);

        Assert.Equal(TimeSpan.FromMilliseconds(5200), slow.Latency);
        Assert.Equal(TimeSpan.FromMilliseconds(200), normal.Latency);
        Assert.Equal(ServiceOutcomeKind.Timeout, slow.Within(TimeSpan.FromSeconds(5)).Kind);
    }
}
