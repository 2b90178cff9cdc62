namespace ApimAiGateway.Harness.Services;

/// <summary>A service that gives a fixed sequence of outcomes, one per call, in order of arrival.</summary>
public sealed class CannedResponseHandler : IServiceHandler
{
    private readonly ServiceOutcome[] _outcomes;
    private readonly CannedSequenceEnd _end;
    private long _served;

    public CannedResponseHandler(IEnumerable<ServiceOutcome> outcomes, CannedSequenceEnd end = CannedSequenceEnd.RepeatLast)
    {
        _outcomes = [.. outcomes];
        if (_outcomes.Length == 0)
        {
            throw new ArgumentException("A canned sequence needs at least one outcome.", nameof(outcomes));
        }

        _end = end;
    }

    public CannedResponseHandler(params ServiceResponse[] responses)
        : this(responses.Select(ServiceOutcome.Respond))
    {
    }

    public ValueTask<ServiceOutcome> HandleAsync(ServiceRequest request, ServiceCallContext context, CancellationToken cancellationToken)
    {
        // The handler counts its own calls rather than using the context's call number, so one instance can serve
        // several routes and still walk its sequence once.
        var index = Interlocked.Increment(ref _served) - 1;
        var position = index < _outcomes.Length
            ? (int)index
            : _end == CannedSequenceEnd.Cycle ? (int)(index % _outcomes.Length) : _outcomes.Length - 1;
        return ValueTask.FromResult(_outcomes[position]);
    }
}
