namespace ApimAiGateway.Harness.Execution;

/// <summary>One policy bound to its element once, when the gateway is built, and run for every request.</summary>
public interface IPolicyStep
{
    ValueTask ExecuteAsync(PolicyExecutionContext context);
}
