namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>
/// The failures and delays scripted for a simulated resource: "the next 2 calls fail with 503", "calls for this
/// deployment time out", "the next call takes 5 s". Counted faults are used up in order before predicates apply.
/// Safe to script while calls are running.
/// </summary>
public sealed class FaultScript
{
    private readonly Lock _gate = new();
    private readonly Queue<SimulatedFault> _next = new();
    private readonly List<(Func<ServiceRequest, bool> Applies, SimulatedFault Fault)> _rules = [];
    private readonly Queue<TimeSpan> _delays = new();
    private readonly Queue<Task> _streamPauses = new();

    /// <summary>The next <paramref name="calls"/> calls fail with <paramref name="fault"/>.</summary>
    public FaultScript FailNext(int calls, SimulatedFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        lock (_gate)
        {
            for (var i = 0; i < calls; i++)
            {
                _next.Enqueue(fault);
            }
        }

        return this;
    }

    /// <summary>Every call the predicate picks fails with <paramref name="fault"/>, until <see cref="Clear"/>.</summary>
    public FaultScript FailWhen(Func<ServiceRequest, bool> applies, SimulatedFault fault)
    {
        lock (_gate)
        {
            _rules.Add((applies, fault));
        }

        return this;
    }

    /// <summary>The next <paramref name="calls"/> calls take <paramref name="latency"/> more, whatever their outcome.</summary>
    public FaultScript DelayNext(int calls, TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        lock (_gate)
        {
            for (var i = 0; i < calls; i++)
            {
                _delays.Enqueue(latency);
            }
        }

        return this;
    }

    /// <summary>
    /// The next streamed answer sends its first event, then waits for <paramref name="resume"/> to complete before
    /// the rest: a test can see that an event reached it while the stream was still being produced.
    /// </summary>
    public FaultScript PauseNextStream(Task resume)
    {
        lock (_gate)
        {
            _streamPauses.Enqueue(resume);
        }

        return this;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _next.Clear();
            _rules.Clear();
            _delays.Clear();
            _streamPauses.Clear();
        }
    }

    internal SimulatedFault? TakeFault(ServiceRequest request)
    {
        lock (_gate)
        {
            return _next.TryDequeue(out var fault) ? fault : _rules.FirstOrDefault(rule => rule.Applies(request)).Fault;
        }
    }

    internal TimeSpan TakeDelay()
    {
        lock (_gate)
        {
            return _delays.TryDequeue(out var delay) ? delay : TimeSpan.Zero;
        }
    }

    internal Task TakeStreamPause()
    {
        lock (_gate)
        {
            return _streamPauses.TryDequeue(out var pause) ? pause : Task.CompletedTask;
        }
    }
}
