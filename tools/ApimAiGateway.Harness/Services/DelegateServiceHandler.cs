namespace ApimAiGateway.Harness.Services;

/// <summary>A service scripted in C#: a delegate decides each outcome.</summary>
public sealed class DelegateServiceHandler : IServiceHandler
{
    private readonly Func<ServiceRequest, ServiceCallContext, CancellationToken, ValueTask<ServiceOutcome>> _handle;

    /// <summary>The general form: sees the call context, may fail or delay, may await.</summary>
    public DelegateServiceHandler(Func<ServiceRequest, ServiceCallContext, CancellationToken, ValueTask<ServiceOutcome>> handle) =>
        _handle = handle;

    /// <summary>A synchronous service that may fail or delay, e.g. by call number.</summary>
    public DelegateServiceHandler(Func<ServiceRequest, ServiceCallContext, ServiceOutcome> decide)
        : this((request, context, _) => ValueTask.FromResult(decide(request, context)))
    {
    }

    /// <summary>A service that always answers at once.</summary>
    public DelegateServiceHandler(Func<ServiceRequest, ServiceResponse> respond)
        : this((request, _, _) => ValueTask.FromResult<ServiceOutcome>(respond(request)))
    {
    }

    public ValueTask<ServiceOutcome> HandleAsync(ServiceRequest request, ServiceCallContext context, CancellationToken cancellationToken) =>
        _handle(request, context, cancellationToken);
}
