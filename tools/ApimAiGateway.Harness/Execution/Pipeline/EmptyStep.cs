namespace ApimAiGateway.Harness.Execution.Pipeline;

/// <summary>A section or branch with no policies.</summary>
internal sealed class EmptyStep : IPolicyStep
{
    public static EmptyStep Instance { get; } = new();

    public ValueTask ExecuteAsync(PolicyExecutionContext context) => ValueTask.CompletedTask;
}
