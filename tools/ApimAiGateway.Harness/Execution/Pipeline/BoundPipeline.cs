using System.Text;
using ApimAiGateway.Harness.Composition;
using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Services;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Execution.Pipeline;

/// <summary>
/// The effective policy of one request path, bound: inbound, backend, outbound in order; on any error the rest is
/// skipped and on-error runs with <c>context.LastError</c> filled (apim-reference §3.1, §5). return-response and
/// the like end the run where they stand.
/// </summary>
public sealed class BoundPipeline
{
    private readonly IPolicyStep _inbound;
    private readonly IPolicyStep _backend;
    private readonly IPolicyStep _outbound;
    private readonly IPolicyStep _onError;
    private readonly IPolicyStep? _preflight;

    private BoundPipeline(IPolicyStep inbound, IPolicyStep backend, IPolicyStep outbound, IPolicyStep onError, IPolicyStep? preflight)
    {
        _inbound = inbound;
        _backend = backend;
        _outbound = outbound;
        _onError = onError;
        _preflight = preflight;
    }

    /// <summary>Whether inbound has cors policies as direct children, which answer CORS preflights (apim-reference §4.25).</summary>
    public bool AnswersPreflight => _preflight is not null;

    public static BoundPipeline Bind(EffectivePolicy policy, PolicyBinder binder)
    {
        var inbound = binder.ForSection("inbound");
        var cors = policy.Inbound.Where(p => p.Element.Name == "cors").ToList();
        return new(
            BindSection(policy.Inbound, inbound),
            BindSection(policy.Backend, binder.ForSection("backend")),
            BindSection(policy.Outbound, binder.ForSection("outbound")),
            BindSection(policy.OnError, binder.ForSection("on-error")),
            cors.Count == 0 ? null : BindSection(cors, inbound));
    }

    public async Task RunAsync(PolicyExecutionContext context)
    {
        try
        {
            await RunPreflight(context);
            await RunSection(context, "inbound", _inbound);
            await RunSection(context, "backend", _backend);
            await RunSection(context, "outbound", _outbound);
        }
        catch (PolicyException error)
        {
            await HandleErrorAsync(context, error);
        }

        foreach (var deferred in context.DeferredActions)
        {
            await deferred(context);
        }
    }

    /// <summary>
    /// On a CORS preflight only inbound's cors policies run; when none answers, the caller gets an empty 200
    /// (cors-policy). An API's own OPTIONS operation takes preflights itself, so then the pipeline runs as usual.
    /// </summary>
    private async ValueTask RunPreflight(PolicyExecutionContext context)
    {
        if (_preflight is null || !Handlers.CorsPreflight.Applies(context))
        {
            return;
        }

        await RunSection(context, "inbound", _preflight);
        if (!context.IsTerminated)
        {
            context.Response = new GatewayResponse();
            context.Terminate();
        }
    }

    private static async ValueTask RunSection(PolicyExecutionContext context, string section, IPolicyStep step)
    {
        if (context.IsTerminated)
        {
            return;
        }

        context.Section = section;
        await step.ExecuteAsync(context);
    }

    private async Task HandleErrorAsync(PolicyExecutionContext context, PolicyException error)
    {
        context.Expression.LastError = new LastError(error.ErrorSource, error.Message)
        {
            Reason = error.Reason,
            Scope = error.Location?.Scope,
            Section = error.Location?.Section ?? context.Section,
            Path = error.Location?.Path,
            PolicyId = error.Location?.PolicyId,
        };
        context.Response = ErrorResponse(error.StatusCode, error.ResponseMessage ?? error.Message, error.Headers);
        context.Note($"error in {error.Location?.PolicyName ?? error.ErrorSource}: {error.Reason} {error.Message}");
        context.ResumeAfterError();
        context.Section = "on-error";
        try
        {
            await _onError.ExecuteAsync(context);
        }
        catch (PolicyException inner)
        {
            // An error inside on-error itself: the docs are silent; the caller gets a 500 and nothing more runs.
            context.Response = ErrorResponse(500, inner.Message, []);
            context.Terminate();
        }
    }

    /// <summary>The body APIM's built-in errors carry: <c>{ "statusCode": N, "message": "…" }</c> (apim-reference §5.4).</summary>
    public static GatewayResponse ErrorResponse(int statusCode, string message, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var response = new GatewayResponse { StatusCode = statusCode, StatusReason = ReasonPhrases.For(statusCode) };
        foreach (var (name, value) in headers)
        {
            response.Headers.Set(name, value);
        }

        var body = new JObject { ["statusCode"] = statusCode, ["message"] = message }.ToString(Newtonsoft.Json.Formatting.None);
        response.Headers.Set("Content-Type", "application/json");
        response.Body = new MessageBody(Encoding.UTF8.GetBytes(body), "application/json");
        return response;
    }

    private static IPolicyStep BindSection(IReadOnlyList<ComposedPolicy> policies, PolicyBinder binder)
    {
        var steps = policies.Select(p => binder.ForScope(ScopeName(p.Scope)).Bind(p.Element)).ToList();
        return steps.Count == 0 ? EmptyStep.Instance : new SequenceStep(steps);
    }

    private static string ScopeName(PolicyScopes scope) => scope switch
    {
        PolicyScopes.Global => "global",
        PolicyScopes.Workspace => "workspace",
        PolicyScopes.Product => "product",
        PolicyScopes.Api => "api",
        PolicyScopes.Operation => "operation",
        _ => "api",
    };
}
