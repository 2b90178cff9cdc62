using System.Globalization;
using System.Web;
using ApimAiGateway.Harness.Tokenization;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>
/// An Azure OpenAI resource in one region, served in process: chat completions (plain, and streamed an event at a time) and
/// embeddings on the real URL shapes, deterministic answers with a tokenizer-exact <c>usage</c>, a tokens-per-minute
/// capacity on the virtual clock, and scriptable failures (<see cref="Faults"/>). Map it on a
/// <see cref="ServiceRegistry"/> under the resource's host.
/// </summary>
public sealed class SimulatedAzureOpenAi : IServiceHandler
{
    /// <summary>The response header Azure OpenAI names the serving region in, e.g. "North Central US".</summary>
    public const string RegionHeader = "x-ms-region";

    private readonly SimulatedAzureOpenAiOptions _options;
    private readonly SlidingMinuteWindow _window;
    private readonly RecordList<AzureOpenAiCall> _calls = new();

    public SimulatedAzureOpenAi(SimulatedAzureOpenAiOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TokensPerMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Latency, TimeSpan.Zero);
        _options = options;
        _window = new SlidingMinuteWindow(options.TokensPerMinute, options.RequestsPerMinute);
    }

    public string Region => _options.Region;

    public FaultScript Faults { get; } = new();

    /// <summary>The calls the resource answered itself, in the order they arrived.</summary>
    public IReadOnlyList<AzureOpenAiCall> Calls => _calls.Snapshot();

    public ValueTask<ServiceOutcome> HandleAsync(ServiceRequest request, ServiceCallContext context, CancellationToken cancellationToken)
    {
        var latency = _options.Latency + Faults.TakeDelay();
        var outcome = Faults.TakeFault(request) is { } fault ? fault.ToOutcome() : Answer(request, context);
        return ValueTask.FromResult((outcome.IsResponse ? Stamp(outcome.Response, context) : outcome).After(latency));
    }

    // Every answer names the region, injected errors included: they stand for this region's service failing.
    private ServiceOutcome Stamp(ServiceResponse response, ServiceCallContext context) =>
        response
            .WithHeader(RegionHeader, _options.Region)
            .WithHeader("apim-request-id", StableHash.Guid($"{_options.Region}/{context.ServiceName}/{context.CallNumber}").ToString());

    private ServiceResponse Answer(ServiceRequest request, ServiceCallContext context)
    {
        var call = new AzureOpenAiCall(context.Now, null, null, Authenticate(request.Headers), 0, false, null);
        var (response, recorded) = call.Authentication is null
            ? (AzureOpenAiErrors.AccessDenied(), call)
            : Route(request, context, call);
        _calls.Add(recorded with { StatusCode = response.StatusCode });
        return response;
    }

    private (ServiceResponse, AzureOpenAiCall) Route(ServiceRequest request, ServiceCallContext context, AzureOpenAiCall call)
    {
        var path = AzureOpenAiPath.Parse(request.Uri);
        var apiVersion = HttpUtility.ParseQueryString(request.Uri.Query)["api-version"];
        if (path is null || request.Method != "POST" || (!path.IsV1 && string.IsNullOrEmpty(apiVersion)))
        {
            return (AzureOpenAiErrors.ResourceNotFound(), call);
        }

        call = call with { Operation = path.Operation, Deployment = path.Deployment };
        if (PromptTokenEstimator.ParseObject(request.BodyText) is not { } body)
        {
            return (AzureOpenAiErrors.InvalidRequest("We could not parse the JSON body of your request. The API expects a JSON payload."), call);
        }

        var deployment = path.Deployment ?? (body["model"] as JValue)?.Value as string;
        call = call with { Deployment = deployment };
        if (deployment is null || !_options.Deployments.TryGetValue(deployment, out var model))
        {
            return (AzureOpenAiErrors.DeploymentNotFound(), call);
        }

        var target = new DeploymentTarget(deployment, model, _options.Region);
        var version = apiVersion ?? "v1";
        return path.Operation == AzureOpenAiOperation.ChatCompletions
            ? ChatCompletion(body, target, version, context, call)
            : Embeddings(body, target, version, context, call);
    }

    private (ServiceResponse, AzureOpenAiCall) ChatCompletion(JObject body, DeploymentTarget target, string apiVersion, ServiceCallContext context, AzureOpenAiCall call)
    {
        if (body["messages"] is not JArray messages)
        {
            return (AzureOpenAiErrors.InvalidRequest("'messages' is a required property", "messages"), call);
        }

        var maxTokens = IntegerOf(body["max_completion_tokens"]) ?? IntegerOf(body["max_tokens"]);
        var promptTokens = PromptTokenEstimator.EstimateChatCompletion(body, target.Model);
        var completion = SimulatedCompletion.For(messages.ToString(Newtonsoft.Json.Formatting.None), target, maxTokens);

        // Azure charges a request against the rate limit before running it, with max_tokens as the completion's
        // size when given (Microsoft Learn, "Azure OpenAI quota management", understanding rate limits).
        var admission = _window.TryCharge(context.Now, promptTokens + (maxTokens ?? completion.CompletionTokens));
        if (!admission.Admitted)
        {
            return (WithRemaining(AzureOpenAiErrors.RateLimited("ChatCompletions_Create", apiVersion, admission.ExceededLimit!, admission.RetryAfter), admission), call);
        }

        var usage = new TokenUsage(promptTokens, completion.CompletionTokens);
        var streamed = body["stream"] is JValue { Type: JTokenType.Boolean } stream && (bool)stream;
        var answer = new ChatAnswer($"chatcmpl-{StableHash.Hex($"{target.Region}/{context.CallNumber}/{completion.Content}", 24)}", context.Now.ToUnixTimeSeconds(), target.Model, completion, usage);
        var response = streamed
            ? answer.ToEventStream(body.SelectToken("stream_options.include_usage") is JValue { Type: JTokenType.Boolean } include && (bool)include, Faults.TakeStreamPause())
            : answer.ToJson();
        return (WithRemaining(response, admission).WithHeader("x-ms-deployment-name", target.Deployment), call with { Streamed = streamed, Usage = usage });
    }

    private (ServiceResponse, AzureOpenAiCall) Embeddings(JObject body, DeploymentTarget target, string apiVersion, ServiceCallContext context, AzureOpenAiCall call)
    {
        if (body["input"] is not { } input)
        {
            return (AzureOpenAiErrors.InvalidRequest("'input' is a required property", "input"), call);
        }

        var promptTokens = PromptTokenEstimator.EstimateEmbeddings(body, target.Model);
        var admission = _window.TryCharge(context.Now, promptTokens);
        if (!admission.Admitted)
        {
            return (WithRemaining(AzureOpenAiErrors.RateLimited("Embeddings_Create", apiVersion, admission.ExceededLimit!, admission.RetryAfter), admission), call);
        }

        var dimensions = IntegerOf(body["dimensions"]) is { } requested and > 0 ? requested : BagOfWordsEmbedding.DefaultDimensions;
        var base64 = body["encoding_format"] is JValue { Type: JTokenType.String } format && (string)format! == "base64";
        var response = EmbeddingAnswer.ToJson(EmbeddingAnswer.Inputs(input), dimensions, target.Model, promptTokens, base64);
        return (WithRemaining(response, admission), call with { Usage = new TokenUsage(promptTokens, 0) });
    }

    private AzureOpenAiAuthentication? Authenticate(ServiceHeaders headers)
    {
        var bearer = headers.GetValueOrDefault("Authorization");
        if (bearer is not null && bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && bearer.Length > "Bearer ".Length)
        {
            return AzureOpenAiAuthentication.EntraToken;
        }

        var key = headers.GetValueOrDefault("api-key");
        return !string.IsNullOrEmpty(key) && (_options.ApiKey is null || key == _options.ApiKey)
            ? AzureOpenAiAuthentication.ApiKey
            : null;
    }

    private static ServiceResponse WithRemaining(ServiceResponse response, WindowAdmission admission) =>
        response
            .WithHeader("x-ratelimit-remaining-tokens", admission.RemainingTokens.ToString(CultureInfo.InvariantCulture))
            .WithHeader("x-ratelimit-remaining-requests", admission.RemainingRequests.ToString(CultureInfo.InvariantCulture));

    private static int? IntegerOf(JToken? token) =>
        token is JValue { Type: JTokenType.Integer } value && (long)value is >= 0 and <= int.MaxValue ? (int)(long)value : null;
}
