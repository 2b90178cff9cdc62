using ApimAiGateway.Harness.Services;
using static ApimAiGateway.Fragments.Tests.IdentityGateway;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>
/// error-response (fragments/error-response.xml) in on-error: every failure answers in the one JSON error shape with
/// the request id; limits keep their status and Retry-After, identity failures are 401 (see CallerIdentityTests),
/// and everything else is a generic 500 that carries no backend detail, secret or exception text.
/// </summary>
public sealed class ErrorResponseTests
{
    private const string Prompt = """{"messages":[{"role":"user","content":"Summarise the quarterly report in three sentences."}]}""";

    [Fact]
    public async Task A_rate_limit_keeps_429_and_its_retry_after()
    {
        var gateway = Build("""<rate-limit-by-key calls="1" renewal-period="60" counter-key="@((string)context.Variables["caller-id"])" />""");
        var token = gateway.Token();

        var first = await gateway.Send(token);
        var second = await gateway.Send(token);

        Assert.Equal(200, first.StatusCode);
        AssertError(second, 429, "RateLimitExceeded", "Rate limit is exceeded. Retry after the time in the Retry-After header.");
        Assert.Equal("60", second.Header("Retry-After"));
    }

    [Fact]
    public async Task A_limit_with_a_custom_header_name_still_answers_retry_after_from_its_retry_after_variable()
    {
        var gateway = Build("""
            <rate-limit-by-key calls="1" renewal-period="30" counter-key="@((string)context.Variables["caller-id"])"
                               retry-after-header-name="x-wait" retry-after-variable-name="retry-after" />
            """);
        var token = gateway.Token();

        await gateway.Send(token);
        var refused = await gateway.Send(token);

        AssertError(refused, 429, "RateLimitExceeded", "Rate limit is exceeded. Retry after the time in the Retry-After header.");
        Assert.Equal("30", refused.Header("Retry-After"));
        Assert.Null(refused.Header("x-wait"));
    }

    [Fact]
    public async Task A_call_quota_keeps_403_and_its_retry_after()
    {
        var gateway = Build("""<quota-by-key calls="1" renewal-period="3600" counter-key="@((string)context.Variables["caller-id"])" />""");
        var token = gateway.Token();

        await gateway.Send(token);
        var refused = await gateway.Send(token);

        AssertError(refused, 403, "QuotaExceeded", "Call quota is exceeded. It renews after the time in the Retry-After header.");
        Assert.Equal("3600", refused.Header("Retry-After"));
    }

    [Fact]
    public async Task A_token_limit_keeps_429_and_a_token_quota_keeps_403_each_with_retry_after()
    {
        var perMinute = Build("""<llm-token-limit counter-key="@((string)context.Variables["caller-id"])" tokens-per-minute="1" estimate-prompt-tokens="true" />""");
        var quota = Build("""<llm-token-limit counter-key="@((string)context.Variables["caller-id"])" token-quota="1" token-quota-period="Hourly" estimate-prompt-tokens="true" />""");

        var overRate = await perMinute.Gateway.SendAsync(Chat(perMinute.Token()));
        var overQuota = await quota.Gateway.SendAsync(Chat(quota.Token()));

        AssertError(overRate, 429, "TokenLimitExceeded", "Token limit is exceeded. Retry after the time in the Retry-After header.");
        Assert.Equal("60", overRate.Header("Retry-After"));
        AssertError(overQuota, 403, "TokenQuotaExceeded", "Token quota is exceeded. It renews after the time in the Retry-After header.");
        Assert.NotNull(overQuota.Header("Retry-After"));
        Assert.Empty(overRate.BackendCalls);
        Assert.Empty(overQuota.BackendCalls);
    }

    [Fact]
    public async Task An_expression_exception_answers_500_without_its_message()
    {
        // .NET puts the text it failed to parse into the FormatException's message, and APIM into LastError.Message.
        var gateway = Build("""<set-variable name="limit" value="@(int.Parse("sk-live-7f3a-secret"))" />""");

        var result = await gateway.Send(gateway.Token());

        Assert.Equal("ExpressionValueEvaluationFailure", result.LastError!.Reason);
        Assert.Contains("sk-live-7f3a-secret", result.LastError.Message);
        AssertError(result, 500, "InternalServerError", "The request could not be processed.");
        Assert.DoesNotContain("sk-live", result.BodyText);
        Assert.DoesNotContain("format", result.BodyText, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task A_failing_backend_answers_500_without_its_body_headers_or_a_days_retry_after()
    {
        var gateway = Build(backend: """<forward-request fail-on-error-status-code="true" />""", service: _ =>
            ServiceResponse.Text($"Throttled by {BackendSecret}: connection string Server=tcp:db;Password=hunter2", 429)
                .WithHeader("Retry-After", "86400")
                .WithHeader("x-ms-deployment", BackendSecret));

        var result = await gateway.Send(gateway.Token());

        Assert.Single(result.BackendCalls);
        AssertError(result, 500, "InternalServerError", "The request could not be processed.");
        Assert.Null(result.Header("Retry-After"));
        Assert.Null(result.Header("x-ms-deployment"));
        Assert.DoesNotContain(BackendSecret, result.BodyText);
        Assert.DoesNotContain("hunter2", result.BodyText);
    }

    [Fact]
    public async Task An_unreachable_backend_answers_500_without_naming_it()
    {
        var gateway = Build("""<set-backend-service base-url="https://unreachable-aoai.internal.test/openai" />""");

        var result = await gateway.Send(gateway.Token());

        Assert.Equal("forward-request", result.LastError!.Source);
        AssertError(result, 500, "InternalServerError", "The request could not be processed.");
        Assert.DoesNotContain("unreachable-aoai", result.BodyText);
    }

    [Fact]
    public async Task An_error_in_outbound_after_the_backend_answered_returns_none_of_the_backends_response()
    {
        var gateway = Build(
            outbound: """<set-header name="x-tokens" exists-action="override"><value>@(context.Response.Body.As<JObject>()["usage"]["total_tokens"].ToString())</value></set-header>""",
            service: _ => ServiceResponse.Json($$"""{"model":"{{BackendSecret}}","choices":[]}""").WithHeader("x-ms-deployment", BackendSecret));

        var result = await gateway.Send(gateway.Token());

        Assert.Equal("outbound", result.LastError!.Section);
        AssertError(result, 500, "InternalServerError", "The request could not be processed.");
        Assert.Null(result.Header("x-ms-deployment"));
        Assert.DoesNotContain(BackendSecret, result.BodyText);
    }

    [Fact]
    public async Task Each_request_carries_its_own_request_id()
    {
        var gateway = Build();

        var first = await gateway.Send(null);
        var second = await gateway.Send(null);

        AssertError(first, 401, "Unauthorized", "An access token is required.");
        AssertError(second, 401, "Unauthorized", "An access token is required.");
        Assert.NotEqual((string)first.BodyJson!["error"]!["requestId"]!, (string)second.BodyJson!["error"]!["requestId"]!);
        Assert.True(Guid.TryParse((string)first.BodyJson!["error"]!["requestId"]!, out _));
    }

    private static Harness.Gateway.GatewayCall Chat(string token) =>
        Harness.Gateway.GatewayCall.PostJson("/openai/deployments/chat/chat/completions?api-version=2024-10-21", Prompt)
            .WithHeader("Authorization", "Bearer " + token);
}
