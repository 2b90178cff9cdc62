namespace ApimAiGateway.Harness.Execution.Pipeline;

/// <summary>A step whose policy could not be bound; it fails with the binding problem when it is reached.</summary>
internal sealed class FailingStep(PolicyException error) : IPolicyStep
{
    public ValueTask ExecuteAsync(PolicyExecutionContext context) => throw error;
}
