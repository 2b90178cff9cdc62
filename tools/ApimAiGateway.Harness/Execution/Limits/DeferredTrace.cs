namespace ApimAiGateway.Harness.Execution.Limits;

/// <summary>
/// Work a limit defers to the end of outbound runs when no policy is current any more; its notes are filed under
/// the policy that deferred it, so the trace still says which limit counted what.
/// </summary>
internal static class DeferredTrace
{
    public static void NoteFor(this PolicyExecutionContext context, PolicyLocation? policy, string message)
    {
        if (policy is not null)
        {
            context.Trace.Add(policy, message);
        }
    }
}
