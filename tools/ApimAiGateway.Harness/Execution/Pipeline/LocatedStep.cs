namespace ApimAiGateway.Harness.Execution.Pipeline;

/// <summary>Runs a policy's step knowing where it stands, so its notes and errors carry the place.</summary>
internal sealed class LocatedStep(PolicyLocation location, IPolicyStep inner) : IPolicyStep
{
    public async ValueTask ExecuteAsync(PolicyExecutionContext context)
    {
        var outer = context.Current;
        context.Current = location;
        try
        {
            await inner.ExecuteAsync(context);
        }
        catch (PolicyException e) when (e.Location is null)
        {
            e.Location = location;
            throw;
        }
        finally
        {
            context.Current = outer;
        }
    }
}
