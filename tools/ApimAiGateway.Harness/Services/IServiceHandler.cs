namespace ApimAiGateway.Harness.Services;

/// <summary>
/// A simulated service: decides the outcome of each call routed to it. Handlers may be called concurrently
/// (the <c>wait</c> policy runs send-requests in parallel), so any state they keep must be thread-safe.
/// A handler that throws has a bug; the exception reaches the test instead of being disguised as a network fault.
/// </summary>
public interface IServiceHandler
{
    ValueTask<ServiceOutcome> HandleAsync(ServiceRequest request, ServiceCallContext context, CancellationToken cancellationToken);
}
