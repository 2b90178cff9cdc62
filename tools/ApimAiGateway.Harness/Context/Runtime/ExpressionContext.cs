namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>
/// The <c>context</c> of one request. The executor drives the request, response, variables, backend and last
/// error; identity (API, operation, product, subscription, user, deployment) is fixed when the request arrives.
/// Time comes from a <see cref="TimeProvider"/> so tests can control <see cref="Timestamp"/> and <see cref="Elapsed"/>.
/// </summary>
public sealed class ExpressionContext : IExpressionContext
{
    private readonly TimeProvider _clock;
    private readonly List<string> _traceMessages = [];

    public ExpressionContext(GatewayRequest request, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        Request = request;
        Timestamp = _clock.GetUtcNow().UtcDateTime;
    }

    public GatewayRequest Request { get; }

    /// <summary>Replaceable, since return-response and a backend answer each bring a whole new response.</summary>
    public GatewayResponse Response { get; set; } = new();

    public VariableStore Variables { get; } = new();

    public IContextApi Api { get; init; } = new ContextApi();

    public IBackend? Backend { get; set; }

    public IDeployment Deployment { get; init; } = new Deployment();

    public IGraphQL GraphQL { get; init; } = new GraphQLContext();

    public ILastError? LastError { get; set; }

    public IOperation Operation { get; init; } = new Operation();

    public IProduct? Product { get; init; }

    public Guid RequestId { get; init; } = Guid.NewGuid();

    public ISubscription? Subscription { get; init; }

    public DateTime Timestamp { get; }

    public TimeSpan Elapsed => _clock.GetUtcNow().UtcDateTime - Timestamp;

    public bool Tracing { get; init; }

    public IUser? User { get; init; }

    public IWorkspace? Workspace { get; init; }

    /// <summary>Messages written by <see cref="Trace"/>, in order.</summary>
    public IReadOnlyList<string> TraceMessages => _traceMessages;

    public void Trace(string message) => _traceMessages.Add(message);

    IRequest IExpressionContext.Request => Request;

    IResponse IExpressionContext.Response => Response;

    IVariables IExpressionContext.Variables => Variables;
}
