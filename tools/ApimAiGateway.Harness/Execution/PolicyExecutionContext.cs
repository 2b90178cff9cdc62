using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Services;
using Microsoft.Extensions.Time.Testing;

namespace ApimAiGateway.Harness.Execution;

/// <summary>
/// Everything one request's run of the pipeline works on: the <c>context</c> expressions see, the gateway's shared
/// services, the record of what ran, and the flow state (which section runs, whether the pipeline was cut short).
/// </summary>
public sealed class PolicyExecutionContext(ExpressionContext expression, GatewayServices services, CancellationToken cancellationToken)
{
    private readonly List<Func<PolicyExecutionContext, ValueTask>> _afterOutbound = [];
    private readonly List<OutboundCall> _calls = [];
    private TimeSpan? _branchElapsed;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, object> _features = new();

    public ExpressionContext Expression { get; } = expression;

    public GatewayRequest Request => Expression.Request;

    public GatewayResponse Response
    {
        get => Expression.Response;
        set => Expression.Response = value;
    }

    public GatewayServices Services { get; } = services;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public ExecutionTrace Trace { get; } = new();

    /// <summary>The section that runs now: policies such as set-header act on the request or the response by it.</summary>
    public string Section { get; internal set; } = "inbound";

    /// <summary>
    /// Set by return-response, mock-response, a cache hit and the like: the response is final and the remaining
    /// policies, outbound included, do not run.
    /// </summary>
    public bool IsTerminated { get; private set; }


    /// <summary>Whether the current section edits the response (outbound, on-error) rather than the request.</summary>
    public bool ActsOnResponse => EditingResponse || Section is "outbound" or "on-error";

    /// <summary>Set while return-response's children build the response it returns.</summary>
    public bool EditingResponse { get; set; }

    public TimeProvider Clock => Services.Clock;

    /// <summary>Where forward-request sends the request: the API's service URL until set-backend-service changes it.</summary>
    public Uri BackendBaseUrl { get; set; } = new("http://backend.invalid/");

    /// <summary>The backend entity set-backend-service chose (a single backend or a pool); null for a plain URL.</summary>
    public Backends.BackendDefinition? SelectedBackend { get; set; }

    /// <summary>The request path below the API's own path; rewrite-uri replaces it.</summary>
    public string BackendPath { get; set; } = string.Empty;

    /// <summary>Every call this request made on the simulated network, in order.</summary>
    public IReadOnlyList<OutboundCall> Calls => _calls;

    /// <summary>
    /// Sends a request on the simulated network as <paramref name="policy"/> (forward-request, send-request, ...):
    /// applies the caller's timeout to the service's latency, moves a virtual clock on by the time the call took
    /// (nothing sleeps), and records the call. An answer whose body is still arriving is waited for whole unless
    /// <paramref name="streamResponse"/> (forward-request with buffer-response="false").
    /// </summary>
    public async ValueTask<ServiceOutcome> SendAsync(string policy, ServiceRequest request, TimeSpan timeout, bool streamResponse = false)
    {
        var outcome = (await Services.Network.SendAsync(request, CancellationToken)).Within(timeout);
        if (!streamResponse && outcome.Response?.Live is { } live)
        {
            await live.ReadToEndAsync(CancellationToken);
        }
        Elapse(outcome.Latency);

        lock (_calls)
        {
            _calls.Add(new OutboundCall(policy, request, outcome));
        }

        return outcome;
    }

    /// <summary>
    /// Spends <paramref name="duration"/> of the request's time (a call's latency, a retry's wait) by moving a virtual
    /// clock on; nothing sleeps, and on a real clock nothing happens. Inside <see cref="MeasureBranchAsync"/> the time
    /// is tallied for the branch instead, because branches run side by side.
    /// </summary>
    public void Elapse(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || duration == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (_branchElapsed is { } tally)
        {
            _branchElapsed = tally + duration;
        }
        else if (Clock is FakeTimeProvider virtualClock)
        {
            virtualClock.Advance(duration);
        }
    }

    /// <summary>
    /// Runs one branch of work that happens alongside others (a child of wait) or that nobody waits for
    /// (send-one-way-request) and returns the virtual time it took; the clock does not move meanwhile, so the caller
    /// decides how much of it the request spends.
    /// </summary>
    public async ValueTask<TimeSpan> MeasureBranchAsync(Func<ValueTask> branch)
    {
        var outer = _branchElapsed;
        _branchElapsed = TimeSpan.Zero;
        try
        {
            await branch();
            return _branchElapsed.Value;
        }
        finally
        {
            _branchElapsed = outer;
        }
    }

    /// <summary>The policy that runs now; set by the step wrapper so handlers need not carry it.</summary>
    public PolicyLocation? Current { get; internal set; }

    public void Terminate() => IsTerminated = true;

    /// <summary>on-error runs after an error even if the pipeline had been ended.</summary>
    internal void ResumeAfterError() => IsTerminated = false;

    /// <summary>Records what the current policy decided, for the trace users read when a scenario fails.</summary>
    public void Note(string message)
    {
        if (Current is { } location)
        {
            Trace.Add(location, message);
        }
    }

    /// <summary>
    /// Work deferred to the end of the outbound section: counters whose increment depends on the response
    /// (rate-limit-by-key with an increment-condition expression; token usage).
    /// </summary>
    public void AfterOutbound(Func<PolicyExecutionContext, ValueTask> action) => _afterOutbound.Add(action);

    internal IReadOnlyList<Func<PolicyExecutionContext, ValueTask>> DeferredActions => _afterOutbound;

    /// <summary>
    /// State that policies of one request hand to each other, one instance per type: cache-lookup's key for
    /// cache-store, the counter-keys quota-by-key has already counted for this request.
    /// </summary>
    public T Feature<T>()
        where T : class, new() => (T)_features.GetOrAdd(typeof(T), static _ => new T());
}
