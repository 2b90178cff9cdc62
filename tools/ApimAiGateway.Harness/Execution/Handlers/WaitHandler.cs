using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// wait (apim-reference §4.15): its send-request, cache-lookup-value and choose children run in parallel; for="all"
/// (default) completes when all have finished, for="any" when the first has, and the rest are terminated.
/// The harness runs the children one after another, each starting from the virtual time the wait started, and then
/// moves the clock on by the longest child's time (all) or the shortest (any). With any, only the first child to
/// finish keeps its variables: the others were terminated before storing anything. Other side effects of the
/// terminated children (calls already sent, cache writes) stay, as sent calls would. An error fails the wait when
/// its child is one the wait waits for: with all, the earliest failure; with any, only a failure of the winner.
/// </summary>
public sealed class WaitHandler : IPolicyHandler
{
    public string PolicyName => "wait";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) =>
        new Step(binder.Attribute(element, "for", "all"), [.. element.Elements.Select(binder.Bind)]);

    private sealed class Step(BoundValue<string> waitFor, IReadOnlyList<IPolicyStep> children) : IPolicyStep
    {
        public async ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var any = waitFor.Evaluate(context).Trim().Equals("any", StringComparison.OrdinalIgnoreCase);
            var variables = context.Expression.Variables;
            var before = variables.ToList();
            var branches = new List<Branch>();
            foreach (var child in children)
            {
                if (any)
                {
                    Restore(variables, before);
                }

                PolicyException? error = null;
                var elapsed = await context.MeasureBranchAsync(async () =>
                {
                    try
                    {
                        await child.ExecuteAsync(context);
                    }
                    catch (PolicyException e)
                    {
                        error = e;
                    }
                });
                branches.Add(new Branch(elapsed, error, variables.ToList()));
            }

            var failure = branches.Where(b => b.Error is not null).MinBy(b => b.Elapsed);
            var decisive = any ? branches.MinBy(b => b.Elapsed) : failure ?? branches.MaxBy(b => b.Elapsed);
            if (decisive is null)
            {
                return;
            }

            if (any)
            {
                Restore(variables, decisive.Variables);
            }

            context.Note($"waited {decisive.Elapsed.TotalMilliseconds:0.###} ms for {(any ? "the first" : "all")} of {branches.Count} children");
            context.Elapse(decisive.Elapsed);
            if (decisive.Error is { } decisiveError)
            {
                throw decisiveError;
            }
        }

        private static void Restore(Context.Runtime.VariableStore variables, IReadOnlyList<KeyValuePair<string, object>> state)
        {
            foreach (var name in variables.Keys.ToList())
            {
                variables.Remove(name);
            }

            foreach (var (name, value) in state)
            {
                variables.Set(name, value);
            }
        }

        private sealed record Branch(TimeSpan Elapsed, PolicyException? Error, IReadOnlyList<KeyValuePair<string, object>> Variables);
    }
}
