namespace ApimAiGateway.Harness.Execution.Pipeline;

/// <summary>Policies in document order; a policy that ends the pipeline (return-response) stops the rest.</summary>
internal sealed class SequenceStep(IReadOnlyList<IPolicyStep> steps) : IPolicyStep
{
    public async ValueTask ExecuteAsync(PolicyExecutionContext context)
    {
        foreach (var step in steps)
        {
            if (context.IsTerminated)
            {
                return;
            }

            await step.ExecuteAsync(context);
        }
    }
}
