using System.Collections.Concurrent;
using ApimAiGateway.Harness.Composition;
using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Handlers;
using ApimAiGateway.Harness.Execution.Pipeline;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reading;
using Microsoft.Extensions.Time.Testing;

namespace ApimAiGateway.Harness.Gateway;

/// <summary>
/// An APIM gateway in memory: matches each request to an API and operation, identifies the caller by subscription,
/// and runs the effective policy of that path against the simulated network, stores and clock. Build one with
/// <see cref="GatewayBuilder"/>.
/// </summary>
public sealed class SimulatedGateway
{
    private readonly GatewayDefinition _definition;
    private readonly PolicyBinder _binder;
    private readonly ConcurrentDictionary<(string? Product, string Api, string Operation), BoundPipeline> _pipelines = new();
    private readonly IReadOnlyList<(ApiDefinition Api, IReadOnlyList<OperationMatcher> Operations)> _routes;

    internal SimulatedGateway(GatewayDefinition definition, GatewayServices services, PolicyHandlerRegistry handlers, CompiledExpressionLookup expressions)
    {
        _definition = definition;
        Services = services;
        _binder = new PolicyBinder(handlers, expressions, definition.Fragments, "global", "inbound");
        _routes = definition.ApiDefinitions
            .OrderByDescending(a => a.Path.Length)
            .Select(a => (a, (IReadOnlyList<OperationMatcher>)(a.Operations.Count == 0 ? [new OperationMatcher(new OperationDefinition("*", "*", "/*"))] : a.Operations.Select(o => new OperationMatcher(o)).ToList())))
            .ToList();
    }

    public GatewayServices Services { get; }

    /// <summary>The virtual clock tests advance; null when the gateway runs on real time.</summary>
    public FakeTimeProvider? VirtualClock => Services.Clock as FakeTimeProvider;

    public async Task<GatewayResult> SendAsync(GatewayCall call, CancellationToken cancellationToken = default)
    {
        var url = ParseUrl(call.Url);
        var preflight = CorsPreflight.Is(call.Method, call.Headers);
        if ((Route(call.Method, url) ?? (preflight ? Route(RequestedMethod(call), url) : null)) is not { } route)
        {
            return BuiltInError(404, "Resource not found", "configuration", "OperationNotFound");
        }

        var (api, operation, parameters, suffix) = route;
        var subscription = Identify(call, api, url, out var keyProblem);

        // Browsers send preflights without credentials. The harness lets the cors policies of the scopes that need
        // no subscription answer such a preflight (a product's cannot: it is known only by the key); APIM's exact
        // rule is not documented.
        var keylessPreflight = preflight && keyProblem?.Reason == "SubscriptionKeyNotFound" && Pipeline(null, api.Id, operation.Id).AnswersPreflight;
        if (keyProblem is { } problem && !keylessPreflight)
        {
            return BuiltInError(401, problem.Message, "authorization", problem.Reason);
        }

        var request = new GatewayRequest(call.Method.ToUpperInvariant(), url)
        {
            IpAddress = call.IpAddress,
            MatchedParameters = new MatchedParameters(parameters),
        };
        foreach (var (name, value) in call.Headers)
        {
            request.Headers.Append(name, value);
        }

        if (call.Body.Length > 0)
        {
            var contentType = call.ContentType ?? request.Headers.GetValueOrDefault("Content-Type");
            request.Body = new MessageBody(call.Body, contentType);
            if (contentType is not null && !request.Headers.ContainsKey("Content-Type"))
            {
                request.Headers.Set("Content-Type", contentType);
            }
        }

        var product = subscription is null ? null : _definition.ProductDefinitions.FirstOrDefault(p => p.Id == subscription.ProductId);
        var expression = new ExpressionContext(request, Services.Clock)
        {
            Api = new ContextApi { Id = api.Id, Name = api.Name, Path = api.Path, ServiceUrl = new Url(api.ServiceUrl) },
            Operation = new Operation { Id = operation.Id, Name = operation.Name, Method = operation.Method, UrlTemplate = operation.UrlTemplate },
            Product = product is null ? null : new Product { Id = product.Id, Name = product.Name, SubscriptionRequired = product.SubscriptionRequired },
            Subscription = subscription is null ? null : new Subscription
            {
                Id = subscription.Id, Name = subscription.Name, Key = KeyPresented(call, api, url) ?? subscription.PrimaryKey,
                PrimaryKey = subscription.PrimaryKey, SecondaryKey = subscription.SecondaryKey,
                CreatedDate = subscription.CreatedDate?.UtcDateTime ?? default,
            },
            User = subscription?.User is { } user ? new User
            {
                Id = user.Id, Email = user.Email, FirstName = user.FirstName, LastName = user.LastName,
                Groups = user.Groups.Select(g => new Group(g, g)).ToArray(),
            } : null,
        };

        var context = new PolicyExecutionContext(expression, Services, cancellationToken)
        {
            BackendBaseUrl = api.ServiceUrl,
            BackendPath = suffix,
        };
        string? harnessError = null;
        try
        {
            await Pipeline(product?.Id, api.Id, operation.Id).RunAsync(context);
        }
        catch (PolicyNotEmulatedException e)
        {
            harnessError = e.Message;
        }

        return Result(context, harnessError);
    }

