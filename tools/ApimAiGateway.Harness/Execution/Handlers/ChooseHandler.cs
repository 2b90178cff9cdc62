using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// choose / when / otherwise (apim-reference §4.9): conditions are evaluated in order, the first true branch runs
/// and no later condition is evaluated; otherwise runs when none is true.
/// </summary>
public sealed class ChooseHandler : IPolicyHandler
{
    public string PolicyName => "choose";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder)
    {
        var branches = element.ElementsNamed("when")
            .Select(when => (Condition: binder.Attribute(when, "condition", false), Body: binder.Nested(when)))
            .ToList();
        var otherwise = element.ElementsNamed("otherwise").FirstOrDefault() is { } branch ? binder.Nested(branch) : null;
        return new Step(branches, otherwise);
    }

    private sealed class Step(IReadOnlyList<(BoundValue<bool> Condition, IPolicyStep Body)> branches, IPolicyStep? otherwise) : IPolicyStep
    {
        public async ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            for (var i = 0; i < branches.Count; i++)
            {
                if (branches[i].Condition.Evaluate(context))
                {
                    context.Note($"when #{i + 1} is true");
                    await branches[i].Body.ExecuteAsync(context);
                    return;
                }
            }

            if (otherwise is not null)
            {
                context.Note("no condition is true: otherwise");
                await otherwise.ExecuteAsync(context);
            }
            else
            {
                context.Note("no condition is true");
            }
        }
    }
}
