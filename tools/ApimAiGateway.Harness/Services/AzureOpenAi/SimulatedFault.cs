namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>A failure injected into a simulated Azure OpenAI resource in place of its answer.</summary>
public sealed class SimulatedFault
{
    private readonly Func<ServiceOutcome> _outcome;

    private SimulatedFault(string description, Func<ServiceOutcome> outcome)
    {
        Description = description;
        _outcome = outcome;
    }

    public string Description { get; }

    /// <summary>An error answer with Azure's body for the status (500 and 503 carry Azure's own messages).</summary>
    public static SimulatedFault Status(int statusCode, TimeSpan? retryAfter = null) => new(
        $"status {statusCode}",
        () => retryAfter is { } wait
            ? AzureOpenAiErrors.ForStatus(statusCode).WithHeader("Retry-After", AzureOpenAiErrors.RetryAfterSeconds(wait))
            : AzureOpenAiErrors.ForStatus(statusCode));

    /// <summary>The call is accepted and never answered; the caller's own timeout ends it.</summary>
    public static SimulatedFault Timeout() => new("timeout", ServiceOutcome.NoResponse);

    /// <summary>The connection is refused or reset before any answer.</summary>
    public static SimulatedFault ConnectionFailure() => new("connection failure", () => ServiceOutcome.ConnectionFailure("The connection was reset by the simulated Azure OpenAI resource."));

    internal ServiceOutcome ToOutcome() => _outcome();

    public override string ToString() => Description;
}