    private BoundPipeline Pipeline(string? product, string api, string operation) =>
        _pipelines.GetOrAdd((product, api, operation), key =>
        {
            var chain = new List<ScopedPolicyDocument>();
            Add(chain, PolicyScopes.Global, _definition.Global);
            Add(chain, PolicyScopes.Product, key.Product is null ? null : _definition.Products.GetValueOrDefault(key.Product));
            Add(chain, PolicyScopes.Api, _definition.Apis.GetValueOrDefault(key.Api));
            Add(chain, PolicyScopes.Operation, _definition.Operations.GetValueOrDefault((key.Api, key.Operation)));
            return BoundPipeline.Bind(PolicyComposer.Compose(chain), _binder);
        });

    private static void Add(List<ScopedPolicyDocument> chain, PolicyScopes scope, PolicyDocument? document)
    {
        if (document is not null)
        {
            chain.Add(new ScopedPolicyDocument(scope, document));
        }
    }

    private (ApiDefinition Api, OperationDefinition Operation, IReadOnlyList<KeyValuePair<string, string>> Parameters, string Suffix)? Route(string method, Url url)
    {
        foreach (var (api, operations) in _routes)
        {
            var prefix = "/" + api.Path.Trim('/');
            var path = url.Path;
            if (prefix != "/" && !(path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var suffix = prefix == "/" ? path : path[prefix.Length..];
            foreach (var matcher in operations)
            {
                if (matcher.Operation.UrlTemplate == "/*" && matcher.Operation.Method == "*")
                {
                    return (api, matcher.Operation, [], suffix);
                }

                if (matcher.TryMatch(method, suffix, out var parameters))
                {
                    return (api, matcher.Operation, parameters, suffix);
                }
            }
        }

        return null;
    }

    private SubscriptionDefinition? Identify(GatewayCall call, ApiDefinition api, Url url, out (string Reason, string Message)? problem)
    {
        problem = null;
        if (call.SubscriptionId is { } id)
        {
            return _definition.Subscriptions.FirstOrDefault(s => s.Id == id)
                   ?? throw new ArgumentException($"The call names subscription '{id}', which the gateway does not have.", nameof(call));
        }

        var key = KeyPresented(call, api, url);
        if (key is null)
        {
            if (api.SubscriptionRequired)
            {
                problem = ("SubscriptionKeyNotFound", "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.");
            }

            return null;
        }

        var subscription = _definition.Subscriptions.FirstOrDefault(s => s.Matches(key));
        var product = subscription is null ? null : _definition.ProductDefinitions.FirstOrDefault(p => p.Id == subscription.ProductId);
        if (subscription is null || product is null || !product.Contains(api.Id))
        {
            problem = ("SubscriptionKeyInvalid", "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.");
            return null;
        }

        return subscription;
    }

    /// <summary>A preflight is matched to the operation of the method it asks about when no OPTIONS operation exists.</summary>
    private static string RequestedMethod(GatewayCall call) =>
        call.Headers.First(h => h.Key.Equals(CorsPreflight.RequestMethodHeader, StringComparison.OrdinalIgnoreCase)).Value.Trim();

    private static string? KeyPresented(GatewayCall call, ApiDefinition api, Url url) =>
        call.Headers.FirstOrDefault(h => string.Equals(h.Key, api.SubscriptionKeyHeader, StringComparison.OrdinalIgnoreCase)).Value
        ?? url.Query.GetValueOrDefault(api.SubscriptionKeyQuery);

    private static Url ParseUrl(string text)
    {
        var absolute = Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : new Uri(new Uri("https://apim.local"), text);
        return new Url(absolute);
    }

    private static GatewayResult Result(PolicyExecutionContext context, string? harnessError) => Result(
        context.Response,
        context.Expression.Variables.ToDictionary(v => v.Key, v => v.Value),
        context.Trace.Entries,
        context.Expression.TraceMessages,
        context.Calls,
        context.Expression.LastError,
        harnessError);

    /// <summary>A built-in step (routing, subscription keys) refused the request before any policy ran.</summary>
    private static GatewayResult BuiltInError(int status, string message, string source, string reason) => Result(
        BoundPipeline.ErrorResponse(status, message, []),
        new Dictionary<string, object>(),
        [],
        [],
        [],
        new LastError(source, message) { Reason = reason },
        null);

    private static GatewayResult Result(
        GatewayResponse response,
        IReadOnlyDictionary<string, object> variables,
        IReadOnlyList<ExecutionTraceEntry> trace,
        IReadOnlyList<string> expressionTraces,
        IReadOnlyList<OutboundCall> calls,
        Context.ILastError? lastError,
        string? harnessError) => new()
    {
        StatusCode = response.StatusCode,
        StatusReason = response.StatusReason,
        Headers = response.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase),
        Body = response.Body is { Live: null } body ? body.Content.ToArray() : [],
        LiveBody = response.Body?.Live,
        Variables = variables,
        Trace = trace,
        ExpressionTraces = expressionTraces,
        Calls = calls,
        LastError = lastError,
        HarnessError = harnessError,
    };
}
