using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Tests.Services;

public sealed class ServiceHandlerTests
{
    private static readonly ServiceCallContext Context = new("svc", 1, TimeProvider.System);

    [Fact]
    public async Task A_delegate_handler_answers_from_the_request()
    {
        var handler = new DelegateServiceHandler(request => ServiceResponse.Json($$"""{"path":"{{request.Uri.AbsolutePath}}"}"""));

        var outcome = await handler.HandleAsync(TestRequests.Get("https://a.example.com/echo"), Context, CancellationToken.None);

        Assert.Equal("/echo", outcome.Response!.BodyAs<Newtonsoft.Json.Linq.JObject>()!["path"]!.ToString());
        Assert.Equal("application/json; charset=utf-8", outcome.Response.ContentType);
    }

    [Fact]
    public async Task An_async_delegate_handler_can_fail_or_delay()
    {
        var handler = new DelegateServiceHandler(async (request, context, ct) =>
        {
            await Task.Yield();
            return request.Method == "GET"
                ? ServiceResponse.Status(200).WithHeader("x-call", context.CallNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : ServiceOutcome.ConnectionFailure("reset").After(TimeSpan.FromMilliseconds(20));
        });

        var get = await handler.HandleAsync(TestRequests.Get("https://a.example.com/"), Context, CancellationToken.None);
        var post = await handler.HandleAsync(TestRequests.Post("https://a.example.com/"), Context, CancellationToken.None);

        Assert.Equal("1", get.Response!.Headers.GetValueOrDefault("X-Call"));
        Assert.Equal(ServiceOutcomeKind.ConnectionFailure, post.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(20), post.Latency);
    }

    [Fact]
    public async Task A_canned_sequence_repeats_its_last_outcome_by_default()
    {
        var handler = new CannedResponseHandler(ServiceResponse.Status(503), ServiceResponse.Status(429), ServiceResponse.Status(200));

        var statuses = await Statuses(handler, 5);

        Assert.Equal([503, 429, 200, 200, 200], statuses);
    }

    [Fact]
    public async Task A_canned_sequence_can_cycle()
    {
        var handler = new CannedResponseHandler([ServiceResponse.Status(200), ServiceResponse.Status(500)], CannedSequenceEnd.Cycle);

        var statuses = await Statuses(handler, 5);

        Assert.Equal([200, 500, 200, 500, 200], statuses);
    }

    [Fact]
    public async Task A_canned_sequence_gives_each_outcome_once_under_concurrent_calls()
    {
        var handler = new CannedResponseHandler(Enumerable.Range(200, 100).Select(status => (ServiceOutcome)ServiceResponse.Status(status)));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            Task.Run(async () => await handler.HandleAsync(TestRequests.Get("https://a.example.com/"), Context, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(200, 100), outcomes.Select(outcome => outcome.Response!.StatusCode).Order());
    }

    [Fact]
    public void Responses_get_the_standard_reason_phrase()
    {
        Assert.Equal("Too Many Requests", ServiceResponse.Status(429).ReasonPhrase);
        Assert.Equal("Custom", new ServiceResponse(200, reasonPhrase: "Custom").ReasonPhrase);
    }

    private static async Task<int[]> Statuses(IServiceHandler handler, int calls)
    {
        var statuses = new int[calls];
        for (var i = 0; i < calls; i++)
        {
            statuses[i] = (await handler.HandleAsync(TestRequests.Get("https://a.example.com/"), Context, CancellationToken.None)).Response!.StatusCode;
        }

        return statuses;
    }
}
